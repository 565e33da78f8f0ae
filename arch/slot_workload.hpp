// From workload shapes to a slot schedule's input: each slot's token steps
// (arch::StepShape, in order) turned into per-stage cycles by the closed-form
// cycle model of a design point (arch/cycle_model.hpp).
#pragma once
#include <vector>

#include "cycle_model.hpp"
#include "design_point.hpp"
#include "slot_schedule.hpp"

namespace mgpt::arch {

// shapes[s]: the token steps slot s runs, in order.
using SlotShapes = std::vector<std::vector<StepShape>>;

SlotSteps slot_step_cycles(const DesignPoint& d, const SlotShapes& shapes);

}  // namespace mgpt::arch
