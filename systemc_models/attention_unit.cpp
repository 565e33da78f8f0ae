#include "attention_unit.hpp"

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

AttentionUnit::AttentionUnit(sc_core::sc_module_name name, const arch::DesignPoint& design)
    : StageTarget(name, design), kv("kv") {}

// One batch of parallel divisions: the quotient bits at `div_radix_bits` per cycle, plus the handshake.
uint32_t AttentionUnit::divide_batch() const {
    uint32_t iterations = 0;
    for (int bit = 0; bit < arch::kAttnQuotientBits; bit += design_.div_radix_bits) ++iterations;
    return iterations + arch::kHandshakeCycles;
}

uint32_t AttentionUnit::run(arch::Stage stage, StepContext& ctx) {
    using namespace arch;
    // k and v go into the slot's KV banks through the ports of the K and V streams (docs/SCHEDULING.md "Units").
    if (stage == Stage::kv_write) return kv_port_.write(*kv[0], ctx.slot, ctx.req.pos, ctx.k, ctx.v, name());
    const int positions = ctx.req.pos + 1;
    const auto p = static_cast<uint32_t>(positions);
    uint32_t cycles = 0;
    int pending = 0;  // numerators waiting for a divider
    for (int h = 0; h < kHeads; ++h) {
        golden::attention_head(*ctx.kv, ctx.q, h, ctx.req.pos, ctx.req.numerics, ctx.attn);
        cycles += kv_port_.read(*kv[0], ctx.slot, KvOp::read_k, h, positions, name());
        cycles += kAttnScoreCyclesPerPosition * p;  // q.k, commit score; exp weight and sum
        cycles += kv_port_.read(*kv[0], ctx.slot, KvOp::read_v, h, positions, name());
        cycles += kAttnAccumulateCyclesPerPosition * p;  // fetch weight, 4-channel accumulate
        cycles += kAttnLatchCycles;
        ctx.kv_reads[static_cast<int>(stage)] += kKvStreamsPerHead * p;
        ctx.macs[static_cast<int>(stage)] += uint64_t{kKvStreamsPerHead} * kHeadDim * p;
        pending += kHeadDim;
        for (; pending >= design_.attn_dividers; pending -= design_.attn_dividers) cycles += divide_batch();
    }
    if (pending > 0) cycles += divide_batch();
    return cycles;
}

}  // namespace mgpt::tlm_model
