// The RMS scale engine: a restoring square root producing `norm_radix_bits`
// result bits per cycle, then a restoring division 2^24 / root at the same
// radix, skipped when root <= 512 (data-dependent timing). Started and
// answered by one-cycle pulses: N iterations cost N + 3 cycles.
#pragma once
#include "stage_target.hpp"

namespace mgpt::tlm_model {

class RmsEngine : public StageTarget {
public:
    using StageTarget::StageTarget;

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;
};

}  // namespace mgpt::tlm_model
