// The shared units of one core as its slots see them (docs/SCHEDULING.md,
// "TLM"): each unit serves one slot at a time, and a free unit takes the next
// waiting slot by the design's `schedule` policy. Only used when several slots
// are in flight (sequences x cores > 1); one slot alone runs temporally
// decoupled and never waits.
//
// How rule 4 (every stage end at a cycle is taken before any grant at that
// cycle) holds: every stage of every slot ends with an explicit wait until the
// absolute time of its end cycle, so all slots whose stages end at cycle t
// wake in the first delta of that time, release their units and ask for their
// next ones there (a step's end, the KV clear between names and the next
// step's first stage all run in that same delta: none of them waits). acquire()
// and release() only record and notify the arbiter with a delta notification;
// its method runs once per delta in which anything changed, i.e. after every
// release and request of the time, and grants each free unit one slot.
// Granted slots only start waiting for their stage's end, so nothing at that
// time changes after the grants.
//
// Cycles stay the authority: a time point is cycle c of the job at exactly
// t0 + ClockDomain::cycles(c) (the one conversion, always from the job's
// start, so equal cycles are equal times whatever the rounding of the period).
#pragma once
#include <array>
#include <cstdint>
#include <systemc>

#include "arch/schedule_policy.hpp"
#include "arch/stage_units.hpp"
#include "clock_domain.hpp"
#include "kv_memory.hpp"
#include "trace_signals.hpp"

namespace mgpt::tlm_model {

class SlotArbiter : public sc_core::sc_module {
public:
    // `trace` non-null: writes which slot holds each unit of core `core`.
    SlotArbiter(sc_core::sc_module_name name, const ClockDomain& clock, TraceSignals* trace, int core);

    // A new job of `slots` slots on this core: cycle 0 is now; every unit is
    // free and, for round robin, counts as having last served slot slots-1.
    void begin_job(int slots, arch::Policy policy);
    // Slot `slot`, ready at the current cycle for a stage of `unit` in a step
    // that started at `step_start`: blocks until the unit is granted to it and
    // returns the grant's cycle.
    uint64_t acquire(arch::Unit unit, int slot, uint64_t step_start);
    // The slot holding `unit` is done with it (call at the stage's end cycle).
    void release(arch::Unit unit);
    // Waits until cycle `cycle` of the job (not earlier than the current one).
    void wait_until(uint64_t cycle);
    uint64_t now() const { return now_; }

private:
    void arbitrate();
    int pick(int unit) const;

    struct UnitState {
        bool busy = false;
        int last_served = 0;
        uint32_t waiting = 0;  // one bit per slot
    };
    const ClockDomain& clock_;
    TraceSignals* trace_;
    int core_;
    sc_core::sc_time t0_;
    uint64_t now_ = 0;  // the cycle of the current time
    int slots_ = 1;
    arch::Policy policy_ = arch::Policy::oldest;
    std::array<UnitState, arch::kSharedUnitCount> units_{};
    std::array<uint64_t, kMaxSlotsPerCore> step_start_{};
    std::array<sc_core::sc_event, kMaxSlotsPerCore> granted_;
    sc_core::sc_event changed_;
};

}  // namespace mgpt::tlm_model
