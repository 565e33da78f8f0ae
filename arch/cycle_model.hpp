// Closed-form cycle counts of one token step for any design point: the fast
// path of the explorer. Written independently of the TLM (which counts bank
// hits and engine iterations); tests prove both agree on every step.
#pragma once
#include <array>

#include "design_point.hpp"
#include "stages.hpp"

namespace mgpt::arch {

struct StepShape {
    int pos = 0;
    bool greedy = false;
    std::array<bool, 3> rms_early_exit{};  // norm0, attention norm, MLP norm
};

StepCycles analytic_step_cycles(const DesignPoint& d, const StepShape& s);

// Weight-memory beats per streamed step that reads `weights` weights of one
// matrix: 1 for logic; ceil(ceil(weights / 2) / (banks * ports)) for M10K.
int weight_beats(const DesignPoint& d, int weights);

// Drain cycles a vector pass adds at the design's pipeline level (0 at level 0,
// and for stages that are not vector passes).
int vector_drain(const DesignPoint& d, Stage s);

}  // namespace mgpt::arch
