// Which points a sweep evaluates, in a deterministic order: the baseline
// (index 0), then the grid or the seeded random sample, then the rounds of
// local search. Every shard and every resumed run re-plans identically, so a
// point's index is its identity across processes.
#pragma once
#include <string>
#include <unordered_set>
#include <vector>

#include "design_space.hpp"
#include "evaluator.hpp"
#include "point_row.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

class Planner {
public:
    explicit Planner(const Sweep& sweep);

    // The baseline, then the grid (strategy grid, or random with samples >= half
    // the grid: a seeded shuffle of it) or distinct uniform draws. Points equal
    // to the baseline are skipped.
    std::vector<PlannedPoint> initial();
    // The not yet planned neighbours of the points on either Pareto front of
    // `evaluated` (which must hold every point planned so far), phase "local<round>".
    std::vector<PlannedPoint> local_round(const std::vector<PointRow>& evaluated, int round);

    uint64_t space_size() const { return space_.size(); }
    long planned() const { return next_; }

private:
    bool add(std::vector<PlannedPoint>& out, arch::DesignPoint d, const std::string& phase);

    Sweep sweep_;
    DesignSpace space_;
    std::unordered_set<std::string> seen_;
    long next_ = 0;
};

}  // namespace mgpt::explorer
