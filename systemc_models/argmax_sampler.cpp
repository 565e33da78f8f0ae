#include "argmax_sampler.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

namespace {
uint32_t tree_levels(int leaves) {
    uint32_t levels = 0;
    for (int n = leaves; n > 1; n = (n + 1) / 2) ++levels;
    return levels;
}
}  // namespace

uint32_t ArgmaxUnit::run(arch::Stage, StepContext& ctx) {
    ctx.result.argmax = golden::argmax(ctx.result.logits);
    return design_.argmax == arch::ArgmaxKind::sequential ? static_cast<uint32_t>(kVocab) : tree_levels(kVocab);
}

uint32_t SamplerUnit::run(arch::Stage, StepContext& ctx) {
    ctx.result.sample = golden::sample(ctx.result.logits, ctx.result.argmax, ctx.result.rng_out,
                                       ctx.req.temperature, ctx.req.numerics);
    ctx.result.next = ctx.result.sample.token;
    using namespace arch;
    if (design_.sampler == SamplerKind::sequential)
        return kSamplerHead + kVocab * kSamplerWeightCycles + kSamplerMixCycles + kVocab + kSamplerTail;
    // 27 entries padded to the leaves of the prefix-sum tree
    return kSamplerHead + kSamplerWeightCycles + kSamplerMixCycles + tree_levels(kSamplerPrefixLeaves) +
           kSamplerPickCycles + kSamplerTail;
}

}  // namespace mgpt::tlm_model
