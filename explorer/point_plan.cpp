#include "point_plan.hpp"

#include <limits>
#include <stdexcept>

#include "planner.hpp"

namespace mgpt::explorer {

PointPlan::PointPlan(const Sweep& sweep, const Evaluator& ev, int jobs, bool progress) : sweep_(sweep) {
    lazy_ = sweep.strategy != Strategy::random && sweep.local_search_rounds == 0;
    exhaustive_ = sweep.strategy == Strategy::exhaustive;
    if (lazy_) {
        uint64_t n = 0;
        if (exhaustive_ && SlotVariants::needed(sweep)) {
            variants_.emplace(sweep, [&ev](const arch::DesignPoint& d) { return ev.fits(d); }, jobs, progress);
            n = variants_->size();
        } else {
            space_.emplace(sweep, exhaustive_ ? kClockKey : "");
            n = space_->size();
        }
        if (n >= static_cast<uint64_t>(std::numeric_limits<long>::max()) / 2)
            throw std::runtime_error(sweep.path + ": the grid is too large to count");
        // Grid: the baseline's own grid position is skipped (it is point 0).
        // Exhaustive: never skipped (the baseline's PLL request is, for its micro-architecture).
        if (!exhaustive_) {
            base_position_ = space_->index_of(sweep.baseline);
            if (base_position_ && arch::to_short_string(space_->at(*base_position_)) !=
                                      arch::to_short_string(sweep.baseline))
                throw std::logic_error("grid: the baseline's grid position is another point");
        }
        total_ = 1 + static_cast<long>(n) - (base_position_ ? 1 : 0);
        return;
    }
    std::vector<PointRow> planned_rows;
    const Plan plan = plan_sweep(sweep, ev, 0, 1, jobs, progress, planned_rows, planning_evaluations_);
    points_ = plan.points;
    rows_ = std::move(planned_rows);
    total_ = plan.total;
}

long PointPlan::shard_points(long total, int shard_index, int shard_count) {
    return total > shard_index ? (total - shard_index + shard_count - 1) / shard_count : 0;
}

PlannedPoint PointPlan::at(long index) const {
    if (index < 0 || index >= total_)
        throw std::logic_error("PointPlan::at: point " + std::to_string(index) + " of " + std::to_string(total_));
    if (!lazy_) return points_[static_cast<size_t>(index)];
    PlannedPoint p;
    p.index = index;
    if (index == 0) {
        p.phase = "baseline";
        p.design = sweep_.baseline;
    } else {
        const uint64_t k = static_cast<uint64_t>(index - 1);
        p.phase = "grid";
        p.design = variants_ ? variants_->at(k) : space_->at(DesignSpace::position_skipping(k, base_position_));
    }
    p.design.name = sweep_.name + "_" + std::to_string(index);
    return p;
}

PointRow PointPlan::evaluate(const Evaluator& ev, long index) const {
    if (!rows_.empty()) return rows_[static_cast<size_t>(index)];
    const PlannedPoint p = at(index);
    return exhaustive_ && index > 0 ? ev.evaluate_fastest_clock(p) : ev.evaluate(p);
}

}  // namespace mgpt::explorer
