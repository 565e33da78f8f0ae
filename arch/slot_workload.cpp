#include "slot_workload.hpp"

namespace mgpt::arch {

SlotSteps slot_step_cycles(const DesignPoint& d, const SlotShapes& shapes) {
    SlotSteps steps(shapes.size());
    for (size_t s = 0; s < shapes.size(); ++s) {
        steps[s].reserve(shapes[s].size());
        for (const StepShape& shape : shapes[s]) steps[s].push_back(analytic_step_cycles(d, shape));
    }
    return steps;
}

}  // namespace mgpt::arch
