// The output units: the argmax reduction over the logits and the sampler.
#pragma once
#include "stage_target.hpp"

namespace mgpt::tlm_model {

// Sequential: one logit per cycle (27). Tree: pairwise comparators, one level per cycle.
class ArgmaxUnit : public StageTarget {
public:
    using StageTarget::StageTarget;

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;
};

// Sequential: 1 + 27 x 3 (weights) + 3 (RNG mix, scale, clamp) + 27 (pick) + 2.
// Parallel: all weights in one pipelined pass, mix, a prefix-sum tree, one
// parallel compare and priority encode.
class SamplerUnit : public StageTarget {
public:
    using StageTarget::StageTarget;

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;
};

}  // namespace mgpt::tlm_model
