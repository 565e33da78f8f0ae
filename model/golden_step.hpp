// One token step of the golden model and the host's name-generation protocol.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "golden_stages.hpp"

namespace mgpt::golden {

struct StepRequest {
    int token = kBos;
    int pos = 0;
    uint32_t rng_in = 0;
    bool greedy = false;
    uint16_t temperature = 0x0080;  // Q8.8
    Numerics numerics = Numerics::saturating;
};

// What a step computed: the values every model must agree on, plus the
// data-dependent facts that decide engine timing (RMS early exits).
struct StepResult {
    Logits logits{};
    ArgMax argmax{};
    int next = kBos;
    uint32_t rng_out = 0;  // state handed to the next step
    SampleResult sample{};  // meaningful in sampling mode only
    std::array<bool, 3> rms_early_exit{};  // norm 0, attention norm, MLP norm
};

// Runs step `req` against `kv` (kv row req.pos is written).
StepResult step(const QWeights& w, const StepRequest& req, KvCache& kv);

// The sampling settings of a generation.
struct GenerationConfig {
    bool greedy = false;
    uint16_t temperature = 0x0080;
    Numerics numerics = Numerics::saturating;
};

struct Generation {
    std::vector<int> tokens;         // generated tokens, the final BOS excluded
    std::vector<StepRequest> steps;  // every step run, the final BOS step included
    std::vector<StepResult> results;
};

// docs/NUMERICS.md "Generation protocol": from BOS at position 0 with a cleared cache,
// until a step outputs BOS or 16 steps ran. `rng` carries across generations.
Generation generate(const QWeights& w, const GenerationConfig& cfg, uint32_t& rng);

std::string tokens_to_name(const std::vector<int>& tokens);

}  // namespace mgpt::golden
