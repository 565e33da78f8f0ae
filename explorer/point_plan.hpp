// The points of a sweep's plan by index, without holding them where it can:
// a grid or exhaustive plan computes point i from i (constant memory, any
// size); a sampled plan (random, local search) is built by the Planner and
// held. Every process computes the same point for the same index, so an index
// is a point's identity across shards, resumed runs and merges.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "design_space.hpp"
#include "evaluator.hpp"
#include "point_row.hpp"
#include "slot_variants.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// The key the exhaustive strategy folds: a point's figures depend on it only
// through the reached clock (cycles, resources and Fmax never read it).
constexpr const char* kClockKey = "pll_mhz";

class PointPlan {
public:
    // Grid and exhaustive sweeps: nothing is built. Sampled sweeps: the
    // Planner draws the points (and runs local search with `ev`, whose rows
    // are kept: no point is evaluated twice). `evaluated` counts those evaluations.
    PointPlan(const Sweep& sweep, const Evaluator& ev, int jobs, bool progress);

    long total() const { return total_; }
    bool held() const { return !lazy_; }  // a sampled plan, held in memory
    PlannedPoint at(long index) const;
    // The analytic row of point `index` (exhaustive: at its fastest clock that meets timing).
    PointRow evaluate(const Evaluator& ev, long index) const;
    long evaluated_while_planning() const { return planning_evaluations_; }
    // An exhaustive plan over slot variants: its counts (null otherwise).
    const SlotVariants* slot_variants() const { return variants_ ? &*variants_ : nullptr; }

    // The indices shard I of N owns: I, I + N, ...
    static long shard_points(long total, int shard_index, int shard_count);
    static long shard_index_at(long position, int shard_index, int shard_count) {
        return shard_index + position * shard_count;
    }

private:
    Sweep sweep_;
    bool lazy_ = true, exhaustive_ = false;
    std::optional<DesignSpace> space_;
    std::optional<SlotVariants> variants_;   // exhaustive over several slot variants: the pruned plan
    std::optional<uint64_t> base_position_;  // the baseline's grid position (grid: skipped)
    std::vector<PlannedPoint> points_;       // held plans
    std::vector<PointRow> rows_;             // held plans with local search: their rows
    long total_ = 0;
    long planning_evaluations_ = 0;
};

}  // namespace mgpt::explorer
