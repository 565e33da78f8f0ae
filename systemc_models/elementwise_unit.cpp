#include "elementwise_unit.hpp"

#include <algorithm>

#include "arch/cycle_model.hpp"
#include "arch/microarch.hpp"
#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

using arch::Stage;

ElementwiseUnit::ElementwiseUnit(sc_core::sc_module_name name, const arch::DesignPoint& design)
    : StageTarget(name, design), weights("weights") {}

// Both embedding tables are read at once (separate stores); a step reads
// `vector_lanes` weights of each, consecutive words of the token's (position's) row.
uint32_t ElementwiseUnit::load(StepContext& ctx) {
    const int V = design_.vector_lanes;
    const int steps = arch::ceil_div(kEmbd, V);
    const int words = arch::ceil_div(V, arch::kWeightsPerWord);
    uint32_t cycles = 0, stalls = 0;
    for (const auto& [m, row] : {std::pair{Matrix::wte, ctx.req.token}, std::pair{Matrix::wpe, ctx.req.pos}}) {
        const auto [c, s] = reader_.read(*weights[0], m, row, words, steps, name());
        cycles = std::max(cycles, c);
        stalls = std::max(stalls, s);
        ctx.weight_words[static_cast<int>(Stage::load)] += static_cast<uint32_t>(words * steps);
    }
    ctx.add(Stage::load, 0, stalls);
    ctx.sumsq = golden::embed(*ctx.weights, ctx.req.token, ctx.req.pos, ctx.x);
    return cycles;
}

uint32_t ElementwiseUnit::run(Stage stage, StepContext& ctx) {
    // At pipeline >= 1 each pass drains its operand, result and square
    // registers after its last element group (docs/MICROARCH.md "Pipeline").
    const auto drain = static_cast<uint32_t>(arch::vector_drain(design_, stage));
    ctx.add(stage, 0, 0, drain);
    return drain + pass_cycles(stage, ctx);
}

uint32_t ElementwiseUnit::pass_cycles(Stage stage, StepContext& ctx) {
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
