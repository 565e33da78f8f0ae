// Weight sets: Q4.12 ROM sets ($readmemh files) and float weights (flat dump).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/output_file.hpp"  // write_file_atomically, used by every writer of whole files
#include "topology.hpp"

namespace mgpt {

// One matrix, row-major [rows][cols].
template <typename T>
struct MatrixData {
    std::vector<T> v;
    int rows = 0;
    int cols = 0;
    T at(int r, int c) const { return v[static_cast<size_t>(r) * cols + c]; }
    T& at(int r, int c) { return v[static_cast<size_t>(r) * cols + c]; }
    const T* row(int r) const { return v.data() + static_cast<size_t>(r) * cols; }
};

// A complete weight set, one MatrixData per entry of kMatrices (same order).
template <typename T>
struct WeightSet {
    std::array<MatrixData<T>, kMatrixCount> m;
    WeightSet() {
        for (int i = 0; i < kMatrixCount; ++i) {
            m[i].rows = kMatrices[i].rows;
            m[i].cols = kMatrices[i].cols;
            m[i].v.assign(static_cast<size_t>(m[i].rows) * m[i].cols, T{});
        }
    }
    const MatrixData<T>& operator[](Matrix id) const { return m[static_cast<int>(id)]; }
    MatrixData<T>& operator[](Matrix id) { return m[static_cast<int>(id)]; }
};

using QWeights = WeightSet<int16_t>;  // Q4.12
using FWeights = WeightSet<float>;

// Reads the nine ROM files of docs/NUMERICS.md from `dir`. Throws std::runtime_error
// naming the file and line on a missing file, wrong line count, non-hex line or
// out-of-range value; nothing is returned half-loaded.
QWeights load_rom_dir(const std::string& dir);
// Writes the nine ROM files (4 lower-case hex digits per line) atomically.
void save_rom_dir(const QWeights& w, const std::string& dir);

// Float weights: file `weights_f32.bin`, 4,192 little-endian IEEE float32 in the
// kMatrices order, each matrix row-major. Throws naming the file on a bad size.
constexpr const char* kFloatFile = "weights_f32.bin";
FWeights load_float_file(const std::string& path);
void save_float_file(const FWeights& w, const std::string& path);

// Q4.12 quantizer: clamp(round_half_even(w * 4096), -32768, 32767).
int16_t quantize_q12(float w);
QWeights quantize(const FWeights& w);

}  // namespace mgpt
