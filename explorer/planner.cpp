#include "planner.hpp"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

#include "pareto.hpp"

namespace mgpt::explorer {

Planner::Planner(const Sweep& sweep) : sweep_(sweep), space_(sweep) {}

bool Planner::add(std::vector<PlannedPoint>& out, arch::DesignPoint d, const std::string& phase) {
    if (!seen_.insert(arch::to_short_string(d)).second) return false;
    d.name = sweep_.name + "_" + std::to_string(next_);
    out.push_back({next_++, phase, d});
    return true;
}

std::vector<PlannedPoint> Planner::initial() {
    std::vector<PlannedPoint> out;
    arch::DesignPoint base = sweep_.baseline;
    add(out, base, "baseline");
    const uint64_t n = space_.size();
    if (sweep_.strategy == Strategy::grid) {
        if (n > 50000000) throw std::runtime_error(sweep_.path + ": the grid has " + std::to_string(n) +
                                                   " points (limit 50,000,000): use strategy = random");
        for (uint64_t i = 0; i < n; ++i) add(out, space_.at(i), "grid");
        return out;
    }
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

}  // namespace mgpt::explorer
