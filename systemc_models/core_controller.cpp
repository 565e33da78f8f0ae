#include "core_controller.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

using arch::Stage;
using arch::Unit;

CoreController::CoreController(sc_core::sc_module_name name, const arch::DesignPoint& design,
                               const ClockDomain& clock, TraceSignals* trace, SlotArbiter& arbiter, int core)
    : sc_module(name), host("host"), kv("kv"), design_(design), clock_(clock), trace_(trace), arbiter_(arbiter),
      core_(core) {
    host.register_b_transport(this, &CoreController::b_transport);
}

uint32_t CoreController::local_stage(Stage s, StepContext& ctx) {
    if (s == Stage::finish && ctx.req.greedy) ctx.result.next = ctx.result.argmax.index;
    return arch::kControlStateCycles;  // accept, finish, done
}

uint32_t CoreController::unit_stage(Unit unit, Stage s, StepContext& ctx) {
    StepExtension& cmd = stage_cmd_.command();
    cmd.ctx = &ctx;
    cmd.stage = s;
    tlm::tlm_generic_payload& trans = stage_cmd_.for_transport();
    sc_core::sc_time unused = sc_core::SC_ZERO_TIME;  // the unit reports cycles into the context
    units[static_cast<size_t>(unit)]->b_transport(trans, unused);
    if (trans.is_response_error()) SC_REPORT_ERROR(name(), "a stage unit failed");
    return ctx.cycles.cycles[static_cast<size_t>(s)];
}

uint32_t CoreController::stage_cycles(Stage s, StepContext& ctx) {
    const Unit u = arch::unit_of(s);
    if (u != Unit::none) return unit_stage(u, s, ctx);
    const uint32_t cycles = local_stage(s, ctx);
    ctx.add(s, cycles);
    return cycles;
}

void CoreController::run_step(StepContext& ctx, sc_core::sc_time& delay) {
    // The RNG advances on accept, before any compute; greedy steps keep it.
    ctx.result.rng_out = ctx.req.greedy ? ctx.req.rng_in : xorshift32(ctx.req.rng_in);
    if (shared()) return run_step_shared(ctx);
    for (int i = 0; i < arch::kStageCount; ++i) {
        const auto s = static_cast<Stage>(i);
        if (s == Stage::sampler && ctx.req.greedy) continue;
        const sc_core::sc_time before = delay;
        const uint32_t cycles = stage_cycles(s, ctx);
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
    ctx.end_cycle = ctx.start_cycle + ctx.cycles.total();
}

// Several slots: the step runs in its slot's host thread, from the current
// cycle (ctx.start_cycle). A stage of a shared unit waits for the unit's
// grant, then computes its values and cycles (the unit serves this slot now)
// and holds the unit until its end; a controller state never waits. Rule 1's
// skipped 0-cycle stage is the greedy step's sampler; every other unit stage
// takes at least one cycle.
void CoreController::run_step_shared(StepContext& ctx) {
    if (arbiter_.now() != ctx.start_cycle) SC_REPORT_FATAL(name(), "a step not started at its ready cycle");
    for (int i = 0; i < arch::kStageCount; ++i) {
        const auto s = static_cast<Stage>(i);
        if (s == Stage::sampler && ctx.req.greedy) continue;
        const Unit u = arch::unit_of(s);
        if (trace_) trace_->slot_stage(core_, ctx.slot).write(i);
        const uint64_t ready = arbiter_.now();
        const uint64_t start = u == Unit::none ? ready : arbiter_.acquire(u, ctx.slot, ctx.start_cycle);
        ctx.waits[static_cast<size_t>(i)] += start - ready;
        const uint32_t cycles = stage_cycles(s, ctx);
        if (cycles == 0) SC_REPORT_FATAL(name(), "a stage of 0 cycles held a unit");
        arbiter_.wait_until(start + cycles);
        if (u != Unit::none) arbiter_.release(u);
    }
    ctx.end_cycle = arbiter_.now();
}

void CoreController::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
    if (!cmd) return;
    if (cmd->op == CoreOp::clear) {
        kv_port_.clear(*kv[0], cmd->slot, name());  // between sequences: no stage, no core cycles
    } else {
        if (!required_context(cmd->ctx, trans, name(), "CoreCommand step")) return;
        StepContext& ctx = *cmd->ctx;
        if (trace_ && !shared()) {
            sc_core::wait(delay);
            delay = sc_core::SC_ZERO_TIME;
            trace_->busy.write(true);
            trace_->token.write(ctx.req.token);
            trace_->pos.write(ctx.req.pos);
        }
        run_step(ctx, delay);
        if (trace_ && !shared()) trace_->busy.write(false);
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
