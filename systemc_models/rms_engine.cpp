#include "rms_engine.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

uint32_t RmsEngine::run(arch::Stage, StepContext& ctx, sc_core::sc_time&) {
    const RmsScale s = rms_scale(ctx.sumsq);
    ctx.scale = s.scale;
    if (ctx.rms_calls < 3) ctx.result.rms_early_exit[static_cast<size_t>(ctx.rms_calls)] = s.early_exit;
    ++ctx.rms_calls;
    uint32_t iterations = 0;
    for (int bit = 0; bit < arch::kSqrtResultBits; bit += design_.norm_radix_bits) ++iterations;
    if (!s.early_exit)
        for (int bit = 0; bit < arch::kRmsQuotientBits; bit += design_.norm_radix_bits) ++iterations;
    return iterations + arch::kHandshakeCycles;
}

}  // namespace mgpt::tlm_model
