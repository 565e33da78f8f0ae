// The bridge between the TLM world and the RTL core: a TLM-2.0 target of the
// core protocol (step_protocol.hpp) that runs each step command on a
// cycle-based model of the core (RtlCore: the Verilated rtl/mgpt_core.sv,
// cosim/verilated_rtl_core.hpp) and reads its results back, including the
// cycles it spent in each stage (from its `stage` output).
//
// The RTL is clocked by its owner, one call per step, not by a SystemC clock:
// it runs only while a step does (no idle clocks while the TLM's annotated
// time passes) and costs what the Verilated model costs. The bridge annotates
// the step's clock cycles as the command's delay (loosely timed, as the TLM
// core does). A clear command needs no pin activity: the RTL only ever reads
// cache rows that the current sequence wrote.
#pragma once
#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "step_protocol.hpp"

namespace mgpt::tlm_model {

// The RTL core as the bridge drives it: its first step starts with a reset.
class RtlCore {
public:
    virtual ~RtlCore() = default;
    // One token step on the core's pins: the results of its DONE cycle and
    // the busy cycles it spent in each stage.
    virtual void step(const golden::StepRequest& req, golden::StepResult& out, arch::StepCycles& cycles) = 0;
    // Clock cycles simulated so far (reset and the start cycle of each step included).
    virtual uint64_t clocks() const = 0;
};

class RtlCoreBridge : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<RtlCoreBridge, 32, CoreProtocol> socket;

    RtlCoreBridge(sc_core::sc_module_name name, RtlCore& core, sc_core::sc_time period);

    uint64_t clocks_run() const { return core_.clocks(); }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    RtlCore& core_;
    sc_core::sc_time period_;
};

}  // namespace mgpt::tlm_model
