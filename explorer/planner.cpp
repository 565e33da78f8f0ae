#include "planner.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "pareto.hpp"
#include "parallel_for.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

namespace {
constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();
}

Planner::Planner(const Sweep& sweep) : sweep_(sweep), space_(sweep) {}

bool Planner::add(std::vector<PlannedPoint>& out, arch::DesignPoint d, const std::string& phase) {
    if (!seen_.insert(arch::to_short_string(d)).second) return false;
    d.name = sweep_.name + "_" + std::to_string(next_);
    out.push_back({next_++, phase, d});
    return true;
}

std::vector<PlannedPoint> Planner::grid(int shard_index, int shard_count) {
    const uint64_t n = space_.size();
    if (n == kSaturated) throw std::runtime_error(sweep_.path + ": the grid is too large to count");
    // Grid values are distinct (the sweep refuses a value listed twice), so the
    // only point skipped is the baseline's own grid position, if it has one:
    // grid point i is plan index first + i before it, first + i - 1 after it.
    const std::optional<uint64_t> base = space_.index_of(sweep_.baseline);
    if (base && arch::to_short_string(space_.at(*base)) != arch::to_short_string(sweep_.baseline))
        throw std::logic_error("grid: the baseline's grid position " + std::to_string(*base) + " is another point");
    // Local search skips what was planned: it needs every grid point's key.
    const bool remember = sweep_.local_search_rounds > 0;
    const long first = next_;
    const uint64_t count = n - (base ? 1 : 0);
    std::vector<PlannedPoint> out;
    const uint64_t n_shard = count / static_cast<uint64_t>(shard_count) + 1;
    out.reserve(static_cast<size_t>(std::min<uint64_t>(n_shard, 1u << 20)));
    // the first plan index of this shard at or after `first`
    long j = first + ((shard_index - first % shard_count) % shard_count + shard_count) % shard_count;
    for (; static_cast<uint64_t>(j - first) < count; j += shard_count) {
        const uint64_t k = static_cast<uint64_t>(j - first);
        arch::DesignPoint d = space_.at(DesignSpace::position_skipping(k, base));
        if (remember) seen_.insert(arch::to_short_string(d));
        d.name = sweep_.name + "_" + std::to_string(j);
        out.push_back({j, "grid", d});
    }
    next_ = first + static_cast<long>(count);
    return out;
}

std::vector<PlannedPoint> Planner::initial(int shard_index, int shard_count) {
    const bool lazy = sweep_.strategy == Strategy::grid && sweep_.local_search_rounds == 0;
    if (shard_count < 1 || shard_index < 0 || shard_index >= shard_count || (shard_count > 1 && !lazy))
        throw std::logic_error("Planner::initial: shard " + std::to_string(shard_index) + "/" +
                               std::to_string(shard_count) + " of a plan that cannot be sharded");
    if (sweep_.strategy == Strategy::exhaustive)
        throw std::logic_error("Planner::initial: an exhaustive sweep is planned by PointPlan");
    std::vector<PlannedPoint> out;
    arch::DesignPoint base = sweep_.baseline;
    add(out, base, "baseline");
    if (shard_index != 0) out.clear();  // the baseline is index 0: shard 0's
    if (sweep_.strategy == Strategy::grid) {
        auto more = grid(shard_index, shard_count);
        out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        return out;
    }
    const uint64_t n = space_.size();
    std::mt19937_64 rng(sweep_.seed);
    const uint64_t k = static_cast<uint64_t>(sweep_.samples);
    if (k * 2 >= n) {
        // Dense sample: a seeded shuffle of the grid (rejection would stall).
        std::vector<uint64_t> idx(n);
        std::iota(idx.begin(), idx.end(), uint64_t{0});
        for (uint64_t i = n; i > 1; --i) std::swap(idx[i - 1], idx[rng() % i]);
        for (uint64_t i = 0; i < std::min(k, n); ++i) add(out, space_.at(idx[i]), "sample");
        return out;
    }
    uint64_t drawn = 0;
    for (uint64_t tries = 0; drawn < k; ++tries) {
        if (tries > 1000 * k) throw std::runtime_error(sweep_.path + ": cannot draw " + std::to_string(k) +
                                                       " distinct points from the space");
        drawn += add(out, space_.draw(rng), "sample") ? 1 : 0;
    }
    return out;
}

std::vector<PlannedPoint> Planner::local_round(const std::vector<PointRow>& evaluated, int round) {
    std::vector<PointRow> rows = evaluated;
    mark_pareto(rows);
    std::sort(rows.begin(), rows.end(), [](const PointRow& a, const PointRow& b) { return a.index < b.index; });
    std::vector<PlannedPoint> out;
    const std::string phase = "local" + std::to_string(round);
    for (const auto& r : rows)
        if (r.pareto || r.pareto_dsp)
            for (const auto& n : space_.neighbours(r.design)) add(out, n, phase);
    return out;
}

