#include "core_controller.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

using arch::Stage;

namespace {

// Which unit runs each stage (-1: the controller itself).
int unit_of(Stage s) {
    switch (s) {
        case Stage::load:
        case Stage::scale0:
        case Stage::sumsq_attn:
        case Stage::scale_attn:
        case Stage::residual_attn:
        case Stage::scale_mlp:
        case Stage::residual_mlp: return static_cast<int>(Unit::elementwise);
        case Stage::norm0:
        case Stage::norm_attn:
        case Stage::norm_mlp: return static_cast<int>(Unit::rms);
        case Stage::qkv:
        case Stage::wo:
        case Stage::fc1:
        case Stage::fc2:
        case Stage::lm_head: return static_cast<int>(Unit::tile);
        case Stage::attention: return static_cast<int>(Unit::attention);
        case Stage::argmax: return static_cast<int>(Unit::argmax);
        case Stage::sampler: return static_cast<int>(Unit::sampler);
        default: return -1;
    }
}

}  // namespace

CoreController::CoreController(sc_core::sc_module_name name, const arch::DesignPoint& design,
                               const ClockDomain& clock, TraceSignals* trace)
    : sc_module(name), host("host"), kv("kv"), design_(design), clock_(clock), trace_(trace) {
    host.register_b_transport(this, &CoreController::b_transport);
}

uint32_t CoreController::local_stage(Stage s, StepContext& ctx) {
    switch (s) {
        case Stage::kv_write: return kv_port_.write(*kv[0], ctx.req.pos, ctx.k, ctx.v, name());
        case Stage::finish:
            if (ctx.req.greedy) ctx.result.next = ctx.result.argmax.index;
            return arch::kControlStateCycles;
        default: return arch::kControlStateCycles;  // accept, done
    }
}

uint32_t CoreController::unit_stage(int unit, Stage s, StepContext& ctx) {
    StepExtension& cmd = stage_cmd_.command();
    cmd.ctx = &ctx;
    cmd.stage = s;
    tlm::tlm_generic_payload& trans = stage_cmd_.for_transport();
    sc_core::sc_time unused = sc_core::SC_ZERO_TIME;  // the unit reports cycles into the context
    units[static_cast<size_t>(unit)]->b_transport(trans, unused);
    if (trans.is_response_error()) SC_REPORT_ERROR(name(), "a stage unit failed");
    return ctx.cycles.cycles[static_cast<size_t>(s)];
}

void CoreController::run_step(StepContext& ctx, sc_core::sc_time& delay) {
    // The RNG advances on accept, before any compute; greedy steps keep it.
    ctx.result.rng_out = ctx.req.greedy ? ctx.req.rng_in : xorshift32(ctx.req.rng_in);
    for (int i = 0; i < arch::kStageCount; ++i) {
        const auto s = static_cast<Stage>(i);
        if (s == Stage::sampler && ctx.req.greedy) continue;
        const sc_core::sc_time before = delay;
        const int u = unit_of(s);
        uint32_t cycles;
        if (u < 0) {
            cycles = local_stage(s, ctx);
            ctx.add(s, cycles);
        } else {
            cycles = unit_stage(u, s, ctx);
        }
        delay += clock_.cycles(cycles);  // the one conversion of cycles into time
        if (trace_) {
            // Trace mode: show the stage for as long as it lasts, then move on.
            sc_core::wait(before);
            trace_->stage.write(i);
            trace_->stall_cycles.write(ctx.cycles.stalls[static_cast<size_t>(i)]);
            trace_->weight_words_per_cycle.write(cycles ? double(ctx.weight_words[static_cast<size_t>(i)]) / cycles : 0);
            trace_->kv_rows_per_cycle.write(cycles ? double(ctx.kv_reads[static_cast<size_t>(i)]) / cycles : 0);
            sc_core::wait(delay - before);
            delay = sc_core::SC_ZERO_TIME;
        }
    }
}

void CoreController::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
    if (!cmd) return;
    if (cmd->op == CoreOp::clear) {
        kv_port_.clear(*kv[0], name());  // between sequences: no stage, no core cycles
    } else {
        if (!required_context(cmd->ctx, trans, name(), "CoreCommand step")) return;
        StepContext& ctx = *cmd->ctx;
        if (trace_) {
            sc_core::wait(delay);
            delay = sc_core::SC_ZERO_TIME;
            trace_->busy.write(true);
            trace_->token.write(ctx.req.token);
            trace_->pos.write(ctx.req.pos);
        }
        run_step(ctx, delay);
        if (trace_) trace_->busy.write(false);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
