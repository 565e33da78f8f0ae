// The shape of every weight stream of a design point, from the read-order
// layout of docs/MICROARCH.md ("M10K mapping") without the weight values:
// words per streamed step, words of the matrix, beats per step, and the M10K
// blocks its banks need. tests/explorer checks it against arch::layout_of.
#pragma once
#include <array>

#include "arch/design_point.hpp"
#include "model/topology.hpp"

namespace mgpt::explorer {

struct StreamShape {
    Matrix matrix;
    int weights_per_step;  // weights one streamed step reads
    int words_per_step;    // 32-bit words (two Q4.12 weights each)
    int words;             // words of the whole matrix in read order (padding included)
    int beats;             // issue cycles per step (1 for logic ROMs)
    int m10k_blocks;       // M10K blocks of its banks (0 for logic ROMs)
};

StreamShape stream_shape(const arch::DesignPoint& d, Matrix m);
std::array<StreamShape, kMatrixCount> stream_shapes(const arch::DesignPoint& d);

// M10K blocks of one bank of `depth` 32-bit words: 256 x 40 mode (one port),
// or, for a true dual-port ROM (two ports, at most 20 bits wide), two blocks
// side by side at 512 words each.
int m10k_blocks_per_bank(int depth, int ports);

}  // namespace mgpt::explorer
