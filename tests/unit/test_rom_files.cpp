// The ROM files the RTL reads (arch::write_rom_files): with rom_layout = step,
// one line per streamed step, its words side by side, word i in bits
// 32i..32i+31. The expected weights are spelled out here from the read order
// of docs/MICROARCH.md ("M10K mapping": lane-major steps of C columns, zero
// past the last row), not taken from arch::layout_of.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/rom_layout.hpp"
#include "model/weights.hpp"
#include "test_helpers.hpp"

using namespace mgpt;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const fs::path& file) {
    std::ifstream in(file);
    REQUIRE(in);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The 16-bit weight at element e of the step on `line` (two per word, low half first).
int16_t weight_on_line(const std::string& line, int e) {
    const size_t words = line.size() / 8;
    const size_t word = static_cast<size_t>(e / 2);
    const uint32_t v = static_cast<uint32_t>(std::stoul(line.substr((words - 1 - word) * 8, 8), nullptr, 16));
    return static_cast<int16_t>(e % 2 ? v >> 16 : v & 0xFFFF);
}

fs::path scratch(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("mgpt_rom_files_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(p);
    return p;
}

}  // namespace

TEST_CASE("rom_layout = step writes one line per step, words side by side, in the documented read order",
          "[rom_files]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    // 32 lanes: lm_head's 27 rows in one pass (27 x C weights a step, a half-empty last word);
    // 8 lanes: several row passes. Two columns, two vector lanes.
    for (int lanes : {8, 32}) {
        arch::DesignPoint d;
        d.lanes = lanes;
        d.cols_per_cycle = 2;
        d.vector_lanes = 2;
        d.rom_layout = arch::RomLayout::step;
        INFO("lanes " << lanes);
        const fs::path dir = scratch("step" + std::to_string(lanes));
        arch::write_rom_files(d, w, dir.string());
        const int C = d.cols_per_cycle, steps = 16 / C;
        for (const auto& m : kMatrices) {
            INFO(m.name);
            CHECK(!fs::exists(dir / (std::string(m.name) + ".hex")));
            const auto lines = lines_of(dir / (std::string(m.name) + "_steps.hex"));
            const MatrixData<int16_t>& W = w[m.id];
            if (m.id == Matrix::wte || m.id == Matrix::wpe) {
                // per row, per group of V elements: the V weights
                const int V = d.vector_lanes;
                REQUIRE(lines.size() == static_cast<size_t>(W.rows * (16 / V)));
                for (int row = 0; row < W.rows; ++row)
                    for (int g = 0; g < 16 / V; ++g)
                        for (int e = 0; e < V; ++e)
                            CHECK(weight_on_line(lines[static_cast<size_t>(row * (16 / V) + g)], e) == W.at(row, g * V + e));
                continue;
            }
            const int rpp = std::min(lanes, W.rows), tiles = (W.rows + rpp - 1) / rpp, chunks = W.cols / 16;
            REQUIRE(lines.size() == static_cast<size_t>(tiles * chunks * steps));
            CHECK(lines.front().size() == static_cast<size_t>(8 * ((rpp * C + 1) / 2)));
            size_t n = 0;
            for (int t = 0; t < tiles; ++t)
                for (int chunk = 0; chunk < chunks; ++chunk)
                    for (int s = 0; s < steps; ++s, ++n)
                        for (int l = 0; l < rpp; ++l)
                            for (int c = 0; c < C; ++c) {
                                const int row = t * rpp + l, col = chunk * 16 + s * C + c;
                                const int16_t want = row < W.rows ? W.at(row, col) : int16_t{0};
                                CHECK(weight_on_line(lines[n], l * C + c) == want);
                            }
        }
        fs::remove_all(dir);
    }
}

TEST_CASE("rom_layout changes only logic ROM files: matrix layout one word a line, M10K banks either way",
          "[rom_files]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    arch::DesignPoint d;  // the baseline: logic ROMs, rom_layout = matrix
    const fs::path words = scratch("matrix");
    arch::write_rom_files(d, w, words.string());
    CHECK(fs::exists(words / "attn_wq.hex"));
    CHECK(!fs::exists(words / "attn_wq_steps.hex"));
    CHECK(lines_of(words / "attn_wq.hex").front().size() == 8);
    // the same point with M10K weights: the same bank files for both layouts
    d.weight_memory = arch::WeightMemory::m10k;
    d.weight_banks = 4;
    d.bram_ports = 1;
    const fs::path a = scratch("m10k_matrix"), b = scratch("m10k_step");
    arch::write_rom_files(d, w, a.string());
    d.rom_layout = arch::RomLayout::step;
    arch::write_rom_files(d, w, b.string());
    for (const auto& m : kMatrices)
        for (int bank = 0; bank < 4; ++bank) {
            const std::string f = arch::rom_file_name(m.id, bank, arch::RomFile::bank);
            CHECK(lines_of(a / f) == lines_of(b / f));
        }
    CHECK(!fs::exists(b / "attn_wq_steps.hex"));
    for (const auto& p : {words, a, b}) fs::remove_all(p);
}
