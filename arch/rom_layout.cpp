#include "rom_layout.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "microarch.hpp"

namespace mgpt::arch {

namespace {

bool is_embedding(Matrix m) { return m == Matrix::wte || m == Matrix::wpe; }

uint32_t pack(int16_t lo, int16_t hi) {
    return static_cast<uint32_t>(static_cast<uint16_t>(lo)) | (static_cast<uint32_t>(static_cast<uint16_t>(hi)) << 16);
}

}  // namespace

MatrixLayout layout_of(const DesignPoint& d, const QWeights& w, Matrix m) {
    const MatrixData<int16_t>& W = w[m];
    MatrixLayout out{m, 0, 0, 0, {}, d.weight_memory == WeightMemory::m10k ? d.weight_banks : 1};
    // element e of a step -> weight (0 past the matrix's rows)
    auto emit_step = [&](int elements, auto weight_of) {
        for (int e = 0; e < elements; e += kWeightsPerWord)
            out.words.push_back(pack(weight_of(e), e + 1 < elements ? weight_of(e + 1) : int16_t{0}));
    };
    if (is_embedding(m)) {
        const int V = d.vector_lanes;
        out.words_per_step = ceil_div(V, kWeightsPerWord);
        out.steps = kEmbd / V;
        out.passes = W.rows;
        for (int row = 0; row < W.rows; ++row)
            for (int g = 0; g < out.steps; ++g) emit_step(V, [&](int e) { return W.at(row, g * V + e); });
        return out;
    }
    const int C = d.cols_per_cycle;
    const int rpp = std::min(d.lanes, W.rows);  // rows of this matrix per pass
    const int tiles = ceil_div(W.rows, rpp), chunks = W.cols / kEmbd;
    out.words_per_step = ceil_div(rpp * C, kWeightsPerWord);
    out.steps = kEmbd / C;
    out.passes = tiles * chunks;
    for (int t = 0; t < tiles; ++t)
        for (int chunk = 0; chunk < chunks; ++chunk)
            for (int s = 0; s < out.steps; ++s)
                emit_step(rpp * C, [&](int e) {
                    const int row = t * rpp + e / C, col = chunk * kEmbd + s * C + e % C;
                    return row < W.rows ? W.at(row, col) : int16_t{0};
                });
    return out;
}

RomFile rom_file_kind(const DesignPoint& d) {
    if (d.weight_memory == WeightMemory::m10k) return RomFile::bank;
    return d.rom_layout == RomLayout::step ? RomFile::steps : RomFile::words;
}

std::string rom_file_name(Matrix m, int bank, RomFile kind) {
    char buf[64];
    switch (kind) {
        case RomFile::bank: std::snprintf(buf, sizeof buf, "%s_b%02d.hex", shape_of(m).name, bank); break;
        case RomFile::steps: std::snprintf(buf, sizeof buf, "%s_steps.hex", shape_of(m).name); break;
        case RomFile::words: std::snprintf(buf, sizeof buf, "%s.hex", shape_of(m).name); break;
    }
    return buf;
}

void write_rom_files(const DesignPoint& d, const QWeights& w, const std::string& dir) {
    std::filesystem::create_directories(dir);
    const RomFile kind = rom_file_kind(d);
    for (const auto& shape : kMatrices) {
        const MatrixLayout l = layout_of(d, w, shape.id);
        if (kind == RomFile::steps) {
            // step s on line s: words (s+1) WPS - 1 down to s WPS
            std::string text;
            char word[16];
            const size_t wps = static_cast<size_t>(l.words_per_step);
            for (size_t s = 0; s * wps < l.words.size(); ++s) {
                for (size_t i = wps; i-- > 0;) {
                    std::snprintf(word, sizeof word, "%08x", l.words[s * wps + i]);
                    text += word;
                }
                text += '\n';
            }
            write_file_atomically(dir + "/" + rom_file_name(shape.id, 0, kind), text);
            continue;
        }
        for (int b = 0; b < l.banks; ++b) {
            std::string text;
            char line[16];
            // bank b holds words b, b + B, b + 2B, ... (padded to the bank depth)
            for (int a = 0; a < l.bank_depth(); ++a) {
                const size_t wi = static_cast<size_t>(a) * l.banks + b;
                std::snprintf(line, sizeof line, "%08x\n", wi < l.words.size() ? l.words[wi] : 0u);
                text += line;
            }
            write_file_atomically(dir + "/" + rom_file_name(shape.id, b, kind), text);
        }
    }
}

}  // namespace mgpt::arch
