#include "rtl_core_bridge.hpp"

namespace mgpt::tlm_model {

RtlCoreBridge::RtlCoreBridge(sc_core::sc_module_name name, RtlCore& core, sc_core::sc_time period)
    : sc_module(name), socket("socket"), core_(core), period_(period) {
    socket.register_b_transport(this, &RtlCoreBridge::b_transport);
}

void RtlCoreBridge::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
    if (!cmd) return;
    if (cmd->op == CoreOp::step) {
        if (!required_context(cmd->ctx, trans, name(), "CoreCommand step")) return;
        StepContext& ctx = *cmd->ctx;
        const uint64_t before = core_.clocks();
        core_.step(ctx.req, ctx.result, ctx.cycles);
        delay += period_ * static_cast<double>(core_.clocks() - before);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