const PlannedPoint* Plan::find(long index) const {
    const auto it = std::lower_bound(points.begin(), points.end(), index,
                                     [](const PlannedPoint& p, long i) { return p.index < i; });
    return it != points.end() && it->index == index ? &*it : nullptr;
}

std::vector<PointRow> evaluate_points(const Evaluator& ev, const std::vector<PlannedPoint>& points, int jobs,
                                      const std::string& label, bool progress) {
    std::vector<PointRow> rows(points.size());
    Progress bar(label, static_cast<long>(points.size()), progress);
    parallel_for(points.size(), jobs, [&](size_t i) { rows[i] = ev.evaluate(points[i]); }, &bar);
    bar.finish();
    return rows;
}

Plan plan_sweep(const Sweep& sweep, const Evaluator& ev, int shard_index, int shard_count, int jobs, bool progress,
                std::vector<PointRow>& planned_rows, long& evaluated) {
    Planner planner(sweep);
    const bool lazy = sweep.strategy == Strategy::grid && sweep.local_search_rounds == 0;
    Plan plan;
    plan.points = planner.initial(lazy ? shard_index : 0, lazy ? shard_count : 1);
    planned_rows.clear();
    if (sweep.local_search_rounds > 0) {
        planned_rows = evaluate_points(ev, plan.points, jobs, sweep.strategy == Strategy::grid ? "grid" : "sample",
                                       progress);
        evaluated += static_cast<long>(plan.points.size());
        for (int round = 1; round <= sweep.local_search_rounds; ++round) {
            const auto more = planner.local_round(planned_rows, round);
            if (more.empty()) break;
            const auto rows = evaluate_points(ev, more, jobs, "local search " + std::to_string(round), progress);
            evaluated += static_cast<long>(more.size());
            plan.points.insert(plan.points.end(), more.begin(), more.end());
            planned_rows.insert(planned_rows.end(), rows.begin(), rows.end());
        }
    }
    plan.total = planner.planned();
    return plan;
}

PlanSize plan_size(const Sweep& sweep, int shard_index, int shard_count) {
    const DesignSpace space(sweep);
    const uint64_t n = space.size();
    PlanSize p;
    if (sweep.strategy == Strategy::grid)
        p.initial = n == kSaturated ? n : n + (space.index_of(sweep.baseline) ? 0 : 1);
    else
        p.initial = std::min(static_cast<uint64_t>(sweep.samples), n) + 1;  // at most
    p.shard_share = sweep.strategy == Strategy::grid && sweep.local_search_rounds == 0 && shard_count > 1;
    p.held = p.shard_share && p.initial != kSaturated
                 ? (p.initial + static_cast<uint64_t>(shard_count - 1 - shard_index)) / static_cast<uint64_t>(shard_count)
                 : p.initial;
    return p;
}

std::string points_and_memory(uint64_t points) {
    const double gib = static_cast<double>(points) * kBytesPerPoint / (1024.0 * 1024 * 1024);
    return (points == kSaturated ? std::string("more than 18 quintillion") : thousands(static_cast<double>(points))) +
           " points, about " + (gib >= 10 ? thousands(gib) : fixed_decimals(gib, 1)) + " GiB";
}

void check_plan_size(const Sweep& sweep, int shard_index, int shard_count, uint64_t max_points) {
    // A grid or exhaustive sweep without local search is streamed: no point is held.
    if (sweep.strategy != Strategy::random && sweep.local_search_rounds == 0) return;
    const PlanSize p = plan_size(sweep, shard_index, shard_count);
    if (p.held <= max_points) return;
    const bool grid = sweep.strategy == Strategy::grid;
    std::string what = sweep.path + ": " +
                       (grid ? "strategy = grid spans " + thousands(static_cast<double>(p.initial)) + " points"
                             : "samples = " + thousands(static_cast<double>(sweep.samples))) +
                       ": this process would hold " + points_and_memory(p.held) +
                       (sweep.local_search_rounds > 0 ? " before local search" : "") + " (" +
                       thousands(kBytesPerPoint) + " bytes a point), above the limit of " +
                       thousands(static_cast<double>(max_points)) + " points (--max-points). ";
    what += std::string(grid ? "Shards do not help here (with local_search_rounds > 0 every shard plans the "
                               "whole grid): sample it instead (strategy = random, samples = K), or drop the local "
                               "search (a grid without it streams), "
                             : "Draw fewer samples, ") +
            "list fewer values, or raise the limit: --max-points " +
            (p.held == kSaturated ? std::string("N") : std::to_string(p.held)) + ".";
    throw std::runtime_error(what);
}

}  // namespace mgpt::explorer
