#include "rtl_core_bridge.hpp"

namespace mgpt::tlm_model {

RtlCoreBridge::RtlCoreBridge(sc_core::sc_module_name name)
    : sc_module(name), socket("socket"), clk("clk"), rst("rst"), start("start"), greedy("greedy"), busy("busy"),
      done("done"), token_in("token_in"), pos("pos"), rng_in("rng_in"), temperature("temperature"), stage("stage"),
      token_out("token_out"), rng_out("rng_out"), logits_flat("logits_flat") {
    socket.register_b_transport(this, &RtlCoreBridge::b_transport);
}

void RtlCoreBridge::run_step(StepContext& ctx) {
    auto falling = [this] { sc_core::wait(clk.negedge_event()); };
    if (!reset_done_) {  // two cycles of reset before the first step
        rst.write(true);
        falling();
        falling();
        rst.write(false);
        falling();
        reset_done_ = true;
    }
    // Align to a falling edge this process woke up on, so the next rising edge samples start.
    sc_core::wait(clk.posedge_event());
    falling();
    token_in.write(static_cast<uint32_t>(ctx.req.token));
    pos.write(static_cast<uint32_t>(ctx.req.pos));
    rng_in.write(ctx.req.rng_in);
    greedy.write(ctx.req.greedy);
    temperature.write(ctx.req.temperature);
    start.write(true);
    falling();  // the rising edge in between sampled start
    start.write(false);
    while (busy.read()) {
        const uint32_t s = stage.read();
        if (s < arch::kStageCount) ctx.cycles.cycles[s] += 1;
        ++cycles_;
        if (done.read()) {
            ctx.result.next = static_cast<int>(token_out.read());
            ctx.result.rng_out = rng_out.read();
            const sc_dt::sc_bv<kLogitBits> l = logits_flat.read();
            for (int v = 0; v < kVocab; ++v)
                ctx.result.logits[static_cast<size_t>(v)] =
                    static_cast<int16_t>(l.range(16 * v + 15, 16 * v).to_uint());
        }
        falling();
    }
}

void RtlCoreBridge::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
    if (!cmd) return;
    if (cmd->op == CoreOp::step) {
        if (!required_context(cmd->ctx, trans, name(), "CoreCommand step")) return;
        sc_core::wait(delay);  // catch up with the initiator's local time: the RTL runs in real simulated time
        delay = sc_core::SC_ZERO_TIME;
        run_step(*cmd->ctx);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
