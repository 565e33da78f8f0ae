// The controller states of one token step, in schedule order
// (docs/BASELINE_SCHEDULE.md "Schedule of one step"). Shared by the TLM, the
// analytic cycle model, the reports and the RTL's stage encoding.
#pragma once
#include <array>
#include <cstdint>

namespace mgpt::arch {

enum class Stage : uint8_t {
    accept,          // accept start
    load,            // x = wte + wpe, sum of squares on the fly
    norm0,           // RMS engine
    scale0,          // apply scale to x and residual
    sumsq_attn,      // sum of squares for the attention norm
    norm_attn,       // RMS engine
    scale_attn,      // apply scale -> normed vector
    qkv,             // q, k, v projections
    kv_write,        // k, v into the cache
    attention,       // scores, exp weights, weighted sums, dividers (all heads)
    wo,              // output projection
    residual_attn,   // residual add, sum of squares on the fly
    norm_mlp,        // RMS engine
    scale_mlp,       // apply scale
    fc1,             // MLP up-projection, ReLU on write-back
    fc2,             // MLP down-projection (column chunks)
    residual_mlp,    // residual add
    lm_head,         // logits
    argmax,          // argmax reduction
    finish,          // start the sampler or take the argmax
    sampler,         // sampling mode only
    done,
};
constexpr int kStageCount = static_cast<int>(Stage::done) + 1;

constexpr const char* kStageNames[kStageCount] = {
    "accept", "load", "norm0", "scale0", "sumsq_attn", "norm_attn", "scale_attn", "qkv",
    "kv_write", "attention", "wo", "residual_attn", "norm_mlp", "scale_mlp", "fc1", "fc2",
    "residual_mlp", "lm_head", "argmax", "finish", "sampler", "done"};
constexpr const char* stage_name(Stage s) { return kStageNames[static_cast<int>(s)]; }

// Cycles of one step per stage, and among them the memory stall cycles and the
// pipeline fill/drain cycles (the latency the `pipeline` key's registers add).
struct StepCycles {
    std::array<uint32_t, kStageCount> cycles{};
    std::array<uint32_t, kStageCount> stalls{};
    std::array<uint32_t, kStageCount> fill{};
    uint32_t total() const {
        uint32_t t = 0;
        for (uint32_t c : cycles) t += c;
        return t;
    }
    uint32_t total_stalls() const {
        uint32_t t = 0;
        for (uint32_t c : stalls) t += c;
        return t;
    }
    uint32_t total_fill() const {
        uint32_t t = 0;
        for (uint32_t c : fill) t += c;
        return t;
    }
};

}  // namespace mgpt::arch
