// The MicroGPT topology shared by every model in the project (docs/NUMERICS.md).
#pragma once
#include <cstddef>

namespace mgpt {

constexpr int kVocab = 27;     // tokens 0..25 = 'a'..'z', 26 = BOS
constexpr int kBos = 26;
constexpr int kContext = 16;   // block size = positions 0..15
constexpr int kEmbd = 16;
constexpr int kHeads = 4;
constexpr int kHeadDim = 4;
constexpr int kMlp = 64;

// The weight matrices in the order of the flat float dump and the ROM set.
enum class Matrix { wte, wpe, lm_head, wq, wk, wv, wo, fc1, fc2 };
constexpr int kMatrixCount = 9;

struct MatrixShape {
    Matrix id;
    const char* name;      // short name used in messages and docs
    const char* rom_file;  // $readmemh file name of the reference ROM set
    int rows;
    int cols;
};

constexpr MatrixShape kMatrices[kMatrixCount] = {
    {Matrix::wte, "wte", "wte_q12.hex", kVocab, kEmbd},
    {Matrix::wpe, "wpe", "wpe_q12.hex", kContext, kEmbd},
    {Matrix::lm_head, "lm_head", "lm_head_q12.hex", kVocab, kEmbd},
    {Matrix::wq, "attn_wq", "layer0_attn_wq_q12.hex", kEmbd, kEmbd},
    {Matrix::wk, "attn_wk", "layer0_attn_wk_q12.hex", kEmbd, kEmbd},
    {Matrix::wv, "attn_wv", "layer0_attn_wv_q12.hex", kEmbd, kEmbd},
    {Matrix::wo, "attn_wo", "layer0_attn_wo_q12.hex", kEmbd, kEmbd},
    {Matrix::fc1, "mlp_fc1", "layer0_mlp_fc1_q12.hex", kMlp, kEmbd},
    {Matrix::fc2, "mlp_fc2", "layer0_mlp_fc2_q12.hex", kEmbd, kMlp},
};

constexpr const MatrixShape& shape_of(Matrix m) { return kMatrices[static_cast<int>(m)]; }

constexpr int total_parameters() {
    int n = 0;
    for (const auto& m : kMatrices) n += m.rows * m.cols;
    return n;
}
static_assert(total_parameters() == 4192, "MicroGPT has 4,192 parameters");

}  // namespace mgpt
