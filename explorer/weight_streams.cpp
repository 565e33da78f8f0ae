#include "weight_streams.hpp"

#include <algorithm>

#include "arch/cycle_model.hpp"
#include "arch/microarch.hpp"

namespace mgpt::explorer {

int m10k_blocks_per_bank(int depth, int ports) {
    if (ports >= 2) return 2 * arch::ceil_div(depth, 2 * arch::kM10kWords);
    return arch::ceil_div(depth, arch::kM10kWords);
}

StreamShape stream_shape(const arch::DesignPoint& d, Matrix m) {
    const MatrixShape& s = shape_of(m);
    StreamShape out{m, 0, 0, 0, 1, 0};
    if (m == Matrix::wte || m == Matrix::wpe) {
        const int V = d.vector_lanes;
        out.weights_per_step = V;
        out.words_per_step = arch::ceil_div(V, arch::kWeightsPerWord);
        out.words = s.rows * (kEmbd / V) * out.words_per_step;
    } else {
        const int C = d.cols_per_cycle;
        const int rpp = std::min(d.lanes, s.rows);  // rows of this matrix per pass
        const int tiles = arch::ceil_div(s.rows, rpp), chunks = s.cols / kEmbd;
        out.weights_per_step = rpp * C;
        out.words_per_step = arch::ceil_div(rpp * C, arch::kWeightsPerWord);
        out.words = tiles * chunks * (kEmbd / C) * out.words_per_step;
    }
    out.beats = arch::weight_beats(d, out.weights_per_step);
    if (d.weight_memory == arch::WeightMemory::m10k) {
        const int depth = arch::ceil_div(out.words, d.weight_banks);
        out.m10k_blocks = d.weight_banks * m10k_blocks_per_bank(depth, d.bram_ports);
    }
    return out;
}

std::array<StreamShape, kMatrixCount> stream_shapes(const arch::DesignPoint& d) {
    std::array<StreamShape, kMatrixCount> out{};
    for (int i = 0; i < kMatrixCount; ++i) out[i] = stream_shape(d, kMatrices[i].id);
    return out;
}

}  // namespace mgpt::explorer
