// Clocks a Verilated rtl/mgpt_core.sv (a plain C++ model, Verilator's class
// V<top> with its pins as public members) through token steps as a host does
// (rtl/README.md "Interface"): each clock is a rising and a falling edge, two
// eval() calls and nothing else, as in Verilator's examples/make_tracing_c.
// One template for every user so that they drive the pins identically: the
// co-simulation's RTL core (cosim/verilated_rtl_core.hpp, behind the SystemC
// bridge, and its multi-slot cosim/verilated_slot_core.hpp) and the plain
// harness of bench/bench_throughput.cpp.
#pragma once
#include <cstdint>

#include "arch/stages.hpp"
#include "cosim/port_fields.hpp"
#include "model/golden_step.hpp"

namespace mgpt::cosim {

// The tracer of an untraced run: VerilatedVcdC's dump() signature, doing nothing.
struct NoTrace {
    void dump(uint64_t) {}
};

template <class Model, class Trace = NoTrace>
class CoreClock {
public:
    // `trace` (may be null) is dumped after every edge at time clocks * period_ps
    // (the RTL's own time line: the clock only runs while a step does).
    explicit CoreClock(Model& m, Trace* trace = nullptr, uint64_t period_ps = 2)
        : m_(m), trace_(trace), half_ps_(period_ps / 2), period_ps_(period_ps) {}

    // Two cycles of reset, then one idle cycle (before the first step).
    void reset() {
        m_.rst = 1;
        m_.start = 0;  // every slot's
        clock();
        clock();
        m_.rst = 0;
        clock();
    }

    // One token step: `start` with the request's inputs on one rising edge,
    // then one clock per busy cycle, each counted to the stage the core shows;
    // the results are read in the DONE cycle. Slot 0's fields of the ports
    // (cosim/port_fields.hpp), the whole ports of a one-slot core.
    void step(const golden::StepRequest& req, golden::StepResult& out, arch::StepCycles& cycles) {
        post_start(m_, 0, req);
        clock();  // this rising edge samples start
        set_field(m_.start, 0, 1, 0u);
        while (get_field(m_.busy, 0, 1)) {
            const uint32_t s = get_field(m_.stage, 0, 5);
            if (s < static_cast<uint32_t>(arch::kStageCount)) cycles.cycles[s] += 1;
            if (get_field(m_.done, 0, 1)) read_result(0, out);
            clock();
        }
    }

    // Slot `slot`'s results as its DONE cycle shows them: token, RNG state, logits.
    void read_result(int slot, golden::StepResult& out) const {
        out.next = static_cast<int>(get_field(m_.token_out, 5 * slot, 5));
        out.rng_out = get_field(m_.rng_out, 32 * slot, 32);
        for (int v = 0; v < kVocab; ++v)  // logits_flat: 16 bits per logit, 27 per slot
            out.logits[static_cast<size_t>(v)] =
                static_cast<int16_t>(get_field(m_.logits_flat, 16 * (kVocab * slot + v), 16));
    }

    // One clock: a rising and a falling edge (traced).
    void clock() {
        m_.clk = 1;
        m_.eval();
        if (trace_) trace_->dump(clocks_ * period_ps_ + half_ps_);
        m_.clk = 0;
        m_.eval();
        ++clocks_;
        if (trace_) trace_->dump(clocks_ * period_ps_);
    }

    uint64_t clocks() const { return clocks_; }

private:
    Model& m_;
    Trace* trace_;
    uint64_t half_ps_, period_ps_;
    uint64_t clocks_ = 0;
};

}  // namespace mgpt::cosim
