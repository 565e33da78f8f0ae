#include "rms_engine.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

uint32_t RmsEngine::run(arch::Stage, StepContext& ctx) {
    const RmsScale s = rms_scale(ctx.sumsq);
    ctx.scale = s.scale;
    auto& early_exit = ctx.result.rms_early_exit;  // one flag per RMS norm of the step
    const auto call = static_cast<size_t>(ctx.rms_calls);
    if (call < early_exit.size()) early_exit[call] = s.early_exit;
    ++ctx.rms_calls;
    uint32_t iterations = 0;
    for (int bit = 0; bit < arch::kSqrtResultBits; bit += design_.norm_radix_bits) ++iterations;
    if (!s.early_exit)
        for (int bit = 0; bit < arch::kRmsQuotientBits; bit += design_.norm_radix_bits) ++iterations;
    return iterations + arch::kHandshakeCycles;
}

}  // namespace mgpt::tlm_model
