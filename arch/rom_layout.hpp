// The read-order weight layout of docs/MICROARCH.md ("M10K mapping"), shared by
// the TLM's address arithmetic and the RTL's ROM files: every matrix is stored
// in the order its consumer streams it, two Q4.12 weights per 32-bit word
// (low half first), and word w lives in bank w mod B at address w div B.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "design_point.hpp"
#include "model/weights.hpp"

namespace mgpt::arch {

struct MatrixLayout {
    Matrix matrix;
    int words_per_step;  // words one streamed step reads
    int steps;           // steps per local pass (tile) or per row (embedding)
    int passes;          // local passes (tile) or rows (embedding)
    std::vector<uint32_t> words;  // in read order
    int banks;           // 1 for logic ROMs
    int bank_depth() const { return static_cast<int>((words.size() + banks - 1) / banks); }
};

// Tile matrices (wq wk wv wo fc1 fc2 lm_head) and the embedding tables (wte wpe).
MatrixLayout layout_of(const DesignPoint& d, const QWeights& w, Matrix m);

// The file names the RTL reads: <dir>/<matrix>.hex for logic ROMs (one word
// per line, in read order), <dir>/<matrix>_steps.hex for logic ROMs with
// rom_layout = step (one step per line: its words side by side, the last word
// first, so word i is bits 32i..32i+31 of the line), <dir>/<matrix>_bNN.hex
// per bank for M10K (NN = two decimal digits).
enum class RomFile { words, steps, bank };
RomFile rom_file_kind(const DesignPoint& d);
std::string rom_file_name(Matrix m, int bank, RomFile kind);
// Writes every matrix's ROM files for design `d` into `dir` (created if missing).
void write_rom_files(const DesignPoint& d, const QWeights& w, const std::string& dir);

}  // namespace mgpt::arch
