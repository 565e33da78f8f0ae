#include "run_digest.hpp"

#include <algorithm>
#include <cmath>

#include "text_util.hpp"

namespace mgpt::explorer {

bool better_point(const PointRow& a, const PointRow& b) {
    if (a.tokens_per_s != b.tokens_per_s) return a.tokens_per_s > b.tokens_per_s;
    if (a.alms != b.alms) return a.alms < b.alms;
    return a.index < b.index;
}

bool OnlineFront::add(const PointRow& r) {
    const long c = cost(r);
    const double g = r.tokens_per_s;
    auto it = by_cost_.upper_bound(c);  // the first costlier entry
    if (it != by_cost_.begin()) {
        const auto prev = std::prev(it);  // the costliest entry at most as costly
        const double gp = prev->second.front().tokens_per_s;
        if (gp > g || (gp == g && prev->first < c)) return false;  // dominated
        if (gp == g) {  // an equal point: on the front too
            prev->second.push_back(r);
            return true;
        }
        if (prev->first == c) by_cost_.erase(prev);  // as costly, slower: dominated by r
    }
    // Costlier entries no faster than r are dominated by it (gains rise with cost).
    for (it = by_cost_.upper_bound(c); it != by_cost_.end() && it->second.front().tokens_per_s <= g;)
        it = by_cost_.erase(it);
    by_cost_[c] = {r};
    return true;
}

bool OnlineFront::contains(long index) const {
    for (const auto& [c, rows] : by_cost_)
        for (const auto& r : rows)
            if (r.index == index) return true;
    return false;
}

std::vector<const PointRow*> OnlineFront::rows() const {
    std::vector<const PointRow*> out;
    for (const auto& [c, rows] : by_cost_)
        for (const auto& r : rows) out.push_back(&r);  // rows of one cost arrive in index order
    return out;
}

size_t OnlineFront::size() const {
    size_t n = 0;
    for (const auto& [c, rows] : by_cost_) n += rows.size();
    return n;
}

std::string timing_limit(const PointRow& r) {
    return r.f_mhz <= r.fmax_mhz ? "measured " + r.structural_path : r.critical_path;
}

void RunDigest::add(const PointRow& r) {
    ++points_;
    ++phases_[r.phase.rfind("local", 0) == 0 ? "local search" : r.phase];
    if (r.index == 0) baseline_ = r;
    add_key_values(r);
    add_cloud(r);
    if (!r.fits)
        for (const auto& part : split(r.over_limits, '+')) ++by_resource_[part];
    if (!r.meets_timing) ++by_path_[timing_limit(r)];
    Category* lost = !r.fits && r.meets_timing   ? &resources_only_
                     : r.fits && !r.meets_timing ? &timing_only_
                     : !r.fits                   ? &both_
                                                 : nullptr;
    if (lost) {
        ++lost->count;
        if (lost->examples.size() < kExamples) lost->examples.push_back(r);
        return;
    }
    ++feasible_;
    if (!best_ || better_point(r, *best_)) best_ = r;
    if (r.index != 0 && (fastest_.size() < 10 || better_point(r, fastest_.back()))) {
        fastest_.insert(std::upper_bound(fastest_.begin(), fastest_.end(), r, better_point), r);
        if (fastest_.size() > 10) fastest_.pop_back();
    }
    dsp_front_.add(r);
    latency_front_.add(r);
    const bool on_front = alm_front_.add(r);
    OffFront& o = off_[stalls(r) ? 1 : 0];
    ++o.feasible;
    if (o.dominated_on_arrival >= kExamples) return;  // later rows come after every example
    o.candidates.push_back(r);
    if (!on_front) ++o.dominated_on_arrival;
}

RunDigest::Category RunDigest::off_front(bool stalled) const {
    const OffFront& o = off_[stalled ? 1 : 0];
    Category c;
    long on_front = 0;
    for (const PointRow* r : alm_front_.rows()) on_front += stalls(*r) == stalled;
    c.count = o.feasible - on_front;
    for (const auto& r : o.candidates)
        if (c.examples.size() < kExamples && !alm_front_.contains(r.index)) c.examples.push_back(r);
    return c;
}

void RunDigest::add_key_values(const PointRow& r) {
    for (const auto& k : arch::design_keys()) {
        if (!arch::is_sweepable(k)) continue;
        std::string v = k.get(r.design);
        if (v.empty()) v = "(not applicable)";
        KeyBest& b = key_values_[k.key][v];
        ++b.points;
        if (!r.feasible) continue;
        ++b.feasible;
        if (b.index < 0 || r.tokens_per_s > b.tokens_per_s ||
            (r.tokens_per_s == b.tokens_per_s && (r.alms < b.alms || (r.alms == b.alms && r.index < b.index)))) {
            b.tokens_per_s = r.tokens_per_s;
            b.alms = r.alms;
            b.index = r.index;
            b.fmax_mhz = r.fmax_mhz;
            b.critical_path = r.critical_path;
        }
    }
}

namespace {
constexpr int kCellBias = 1 << 20;
int cell_of(double v) {
    return static_cast<int>(std::floor(std::log10(std::max(v, 1.0)) * RunDigest::kCellsPerDecade));
}
}  // namespace

void RunDigest::add_cloud(const PointRow& r) {
    if (r.tokens_per_s <= 0) return;  // nothing to draw on a log scale
    const uint64_t y = static_cast<uint64_t>(cell_of(r.tokens_per_s) + kCellBias);
    for (int dsp = 0; dsp < 2; ++dsp) {
        const uint64_t x = static_cast<uint64_t>(cell_of(static_cast<double>(dsp ? r.dsp : r.alms)) + kCellBias);
        ++cells_[dsp][r.feasible ? 1 : 0][x << 32 | y];
    }
}

std::vector<DensityCell> RunDigest::cloud(bool dsp, bool feasible) const {
    std::vector<DensityCell> out;
    auto centre = [](uint64_t c) {
        return std::pow(10.0, (static_cast<double>(static_cast<int64_t>(c) - kCellBias) + 0.5) / kCellsPerDecade);
    };
    for (const auto& [packed, n] : cells_[dsp ? 1 : 0][feasible ? 1 : 0])
        out.push_back({centre(packed >> 32), centre(packed & 0xffffffffu), n});
    return out;
}

}  // namespace mgpt::explorer
