// What K cores of S slots each must do on a workload (docs/SEQUENCES.md,
// docs/SCHEDULING.md): the golden model's token steps of every global slot
// (names dealt i mod S x K, each slot's RNG carried from name to name) and
// the exact slot schedule of their per-stage cycles (arch::SlotScheduler with
// occupancy), each core's slots scheduled on their own.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/slot_schedule.hpp"
#include "model/golden_step.hpp"

namespace mgpt::rtl_slots {

struct SlotReference {
    std::vector<std::vector<golden::StepRequest>> requests;  // [slot][step], in the slot's order
    std::vector<std::vector<golden::StepResult>> results;    // [slot][step]
    std::vector<std::vector<int>> name_steps;                // [slot][k]: the steps of the slot's k-th name
    // The cores' schedules as one: occupancy and steps by global slot
    // (k x S + s), makespan the largest, per unit busy and wait summed over the cores.
    arch::Schedule schedule;
    int slots_per_core = 1;
};

// Names 0 .. names-1 of seed `seed` dealt to d.sequences x d.cores global
// slots, each core's scheduled by d.schedule.
SlotReference slot_reference(const arch::DesignPoint& d, const QWeights& w, const golden::GenerationConfig& cfg,
                             uint32_t seed, int names);

// One stage run as the RTL showed it: `slot` ran `stage` of its step `step` over [start, end).
struct StageRun {
    uint32_t slot, step;
    int stage;
    uint64_t start, end;
    bool operator<(const StageRun& o) const;
    bool operator==(const StageRun& o) const;
};

// "" when `runs` are exactly the schedule's occupancy records, else the first difference.
std::string compare_runs(const std::vector<StageRun>& runs, const arch::Schedule& schedule);

// "" when no two of `runs` hold one shared unit (arch::unit_of their stage) of
// one core (global slot / slots_per_core) in a common cycle, else the first two that do.
std::string unit_overlap(const std::vector<StageRun>& runs, int slots_per_core);

// Each slot's names from the RTL's tokens ([slot][step]), in workload order:
// a name's tokens are its steps' outputs up to the final BOS.
std::vector<std::vector<int>> names_of(const SlotReference& ref, const std::vector<std::vector<int>>& tokens);

}  // namespace mgpt::rtl_slots
