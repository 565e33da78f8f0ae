// An exact, event-driven model of several independent generations ("slots")
// sharing one core's units (arch/stage_units.hpp). Plain C++, no SystemC: the
// fast engine the explorer and the tests check the TLM against. The rules
// (docs/SCHEDULING.md):
//  - a slot runs its steps back to back and, within a step, its stages with
//    nonzero cycles in arch::Stage order (a 0-cycle stage is skipped);
//  - a stage starts when the slot's previous stage has ended and its unit is
//    free; it holds the unit over [start, start + cycles); at start + cycles the
//    unit is free for another slot and the slot may start its next stage (no
//    handover cycle: one slot takes exactly the sum of its stage cycles);
//  - a unit that is free while several slots wait for it serves the one the
//    Policy picks; `none` stages (the per-slot controller states) never wait.
// Cost: O(stages x log S) for `oldest`, O(stages x (log S + S/64)) for
// `round_robin`; a reused SlotScheduler allocates nothing once its buffers
// and the Schedule's have grown to the workload's size (unless the occupancy
// list is asked for).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "schedule_policy.hpp"
#include "stage_units.hpp"
#include "stages.hpp"

namespace mgpt::arch {

// slot_steps[s]: the token steps slot s runs, in order.
using SlotSteps = std::vector<std::vector<StepCycles>>;

// One token step of one slot. `start` is the cycle the slot is ready to begin
// the step (its previous step's end; 0 for its first step), so the latency
// includes every wait, the wait for the step's first stage too.
struct StepSpan {
    uint64_t start = 0;
    uint64_t end = 0;
    uint64_t latency() const { return end - start; }
};

// Per unit: cycles it is held (busy), and the sum over slots of the cycles
// spent ready but waiting for it. For `none`, busy is the slots' cycles in the
// controller states (they overlap across slots, so it may exceed the
// makespan) and wait is always 0.
struct UnitLoad {
    uint64_t busy = 0;
    uint64_t wait = 0;
};

// One stage run: `slot` held `unit` over [start, end) for `stage` of its step `step`.
struct Occupancy {
    Unit unit;
    Stage stage;
    uint32_t slot;
    uint32_t step;
    uint64_t start;
    uint64_t end;
};

struct Schedule {
    uint64_t makespan = 0;                      // the last stage's end (0 when there is none)
    std::vector<std::vector<StepSpan>> steps;   // [slot][step], as slot_steps
    std::array<UnitLoad, kUnitCount> units{};   // indexed by Unit
    std::vector<Occupancy> occupancy;           // by start cycle; filled only when asked for
};

// Bounds of the event keys (a time and a slot packed in 64 bits).
constexpr int kSlotBits = 16;
constexpr uint64_t kMaxSlots = uint64_t{1} << kSlotBits;
constexpr uint64_t kMaxCycle = (uint64_t{1} << (64 - kSlotBits)) - 1;

// The engine with its working buffers, kept between runs so that repeated
// schedules (the explorer's design points, the benchmark) reuse them.
class SlotScheduler {
public:
    // Schedules `slot_steps` into `out`, reusing out's storage. Throws
    // std::invalid_argument for more than kMaxSlots slots, std::overflow_error
    // when a stage would end after kMaxCycle.
    void run(const SlotSteps& slot_steps, Policy policy, Schedule& out, bool record_occupancy = false);

private:
    struct Slot {
        const StepCycles* steps = nullptr;
        uint32_t step_count = 0;
        uint32_t step = 0;     // current step
        uint8_t stage = 0;     // current stage (an arch::Stage value)
        uint64_t ready = 0;    // the cycle its current stage became ready
        uint64_t step_start = 0;
    };
    struct Waiting {  // the slots waiting for one shared unit
        uint32_t count = 0;
        uint32_t last_served = 0;
        bool busy = false;
        std::vector<uint64_t> by_age;  // oldest: min-heap of (step start, slot) keys
        std::vector<uint64_t> bits;    // round_robin: one bit per slot
    };

    bool seek(uint32_t slot, uint64_t t, int from);
    void arrive(uint32_t slot, uint64_t t);
    void start(uint32_t slot, uint64_t t);
    uint32_t pick(Waiting& w);

    Policy policy_ = Policy::oldest;
    Schedule* out_ = nullptr;
    bool record_ = false;
    std::vector<Slot> slots_;
    std::vector<uint64_t> events_;  // min-heap of (stage end, slot) keys
    std::array<Waiting, kSharedUnitCount> waiting_;
};

// One-shot convenience: a fresh SlotScheduler and Schedule.
Schedule schedule(const SlotSteps& slot_steps, Policy policy, bool record_occupancy = false);

}  // namespace mgpt::arch
