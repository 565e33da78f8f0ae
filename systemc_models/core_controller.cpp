#include "core_controller.hpp"

#include <cmath>

#include "kv_memory.hpp"

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

void CoreController::kv_command(uint64_t address, unsigned char* data, unsigned length, sc_core::sc_time& delay) {
    kv_trans_.set_command(tlm::TLM_WRITE_COMMAND);
    kv_trans_.set_address(address);
    kv_trans_.set_data_ptr(data);
    kv_trans_.set_data_length(length);
    kv_trans_.set_streaming_width(length);
    kv_trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    kv->b_transport(kv_trans_, delay);
    if (kv_trans_.is_response_error()) SC_REPORT_ERROR(name(), "KV memory rejected a write");
}

uint32_t CoreController::local_stage(Stage s, StepContext& ctx, sc_core::sc_time& delay) {
    switch (s) {
        case Stage::kv_write: {
            int16_t kvrow[2 * kEmbd];
            std::copy(ctx.k.begin(), ctx.k.end(), kvrow);
            std::copy(ctx.v.begin(), ctx.v.end(), kvrow + kEmbd);
            sc_core::sc_time t = sc_core::SC_ZERO_TIME;
            kv_command(kKvWrite | static_cast<uint64_t>(ctx.req.pos), reinterpret_cast<unsigned char*>(kvrow),
                       sizeof kvrow, t);
            (void)delay;
            return static_cast<uint32_t>(std::lround(t / clock_.period));
        }
        case Stage::finish:
            if (ctx.req.greedy) ctx.result.next = ctx.result.argmax.index;
            return 1;
        default: return 1;  // accept, done
    }
}

void CoreController::run_step(StepContext& ctx, sc_core::sc_time& delay) {
    // The RNG advances on accept, before any compute; greedy steps keep it.
    ctx.result.rng_out = ctx.req.greedy ? ctx.req.rng_in : xorshift32(ctx.req.rng_in);
    for (int i = 0; i < arch::kStageCount; ++i) {
        const auto s = static_cast<Stage>(i);
        if (s == Stage::sampler && ctx.req.greedy) continue;
        const sc_core::sc_time before = delay;
        uint32_t cycles;
        const int u = unit_of(s);
        if (u < 0) {
            cycles = local_stage(s, ctx, delay);
            ctx.add(s, cycles);
            delay += clock_.cycles(cycles);
        } else {
            unit_trans_.set_command(tlm::TLM_WRITE_COMMAND);
            unit_trans_.set_address(static_cast<uint64_t>(i));
            unit_trans_.set_data_ptr(reinterpret_cast<unsigned char*>(&ctx));
            unit_trans_.set_data_length(sizeof(StepContext));
            unit_trans_.set_streaming_width(sizeof(StepContext));
            unit_trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
            units[static_cast<size_t>(u)]->b_transport(unit_trans_, delay);
            if (unit_trans_.is_response_error()) SC_REPORT_ERROR(name(), "a stage unit failed");
            cycles = ctx.cycles.cycles[static_cast<size_t>(i)];
        }
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
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    if (trans.get_address() == kCoreClear) {
        kv_command(kKvClear, nullptr, 0, delay);
    } else if (trans.get_address() == kCoreStep && trans.get_data_length() == sizeof(StepContext)) {
        auto& ctx = *reinterpret_cast<StepContext*>(trans.get_data_ptr());
        if (trace_) {
            sc_core::wait(delay);
            delay = sc_core::SC_ZERO_TIME;
            trace_->busy.write(true);
            trace_->token.write(ctx.req.token);
            trace_->pos.write(ctx.req.pos);
        }
        run_step(ctx, delay);
        if (trace_) trace_->busy.write(false);
    } else {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    }
}

}  // namespace mgpt::tlm_model
