#include "elementwise_unit.hpp"

#include <algorithm>

#include "arch/microarch.hpp"
#include "weight_memory.hpp"

namespace mgpt::tlm_model {

using arch::Stage;

ElementwiseUnit::ElementwiseUnit(sc_core::sc_module_name name, const arch::DesignPoint& design,
                                 const ClockDomain& clock)
    : StageTarget(name, design, clock), weights("weights") {
    trans_.set_extension(new WeightBurst);
}

// Both embedding tables are read at once (separate stores); a step reads
// `vector_lanes` weights of each, consecutive words of the token's (position's) row.
uint32_t ElementwiseUnit::load(StepContext& ctx) {
    const int V = design_.vector_lanes;
    const int steps = arch::ceil_div(kEmbd, V);
    const int words = arch::ceil_div(V, arch::kWeightsPerWord);
    WeightBurst* burst = nullptr;
    trans_.get_extension(burst);
    uint32_t cycles = 0, stalls = 0;
    for (const auto& [m, row] : {std::pair{Matrix::wte, ctx.req.token}, std::pair{Matrix::wpe, ctx.req.pos}}) {
        burst->words_per_step = words;
        burst->steps = steps;
        trans_.set_command(tlm::TLM_READ_COMMAND);
        trans_.set_address(weight_address(m, static_cast<uint32_t>(row * steps * words)));
        trans_.set_data_length(0);
        trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        sc_core::sc_time scratch = sc_core::SC_ZERO_TIME;
        weights->b_transport(trans_, scratch);
        if (trans_.is_response_error()) SC_REPORT_ERROR(name(), "weight memory rejected an embedding read");
        cycles = std::max(cycles, burst->cycles);
        stalls = std::max(stalls, burst->stalls);
        ctx.weight_words[static_cast<int>(Stage::load)] += static_cast<uint32_t>(words * steps);
    }
    ctx.add(Stage::load, 0, stalls);
    ctx.sumsq = golden::embed(*ctx.weights, ctx.req.token, ctx.req.pos, ctx.x);
    return cycles;
}

uint32_t ElementwiseUnit::run(Stage stage, StepContext& ctx, sc_core::sc_time&) {
    const auto pass = static_cast<uint32_t>(arch::ceil_div(kEmbd, design_.vector_lanes));
    switch (stage) {
        case Stage::load: return load(ctx);
        case Stage::scale0:
            golden::apply_scale(ctx.x, ctx.scale, ctx.x);
            ctx.residual = ctx.x;
            return pass;
        case Stage::sumsq_attn: ctx.sumsq = golden::sum_squares(ctx.x); return pass;
        case Stage::scale_attn:
        case Stage::scale_mlp: golden::apply_scale(ctx.x, ctx.scale, ctx.normed); return pass;
        case Stage::residual_attn:
            golden::residual_add(ctx.y, ctx.residual, ctx.x);
            ctx.residual = ctx.x;
            ctx.sumsq = golden::sum_squares(ctx.x);
            return pass;
        case Stage::residual_mlp: golden::residual_add(ctx.y, ctx.residual, ctx.x); return pass;
        default: SC_REPORT_FATAL(name(), "stage not handled by the elementwise unit"); return 0;
    }
}

}  // namespace mgpt::tlm_model
