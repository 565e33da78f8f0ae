// Which points a sweep evaluates, in a deterministic order: the baseline
// (index 0), then the grid or the seeded random sample, then the rounds of
// local search. Every shard and every resumed run re-plans identically, so a
// point's index is its identity across processes.
#pragma once
#include <cstdint>
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
    // to the baseline are skipped. A grid sweep without local search can be
    // planned for one shard only: the points whose index % shard_count ==
    // shard_index, with the indices of the whole plan (the others are never
    // built); anything else plans every point (shard_count must then be 1).
    std::vector<PlannedPoint> initial(int shard_index = 0, int shard_count = 1);
    // The not yet planned neighbours of the points on either Pareto front of
    // `evaluated` (which must hold every point planned so far), phase "local<round>".
    std::vector<PlannedPoint> local_round(const std::vector<PointRow>& evaluated, int round);

    uint64_t space_size() const { return space_.size(); }
    long planned() const { return next_; }  // points of the whole plan so far (every shard)

private:
    bool add(std::vector<PlannedPoint>& out, arch::DesignPoint d, const std::string& phase);
    std::vector<PlannedPoint> grid(int shard_index, int shard_count);

    Sweep sweep_;
    DesignSpace space_;
    std::unordered_set<std::string> seen_;
    long next_ = 0;
};

// The plan of a sweep as this process holds it.
struct Plan {
    std::vector<PlannedPoint> points;  // ascending index: every point, or one grid shard's
    long total = 0;                    // points of the whole plan (every shard)
    const PlannedPoint* find(long index) const;  // nullptr: not held here
};

// Plans the sweep: the initial points, then the local-search rounds. Local
// search needs the fronts of everything planned so far, so with rounds every
// process plans (and evaluates, analytically) the whole sweep and returns
// those rows in `planned_rows` (by plan position); without rounds, a grid is
// planned for the shard only and `planned_rows` stays empty. `evaluated`
// counts the evaluations.
Plan plan_sweep(const Sweep& sweep, const Evaluator& ev, int shard_index, int shard_count, int jobs, bool progress,
                std::vector<PointRow>& planned_rows, long& evaluated);

// Analytic rows of `points`, in order, on `jobs` threads, with a progress bar labelled `label`.
std::vector<PointRow> evaluate_points(const Evaluator& ev, const std::vector<PlannedPoint>& points, int jobs,
                                      const std::string& label, bool progress);

// The size of a plan, known before planning: a grid's points are counted,
// not built, so a sweep too large for memory is refused before it is planned.
struct PlanSize {
    uint64_t initial = 0;     // the baseline and the grid or sample (saturating)
    uint64_t held = 0;        // of those, the points this process would hold
    bool shard_share = false; // held is this shard's share (a grid without local search)
};
PlanSize plan_size(const Sweep& sweep, int shard_index, int shard_count);

// The default of explore's and merge's --max-points.
constexpr uint64_t kDefaultMaxPoints = 2000000;
// Memory a held point costs (its plan entry, its row, its points.csv text and
// the report's share), measured on grid sweeps of 150,000 points: the estimate
// quoted when a sweep is refused.
constexpr uint64_t kBytesPerPoint = 2600;
// "2,600,000 points, about 6.3 GiB"
std::string points_and_memory(uint64_t points);

// Throws std::runtime_error naming the sweep file, its size, the estimated
// memory and the ways out (shards, sampling, --max-points) when this process
// would hold more than `max_points` points.
void check_plan_size(const Sweep& sweep, int shard_index, int shard_count, uint64_t max_points);

}  // namespace mgpt::explorer
