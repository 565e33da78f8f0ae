// The timing-relevant facts of a seeded workload: how many steps of each shape
// (position, sampled or greedy, RMS early exits) the golden model runs, and how
// many tokens it generates. Tokens depend only on the weights, the workload and
// the numerics profile, never on the micro-architecture, so one profile per
// numerics value serves every design point of a sweep.
#pragma once
#include <cstdint>
#include <vector>

#include "arch/cycle_model.hpp"
#include "model/weights.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

struct ShapeCount {
    arch::StepShape shape;
    uint64_t count;
};

struct WorkloadProfile {
    Numerics numerics = Numerics::saturating;
    std::vector<ShapeCount> shapes;  // distinct shapes, by position
    uint64_t steps = 0;              // final BOS steps included
    uint64_t generated_tokens = 0;   // final BOS excluded
};

WorkloadProfile profile_workload(const QWeights& w, const WorkloadSpec& spec, Numerics numerics);

// The same workload dealt to `slots` = sequences x cores slots
// (docs/SEQUENCES.md: name i in slot i mod slots, each slot's RNG from
// golden::slot_seed): every slot's steps in order, as indices into the
// distinct shapes. Slot g runs on core g / sequences.
struct SlotProfile {
    Numerics numerics = Numerics::saturating;
    int slots = 1;
    std::vector<arch::StepShape> shapes;         // distinct shapes
    std::vector<std::vector<uint16_t>> steps;    // [slot][step]: index into shapes
    uint64_t step_count = 0;                     // final BOS steps included
    uint64_t generated_tokens = 0;               // final BOS excluded
};

SlotProfile profile_slots(const QWeights& w, const WorkloadSpec& spec, Numerics numerics, int slots);

// The worst step: sampled, last position, no RMS early exit.
arch::StepShape worst_step_shape();

}  // namespace mgpt::explorer
