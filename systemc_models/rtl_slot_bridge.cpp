#include "rtl_slot_bridge.hpp"

namespace mgpt::tlm_model {

RtlSlotBridge::RtlSlotBridge(sc_core::sc_module_name name, RtlSlotClock& clock, int first_slot)
    : sc_module(name), socket("socket"), clock_(clock), first_slot_(first_slot) {
    socket.register_b_transport(this, &RtlSlotBridge::b_transport);
}

void RtlSlotBridge::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
    CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
    if (!cmd) return;
    if (cmd->op == CoreOp::step) {
        if (!required_context(cmd->ctx, trans, name(), "CoreCommand step")) return;
        StepContext& ctx = *cmd->ctx;
        const int slot = first_slot_ + ctx.slot;  // global
        if (ctx.start_cycle != clock_.next_cycle())
            SC_REPORT_FATAL(name(), ("slot " + std::to_string(slot) + "'s step ready at cycle " +
                                     std::to_string(ctx.start_cycle) + " arrived for cycle " +
                                     std::to_string(clock_.next_cycle()))
                                        .c_str());
        clock_.start(slot, ctx.req);
        sc_core::wait(clock_.done_event(slot));
        const RtlSlotStep& r = clock_.finished(slot);
        ctx.result.next = r.result.next;
        ctx.result.rng_out = r.result.rng_out;
        ctx.result.logits = r.result.logits;
        ctx.cycles = r.cycles;
        ctx.waits = r.waits;
        ctx.start_cycle = r.start;  // the RTL's accept cycle (the host records it)
        ctx.end_cycle = r.end;
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
