// Base of every pipeline-stage model: a TLM-2.0 target of the stage protocol
// (step_protocol.hpp) that receives one command per stage from the controller,
// a StepExtension naming the stage and the step's StepContext. The model
// computes the stage's values with the golden library and returns its cycles,
// which the base adds to the context. Cycles are the timing authority
// (protocol.hpp, "Timing"): the unit leaves the delay alone, the controller
// turns the stage's cycles into time.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "arch/design_point.hpp"
#include "step_protocol.hpp"

namespace mgpt::tlm_model {

class StageTarget : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<StageTarget, 32, StageProtocol> socket;

    StageTarget(sc_core::sc_module_name name, const arch::DesignPoint& design)
        : sc_module(name), socket("socket"), design_(design) {
        socket.register_b_transport(this, &StageTarget::b_transport);
    }

protected:
    // Runs `stage` on `ctx` and returns the cycles it took (stalls recorded by the model).
    virtual uint32_t run(arch::Stage stage, StepContext& ctx) = 0;
    const arch::DesignPoint& design_;

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& /*delay*/) {
        const StepExtension* cmd = required_extension<StepExtension>(trans, name(), "StepExtension");
        if (!cmd || !required_context(cmd->ctx, trans, name(), "StepExtension")) return;
        cmd->ctx->add(cmd->stage, run(cmd->stage, *cmd->ctx));
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
    }
};

}  // namespace mgpt::tlm_model
