#include "cycle_model.hpp"

#include <algorithm>

#include "microarch.hpp"

namespace mgpt::arch {

int weight_beats(const DesignPoint& d, int weights) {
    if (d.weight_memory == WeightMemory::logic) return 1;
    return ceil_div(ceil_div(weights, kWeightsPerWord), d.weight_banks * d.bram_ports);
}

int vector_drain(const DesignPoint& d, Stage s) {
    if (d.pipeline == 0) return 0;
    switch (s) {
        case Stage::load:
        case Stage::sumsq_attn:
        case Stage::residual_attn: return kVectorDrainSumCycles;
        case Stage::scale0:
        case Stage::scale_attn:
        case Stage::scale_mlp:
        case Stage::residual_mlp: return kVectorDrainCycles;
        default: return 0;
    }
}

namespace {

void set(StepCycles& c, Stage s, int cycles, int stalls = 0, int fill = 0) {
    c.cycles[static_cast<int>(s)] = static_cast<uint32_t>(cycles);
    c.stalls[static_cast<int>(s)] = static_cast<uint32_t>(stalls);
    c.fill[static_cast<int>(s)] = static_cast<uint32_t>(fill);
}

int rms_cycles(const DesignPoint& d, bool early_exit) {
    const int r = d.norm_radix_bits;
    return ceil_div(kSqrtResultBits, r) + (early_exit ? 0 : ceil_div(kRmsQuotientBits, r)) + kHandshakeCycles;
}

// A vector pass of `cycles` before its drain; the drain counts as fill.
void set_vector(StepCycles& c, const DesignPoint& d, Stage s, int cycles, int stalls = 0) {
    const int drain = vector_drain(d, s);
    set(c, s, cycles + drain, stalls, drain);
}

// A projection: passes x (column steps x beats + handshake + M10K latency +
// the pipeline's register stages, each filled and drained once per pass).
void set_projection(StepCycles& c, const DesignPoint& d, Stage s, int stacked, int rows, int chunks) {
    const int L = d.lanes, cpc = d.cols_per_cycle;
    const int rows_per_pass = std::min(L, rows);
    const int passes = ceil_div(stacked * rows, L) * chunks;
    const int steps = ceil_div(kEmbd, cpc);
    const int beats = weight_beats(d, rows_per_pass * cpc);
    const int lat = d.weight_memory == WeightMemory::m10k ? kM10kReadLatency : 0;
    set(c, s, passes * (steps * beats + kHandshakeCycles + lat + d.pipeline), passes * steps * (beats - 1),
        passes * d.pipeline);
}

}  // namespace

StepCycles analytic_step_cycles(const DesignPoint& d, const StepShape& s) {
    StepCycles c;
    const int ev = ceil_div(kEmbd, d.vector_lanes);  // element steps of a 16-element pass
    const int wlat = d.weight_memory == WeightMemory::m10k ? kM10kReadLatency : 0;
    const int kvlat = d.kv_memory == KvMemory::m10k ? kM10kReadLatency : 0;

    set(c, Stage::accept, kControlStateCycles);
    const int eb = weight_beats(d, d.vector_lanes);
    set_vector(c, d, Stage::load, ev * eb + wlat, ev * (eb - 1));
    set(c, Stage::norm0, rms_cycles(d, s.rms_early_exit[0]));
    set_vector(c, d, Stage::scale0, ev);
    set_vector(c, d, Stage::sumsq_attn, ev);
    set(c, Stage::norm_attn, rms_cycles(d, s.rms_early_exit[1]));
    set_vector(c, d, Stage::scale_attn, ev);
    set_projection(c, d, Stage::qkv, kQkvMatrices, kEmbd, 1);
    set(c, Stage::kv_write, kKvWriteCycles);
    const int per_head = kAttnCyclesPerPosition * (s.pos + 1) + kKvStreamsPerHead * kvlat + kAttnLatchCycles;
    const int batches = kEmbd / d.attn_dividers;
    set(c, Stage::attention,
        kHeads * per_head + batches * (ceil_div(kAttnQuotientBits, d.div_radix_bits) + kHandshakeCycles));
    set_projection(c, d, Stage::wo, 1, kEmbd, 1);
    set_vector(c, d, Stage::residual_attn, ev);
    set(c, Stage::norm_mlp, rms_cycles(d, s.rms_early_exit[2]));
    set_vector(c, d, Stage::scale_mlp, ev);
    set_projection(c, d, Stage::fc1, 1, kMlp, 1);
    set_projection(c, d, Stage::fc2, 1, kEmbd, kMlp / kEmbd);
    set_vector(c, d, Stage::residual_mlp, ev);
    set_projection(c, d, Stage::lm_head, 1, kVocab, 1);
    set(c, Stage::argmax, d.argmax == ArgmaxKind::sequential ? kVocab : kArgmaxTreeLevels);
    set(c, Stage::finish, kControlStateCycles);
    int sampler = 0;
    if (!s.greedy)
        sampler = d.sampler == SamplerKind::sequential
                      ? kSamplerHead + kVocab * kSamplerWeightCycles + kSamplerMixCycles + kVocab + kSamplerTail
                      : kSamplerHead + kSamplerWeightCycles + kSamplerMixCycles + kSamplerPrefixLevels +
                            kSamplerPickCycles + kSamplerTail;
    set(c, Stage::sampler, sampler);
    set(c, Stage::done, kControlStateCycles);
    return c;
}

}  // namespace mgpt::arch
