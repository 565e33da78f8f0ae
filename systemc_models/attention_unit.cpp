#include "attention_unit.hpp"

#include <cmath>

#include "arch/microarch.hpp"
#include "kv_memory.hpp"

namespace mgpt::tlm_model {

AttentionUnit::AttentionUnit(sc_core::sc_module_name name, const arch::DesignPoint& design,
                             const ClockDomain& clock)
    : StageTarget(name, design, clock), kv("kv") {}

uint32_t AttentionUnit::read_rows(uint64_t op, int head, int rows) {
    trans_.set_command(tlm::TLM_READ_COMMAND);
    trans_.set_address(op | static_cast<uint64_t>(head) << 8 | static_cast<uint64_t>(rows));
    trans_.set_data_length(0);
    trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time latency = sc_core::SC_ZERO_TIME;
    kv->b_transport(trans_, latency);
    if (trans_.is_response_error()) SC_REPORT_ERROR(name(), "KV memory rejected a read");
    return static_cast<uint32_t>(std::lround(latency / clock_.period));
}

// One batch of parallel divisions: the quotient bits at `div_radix_bits` per cycle, plus the handshake.
uint32_t AttentionUnit::divide_batch() const {
    uint32_t iterations = 0;
    for (int bit = 0; bit < arch::kAttnQuotientBits; bit += design_.div_radix_bits) ++iterations;
    return iterations + arch::kHandshakeCycles;
}

uint32_t AttentionUnit::run(arch::Stage stage, StepContext& ctx, sc_core::sc_time&) {
    const int positions = ctx.req.pos + 1;
    uint32_t cycles = 0;
    int pending = 0;  // numerators waiting for a divider
    for (int h = 0; h < kHeads; ++h) {
        golden::attention_head(*ctx.kv, ctx.q, h, ctx.req.pos, ctx.req.numerics, ctx.attn);
        cycles += read_rows(kKvReadK, h, positions);
        cycles += 3 * static_cast<uint32_t>(positions);  // q.k, commit score; exp weight and sum
        cycles += read_rows(kKvReadV, h, positions);
        cycles += 2 * static_cast<uint32_t>(positions);  // fetch weight, 4-channel accumulate
        cycles += arch::kAttnLatchCycles;
        ctx.kv_reads[static_cast<int>(stage)] += 2 * static_cast<uint32_t>(positions);
        ctx.macs[static_cast<int>(stage)] += 2u * kHeadDim * static_cast<uint64_t>(positions);
        pending += kHeadDim;
        for (; pending >= design_.attn_dividers; pending -= design_.attn_dividers) cycles += divide_batch();
    }
    if (pending > 0) cycles += divide_batch();
    return cycles;
}

}  // namespace mgpt::tlm_model
