// Fixed facts of the micro-architecture that every timing model (TLM, analytic,
// RTL) shares. See docs/MICROARCH.md for the schedule they produce.
#pragma once
#include <vector>

#include "design_point.hpp"
#include "model/topology.hpp"

namespace mgpt::arch {

constexpr int ceil_div(int a, int b) { return (a + b - 1) / b; }

// An engine stage: start registered (1), engine accepts (1), iterations, done
// seen (1): N iterations cost N + 3 cycles (docs/BASELINE_SCHEDULE.md "Handshake timing").
constexpr int kHandshakeCycles = 3;

// RMS engine: restoring square root of a 64-bit radicand (32 result bits), then
// the restoring division 2^24 / root (25 quotient bits).
constexpr int kSqrtResultBits = 32;
constexpr int kRmsQuotientBits = 25;
// Attention dividers: sign-magnitude restoring division, 32 quotient bits.
constexpr int kAttnQuotientBits = 32;
// Per head: q.k + commit (2), exp/sum (1) and fetch + accumulate (2) per cached position.
constexpr int kAttnCyclesPerPosition = 5;
constexpr int kAttnLatchCycles = 1;  // divider operand latch, once per head
// The same per-position cycles split by KV stream, because the TLM walks the K
// stream (q.k + commit score, exp weight + sum: 3) and the V stream (weight
// fetch + 4-channel accumulate: 2) separately, each behind its own read latency.
constexpr int kAttnScoreCyclesPerPosition = 3;
constexpr int kAttnAccumulateCyclesPerPosition = 2;
static_assert(kAttnScoreCyclesPerPosition + kAttnAccumulateCyclesPerPosition == kAttnCyclesPerPosition,
              "the K and V streams make up the per-position attention cycles");
// A head streams its cached positions twice (K for the scores, V for the
// accumulation): each stream pays the KV memory's read latency once, and one
// MAC per channel of every streamed row.
constexpr int kKvStreamsPerHead = 2;
// kv_write: the step's k and v go into all 8 KV banks (or the register file) at once.
constexpr int kKvWriteCycles = 1;
// Controller states with no engine behind them (accept, finish, done) last
// one cycle: there is no start/done handshake, the FSM moves on at the next edge.
constexpr int kControlStateCycles = 1;

// Sampler. Sequential: 1 + 27 x 3 (weights) + 3 (mix RNG, scale, clamp cut) + 27 (pick) + 2.
constexpr int kSamplerHead = 1, kSamplerWeightCycles = 3, kSamplerMixCycles = 3, kSamplerTail = 2;
// Parallel: the 27 weights in one 3-stage pipeline pass, mix, a prefix-sum tree
// over 32 leaves (5 levels), one parallel compare + priority encode.
constexpr int kSamplerPrefixLevels = 5, kSamplerPickCycles = 1;
// The leaves of that prefix-sum tree: the 27 weights padded to a power of two
// (the TLM counts the tree's levels from this, the closed form uses the levels).
constexpr int kSamplerPrefixLeaves = 32;
// Argmax: sequential scans one logit per cycle; the tree reduces pairs, 5 levels for 27.
constexpr int kArgmaxTreeLevels = 5;

// Vector passes at pipeline >= 1 (load, scale, sum of squares, residual): the
// operands (the embedding words) are registered, then each lane's result, then
// its square, and the squares are summed into the sum of squares one cycle
// later. A pass that sums squares (load, sumsq_attn, residual_attn) drains
// kVectorDrainSumCycles after its last element group, every other pass
// kVectorDrainCycles (its results are written one cycle after the operands).
constexpr int kVectorDrainSumCycles = 3;
constexpr int kVectorDrainCycles = 1;

// Block RAM: 32-bit words hold two Q4.12 weights; synchronous read adds one
// cycle of latency to every streamed read sequence.
constexpr int kWeightsPerWord = 2;
constexpr int kM10kReadLatency = 1;
constexpr int kM10kWords = 256;  // 256 x 40 configuration, one 32-bit word per address

// The tile's accumulators: one per lane, so the largest legal `lanes` bounds
// the accumulator file the TLM allocates once per pass.
constexpr int kMaxLanes = 64;
// q, k and v are stacked into one 48-row tile job (three matrices).
constexpr int kQkvMatrices = 3;

// A matvec projection as the tile sees it: one or more matrices stacked by
// rows (q, k and v form one 48-row job), split into column chunks of 16.
struct Projection {
    std::vector<Matrix> stacked;  // matrices whose rows are stacked
    int rows_per_matrix;          // real rows of each stacked matrix
    int col_chunks;               // 16-column chunks of the input (fc2: 4)
};
Projection projection_of(int stage_index);  // qkv, wo, fc1, fc2, lm_head (arch::Stage values)

}  // namespace mgpt::arch
