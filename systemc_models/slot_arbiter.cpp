#include "slot_arbiter.hpp"

#include <string>

namespace mgpt::tlm_model {

SlotArbiter::SlotArbiter(sc_core::sc_module_name name, const ClockDomain& clock, TraceSignals* trace, int core)
    : sc_module(name), clock_(clock), trace_(trace), core_(core) {
    SC_HAS_PROCESS(SlotArbiter);
    SC_METHOD(arbitrate);
    sensitive << changed_;
    dont_initialize();
}

void SlotArbiter::begin_job(int slots, arch::Policy policy) {
    if (slots < 1 || slots > kMaxSlotsPerCore)
        SC_REPORT_FATAL(name(), ("a job of " + std::to_string(slots) + " slots per core").c_str());
    t0_ = sc_core::sc_time_stamp();
    now_ = 0;
    slots_ = slots;
    policy_ = policy;
    for (UnitState& u : units_) u = UnitState{false, slots - 1, 0};
}

uint64_t SlotArbiter::acquire(arch::Unit unit, int slot, uint64_t step_start) {
    const uint64_t ready = now_;
    UnitState& u = units_[static_cast<size_t>(unit)];
    u.waiting |= uint32_t{1} << slot;
    step_start_[static_cast<size_t>(slot)] = step_start;
    changed_.notify(sc_core::SC_ZERO_TIME);
    sc_core::wait(granted_[static_cast<size_t>(slot)]);
    if (now_ < ready) SC_REPORT_FATAL(name(), "a grant before the request");
    return now_;  // granted in a later delta of some time point: its cycle
}

void SlotArbiter::release(arch::Unit unit) {
    units_[static_cast<size_t>(unit)].busy = false;
    if (trace_) trace_->unit_slot(core_, static_cast<int>(unit)).write(TraceSignals::kIdle);
    changed_.notify(sc_core::SC_ZERO_TIME);
}

void SlotArbiter::wait_until(uint64_t cycle) {
    const sc_core::sc_time at = t0_ + clock_.cycles(cycle);
    if (cycle < now_ || at < sc_core::sc_time_stamp()) SC_REPORT_FATAL(name(), "waiting for a past cycle");
    sc_core::wait(at - sc_core::sc_time_stamp());
    now_ = cycle;
}

// The waiting slot `unit` serves next (docs/SCHEDULING.md rule 5).
int SlotArbiter::pick(int unit) const {
    const UnitState& u = units_[static_cast<size_t>(unit)];
    int best = -1;
    if (policy_ == arch::Policy::oldest) {
        for (int s = 0; s < slots_; ++s)  // ascending, so ties keep the lowest index
            if ((u.waiting >> s & 1) && (best < 0 || step_start_[s] < step_start_[best])) best = s;
    } else {
        for (int k = 1; k <= slots_ && best < 0; ++k) {
            const int s = (u.last_served + k) % slots_;
            if (u.waiting >> s & 1) best = s;
        }
    }
    return best;
}

void SlotArbiter::arbitrate() {
    for (int unit = 0; unit < arch::kSharedUnitCount; ++unit) {
        UnitState& u = units_[static_cast<size_t>(unit)];
        if (u.busy || !u.waiting) continue;
        const int s = pick(unit);
        u.waiting &= ~(uint32_t{1} << s);
        u.busy = true;
        u.last_served = s;
        if (trace_) trace_->unit_slot(core_, unit).write(s);
        granted_[static_cast<size_t>(s)].notify();  // the slot runs in this delta: its stage starts now
    }
}

}  // namespace mgpt::tlm_model
