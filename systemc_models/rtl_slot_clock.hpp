// Clocks a multi-slot RTL core (rtl/mgpt_core.sv, SLOTS = S; docs/MICROARCH.md
// "Slots"), or K such cores (rtl/mgpt_cores.sv, S x K global slots, global
// slot g = slot g mod S of core g / S), at the PLL period inside the SystemC
// kernel (an SC_METHOD), and turns what its pins show each cycle into finished
// token steps: per slot the step's start and end cycle, the cycles it ran each
// stage and waited for each stage's unit (its own core's), and in its DONE
// cycle its token, RNG state and logits; per core and shared unit the cycles
// it was held (the core's `unit_slot` output).
//
// Time and delta cycles (docs/SCHEDULING.md "Co-simulation"): cycle c of the
// job is evaluated at t0 + (c + 1) periods, the time at which the TLM ends a
// step whose last cycle is c: the clock method then applies the rising edge
// that begins cycle c (sampling every start posted since the previous edge)
// and reads the cycle's outputs. A slot in its DONE cycle is answered there
// (done_event); whatever its host posts at that same time, in later delta
// cycles, is sampled by the next edge, the one that begins cycle c + 1: the
// slot takes its next start in its DONE cycle, as the RTL requires, and the
// next step's accept is cycle c + 1, the previous step's end. A host posting
// at t0 (the job's start) has its step's accept in cycle 0.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <systemc>

#include "arch/stage_units.hpp"
#include "arch/stages.hpp"
#include "clock_domain.hpp"
#include "model/golden_step.hpp"

namespace mgpt::tlm_model {

// The multi-slot core's pins (or the K cores'), one cycle at a time (the
// Verilated model behind it: cosim/verilated_slot_core.hpp). Slots are global
// slots: slot g is slot g mod (slots / cores) of core g / (slots / cores).
class RtlSlotCore {
public:
    virtual ~RtlSlotCore() = default;
    virtual int slots() const = 0;  // of all cores
    virtual int cores() const = 0;
    // Reset, then one idle cycle.
    virtual void reset() = 0;
    // Slot `slot`'s step inputs and start bit, for the next rising edge.
    virtual void set_start(int slot, const golden::StepRequest& req) = 0;
    // One clock (rising and falling edge); every start bit is low afterwards.
    virtual void clock() = 0;
    virtual uint32_t stage(int slot) const = 0;  // the arch::Stage it is in or waits for; 31: idle
    virtual bool done(int slot) const = 0;
    // The global slot shared unit `unit` of core `core` serves, -1: free.
    virtual int unit_holder(int core, arch::Unit unit) const = 0;
    virtual void read_result(int slot, golden::StepResult& out) const = 0;  // in its DONE cycle
    virtual uint64_t clocks() const = 0;  // clocks so far, reset included
};

// One step as the RTL ran it (cycles since the job's start).
struct RtlSlotStep {
    golden::StepResult result;  // next, rng_out, logits
    arch::StepCycles cycles;    // per stage: cycles the slot ran it (its unit serving it)
    std::array<uint64_t, arch::kStageCount> waits{};  // per stage: cycles shown but waiting for the unit
    uint64_t start = 0;  // its accept cycle
    uint64_t end = 0;    // its DONE cycle + 1
};

class RtlSlotClock : public sc_core::sc_module {
public:
    // A step longer than this is a hung core: the run stops with error().
    static constexpr uint64_t kMaxStepCycles = 1000000;

    RtlSlotClock(sc_core::sc_module_name name, RtlSlotCore& core, const ClockDomain& clock);

    // Starts slot `slot`'s next step: its accept is cycle next_cycle(). Only
    // while the slot is idle or in its DONE cycle (else error() and stop).
    void start(int slot, const golden::StepRequest& req);
    // The cycle the next rising edge begins (the edges clocked so far in the job).
    uint64_t next_cycle() const { return edges_; }
    // Notified (immediately) in a slot's DONE cycle; finished(slot) holds the step.
    sc_core::sc_event& done_event(int slot) { return slots_.at(static_cast<size_t>(slot)).done; }
    const RtlSlotStep& finished(int slot) const { return slots_.at(static_cast<size_t>(slot)).finished; }
    // Per core, per unit (arch::Unit, shared units only): the cycles `unit_slot` showed it held.
    const std::vector<std::array<uint64_t, arch::kUnitCount>>& unit_busy() const { return unit_busy_; }
    // "" or why the run was stopped (a start the core would ignore or did not
    // take, a hung step, a step without DONE).
    const std::string& error() const { return error_; }
    // Wall-clock seconds spent in the core's clock() calls.
    double core_seconds() const { return core_seconds_; }

private:
    struct Slot {
        bool in_step = false, in_done = false;
        bool posted = false;  // started for the next edge
        RtlSlotStep current, finished;
        sc_core::sc_event done;
    };
    void tick();
    void edge();
    void fail(const std::string& why);

    RtlSlotCore& core_;
    const ClockDomain& clock_;
    std::vector<Slot> slots_;
    int slots_per_core_;
    std::vector<std::array<uint64_t, arch::kUnitCount>> unit_busy_;  // [core]
    // [core][unit]: the global slot the unit serves this cycle, -1: free (a
    // member: edge() runs every cycle and allocates nothing)
    std::vector<std::array<int, arch::kSharedUnitCount>> holder_;
    sc_core::sc_event posted_;
    sc_core::sc_time t0_;
    uint64_t edges_ = 0;
    bool pending_ = false, busy_ = false;
    bool edge_due_ = false;  // the method's next activation is an edge's time
    std::string error_;
    double core_seconds_ = 0;
};

}  // namespace mgpt::tlm_model
