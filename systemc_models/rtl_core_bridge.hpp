// The pin-level bridge between the TLM world and the Verilated RTL core: a
// TLM-2.0 target of the core protocol (step_protocol.hpp), driving the
// core's pins cycle by cycle on the core clock and reading its results back,
// including the cycles it spent in each stage (from its `stage` output).
//
// Pins are driven and sampled at the falling edge, half a cycle away from the
// rising edge on which the RTL registers change, so there is no race.
// A clear command needs no pin activity: the RTL only ever reads cache rows that
// the current sequence wrote.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "step_protocol.hpp"

namespace mgpt::tlm_model {

constexpr int kLogitBits = kVocab * 16;

class RtlCoreBridge : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<RtlCoreBridge, 32, CoreProtocol> socket;
    sc_core::sc_in<bool> clk;
    // signals to bind to the Verilated model's ports (same names as rtl/mgpt_core.sv)
    sc_core::sc_signal<bool> rst, start, greedy, busy, done;
    sc_core::sc_signal<uint32_t> token_in, pos, rng_in, temperature, stage, token_out, rng_out;
    sc_core::sc_signal<sc_dt::sc_bv<kLogitBits>> logits_flat;

    explicit RtlCoreBridge(sc_core::sc_module_name name);

    uint64_t cycles_run() const { return cycles_; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void run_step(StepContext& ctx);
    bool reset_done_ = false;
    uint64_t cycles_ = 0;
};

}  // namespace mgpt::tlm_model
