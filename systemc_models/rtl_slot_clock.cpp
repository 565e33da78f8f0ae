#include "rtl_slot_clock.hpp"

#include <chrono>

namespace mgpt::tlm_model {

namespace {
constexpr uint32_t kIdle = 31;  // the stage output of an idle slot
}

RtlSlotClock::RtlSlotClock(sc_core::sc_module_name name, RtlSlotCore& core, const ClockDomain& clock)
    : sc_module(name),
      core_(core),
      clock_(clock),
      slots_(static_cast<size_t>(core.slots())),
      slots_per_core_(core.slots() / core.cores()),
      unit_busy_(static_cast<size_t>(core.cores())),
      holder_(static_cast<size_t>(core.cores())) {
    SC_HAS_PROCESS(RtlSlotClock);
    SC_METHOD(tick);
    core_.reset();  // now: a host may post its first starts before the thread first runs
}

void RtlSlotClock::fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    sc_core::sc_stop();
}

void RtlSlotClock::start(int slot, const golden::StepRequest& req) {
    Slot& s = slots_.at(static_cast<size_t>(slot));
    if (s.in_step && !s.in_done)
        return fail("slot " + std::to_string(slot) + " was started at cycle " + std::to_string(edges_) +
                    " while running a step (it samples start only while idle or in its DONE cycle)");
    core_.set_start(slot, req);
    s.posted = true;
    if (!pending_) posted_.notify();
    pending_ = true;
}

// The clock runs from the first start of the job until no slot is busy and
// nothing is posted: the steps of a job run back to back, so it never idles
// in between (idle, it waits for the next start). A method, not a thread:
// one activation per cycle without a context switch.
void RtlSlotClock::tick() {
    if (edge_due_) edge();
    if (!error_.empty()) return;  // stopped
    if (!edge_due_) t0_ = sc_core::sc_time_stamp() - clock_.cycles(edges_);  // the job's cycle 0 is one period on
    edge_due_ = pending_ || busy_;
    if (edge_due_)
        next_trigger(t0_ + clock_.cycles(edges_ + 1) - sc_core::sc_time_stamp());
    else
        next_trigger(posted_);
}

void RtlSlotClock::edge() {
    const auto t = std::chrono::steady_clock::now();
    core_.clock();
    core_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    const uint64_t cycle = edges_++;
    pending_ = false;
    busy_ = false;
    std::vector<std::array<int, arch::kSharedUnitCount>>& holder = holder_;
    for (size_t k = 0; k < holder.size(); ++k)
        for (int u = 0; u < arch::kSharedUnitCount; ++u) {
            holder[k][static_cast<size_t>(u)] = core_.unit_holder(static_cast<int>(k), static_cast<arch::Unit>(u));
            if (holder[k][static_cast<size_t>(u)] >= 0) ++unit_busy_[k][static_cast<size_t>(u)];
        }
    for (int i = 0; i < static_cast<int>(slots_.size()); ++i) {
        Slot& s = slots_[static_cast<size_t>(i)];
        s.in_done = false;
        const uint32_t st = core_.stage(i);
        if (s.posted && st != static_cast<uint32_t>(arch::Stage::accept))
            return fail("slot " + std::to_string(i) + " did not take the start posted for cycle " +
                        std::to_string(cycle) + " (stage code " + std::to_string(st) + ")");
        s.posted = false;
        if (st == kIdle) {
            if (s.in_step) return fail("slot " + std::to_string(i) + " went idle at cycle " + std::to_string(cycle) +
                                       " without a DONE cycle");
            continue;
        }
        busy_ = true;
        if (st >= static_cast<uint32_t>(arch::kStageCount))
            return fail("slot " + std::to_string(i) + " shows stage code " + std::to_string(st) + " at cycle " +
                        std::to_string(cycle));
        if (!s.in_step) {
            if (st != static_cast<uint32_t>(arch::Stage::accept))
                return fail("slot " + std::to_string(i) + " began a step in stage " + arch::kStageNames[st] +
                            " at cycle " + std::to_string(cycle));
            s.in_step = true;
            s.current = RtlSlotStep{};
            s.current.start = cycle;
        }
        if (cycle - s.current.start >= kMaxStepCycles)
            return fail("slot " + std::to_string(i) + " has been in a step since cycle " +
                        std::to_string(s.current.start) + " (stage " + arch::kStageNames[st] + ")");
        const arch::Unit u = arch::unit_of(static_cast<arch::Stage>(st));
        if (u == arch::Unit::none || holder[static_cast<size_t>(i / slots_per_core_)][static_cast<size_t>(u)] == i)
            ++s.current.cycles.cycles[st];
        else
            ++s.current.waits[st];
        if (core_.done(i)) {
            core_.read_result(i, s.current.result);
            s.current.end = cycle + 1;
            s.finished = s.current;
            s.in_step = false;
            s.in_done = true;
            s.done.notify();
        }
    }
}

}  // namespace mgpt::tlm_model
