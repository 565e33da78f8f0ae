#include "matvec_tile.hpp"

#include <algorithm>

#include "arch/microarch.hpp"
#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

using arch::Stage;

MatvecTile::MatvecTile(sc_core::sc_module_name name, const arch::DesignPoint& design)
    : StageTarget(name, design), weights("weights") {}

// One pass's weights of matrix m: column steps of rows_per_pass x cols_per_cycle
// weights, stored in read order (local pass, step, lane), two per word.
MatvecTile::Burst MatvecTile::read_pass(Matrix m, int local_pass, int rows_per_pass) {
    const int steps = arch::ceil_div(kEmbd, design_.cols_per_cycle);
    const int words = arch::ceil_div(rows_per_pass * design_.cols_per_cycle, arch::kWeightsPerWord);
    const auto [cycles, stalls] = reader_.read(*weights[0], m, local_pass, words, steps, name());
    return {cycles, stalls};
}

uint32_t MatvecTile::run(Stage stage, StepContext& ctx) {
    const arch::Projection p = arch::projection_of(static_cast<int>(stage));
    const int L = design_.lanes;
    if (L > arch::kMaxLanes) SC_REPORT_FATAL(name(), "more lanes than the tile model has accumulators");
    const int total_rows = static_cast<int>(p.stacked.size()) * p.rows_per_matrix;
    const int rows_per_pass = std::min(L, p.rows_per_matrix);  // rows of one matrix in a pass
    const int16_t* in = nullptr;
    int16_t* out = nullptr;
    bool relu = false;
    switch (stage) {
        case Stage::qkv: in = ctx.normed.data(); break;  // outputs: q, k, v by stacked row
        case Stage::wo: in = ctx.attn.data(); out = ctx.y.data(); break;
        case Stage::fc1: in = ctx.normed.data(); out = ctx.hidden.data(); relu = true; break;
        case Stage::fc2: in = ctx.hidden.data(); out = ctx.y.data(); break;
        case Stage::lm_head: in = ctx.x.data(); out = ctx.result.logits.data(); break;
        default: SC_REPORT_FATAL(name(), "stage is not a projection"); return 0;
    }
    int16_t* qkv_out[arch::kQkvMatrices] = {ctx.q.data(), ctx.k.data(), ctx.v.data()};
    const int si = static_cast<int>(stage);
    uint32_t cycles = 0, stalls = 0, fill = 0;
    // Each register stage of the pipelined tile delays a pass's last accumulate
    // by one cycle: the pass is filled and drained once (docs/MICROARCH.md "Pipeline").
    const auto fill_per_pass = static_cast<uint32_t>(design_.pipeline);
    int64_t acc[arch::kMaxLanes];
    // Row tiles first, column chunks inside: only `lanes` accumulators live at a time.
    for (int row0 = 0; row0 < total_rows; row0 += L) {
        std::fill(acc, acc + L, 0);
        for (int chunk = 0; chunk < p.col_chunks; ++chunk) {
            Burst slowest{0, 0};
            for (int r = row0; r < std::min(row0 + L, total_rows);) {  // each stacked matrix in this pass
                const int mi = r / p.rows_per_matrix, mr = r % p.rows_per_matrix;
                const int n = std::min({row0 + L, total_rows, (mi + 1) * p.rows_per_matrix}) - r;
                const Matrix m = p.stacked[static_cast<size_t>(mi)];
                const int local_pass = (mr / rows_per_pass) * p.col_chunks + chunk;
                const Burst b = read_pass(m, local_pass, rows_per_pass);
                if (b.cycles > slowest.cycles) slowest = b;
                golden::mac_pass((*ctx.weights)[m], in, mr, n, chunk * kEmbd, kEmbd, acc + (r - row0));
                ctx.macs[si] += static_cast<uint64_t>(n) * kEmbd;
                ctx.weight_words[si] += static_cast<uint32_t>(arch::ceil_div(
                    rows_per_pass * design_.cols_per_cycle, arch::kWeightsPerWord) * arch::ceil_div(kEmbd, design_.cols_per_cycle));
                r += n;
            }
            cycles += slowest.cycles + arch::kHandshakeCycles + fill_per_pass;
            stalls += slowest.stalls;
            fill += fill_per_pass;
        }
        for (int r = row0; r < std::min(row0 + L, total_rows); ++r) {
            const int16_t y = golden::linear_out(acc[r - row0]);
            int16_t* dst = stage == Stage::qkv ? qkv_out[r / kEmbd] + r % kEmbd : out + r;
            *dst = relu && y < 0 ? 0 : y;
        }
    }
    ctx.add(stage, 0, stalls, fill);
    return cycles;
}

}  // namespace mgpt::tlm_model
