// ROM-set and float-weight I/O: round trips and every kind of bad file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <filesystem>
#include <unistd.h>

#include "model/weights.hpp"
#include "test_helpers.hpp"

using namespace mgpt;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("mgpt_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

fs::path copy_reference(const std::string& name) {
    const fs::path ref = test::reference_rom_dir();
    const fs::path d = scratch_dir(name);
    for (const auto& m : kMatrices) fs::copy_file(ref / m.rom_file, d / m.rom_file);
    return d;
}

void rewrite_line(const fs::path& file, int line_no, const std::string& text, bool drop = false) {
    std::ifstream in(file);
    std::string all, line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (n == line_no) {
            if (drop) continue;
            line = text;
        }
        all += line + "\n";
    }
    std::ofstream(file, std::ios::trunc) << all;
}

std::string load_error(const fs::path& dir) {
    try {
        load_rom_dir(dir.string());
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("ROM set round trip is byte-identical", "[weights]") {
    const QWeights w = load_rom_dir(test::reference_rom_dir());
    CHECK(w[Matrix::wte].at(0, 0) == 0x0216);
    CHECK(w[Matrix::wpe].at(0, 2) == static_cast<int16_t>(0xf464));
    const fs::path d = scratch_dir("roundtrip");
    save_rom_dir(w, d.string());
    for (const auto& m : kMatrices) {
        std::ifstream a(fs::path(test::reference_rom_dir()) / m.rom_file), b(d / m.rom_file);
        const std::string sa((std::istreambuf_iterator<char>(a)), {}), sb((std::istreambuf_iterator<char>(b)), {});
        CHECK(sa == sb);
    }
    fs::remove_all(d);
}

TEST_CASE("bad ROM files are errors naming the file and line", "[weights]") {
    SECTION("missing file") {
        const fs::path d = copy_reference("missing");
        fs::remove(d / "wpe_q12.hex");
        CHECK_THAT(load_error(d), Catch::Contains("wpe_q12.hex") && Catch::Contains("cannot open"));
    }
    SECTION("truncated file") {
        const fs::path d = copy_reference("truncated");
        rewrite_line(d / "lm_head_q12.hex", 432, "", true);
        CHECK_THAT(load_error(d), Catch::Contains("lm_head_q12.hex:431") && Catch::Contains("expected 432"));
    }
    SECTION("non-hex line") {
        const fs::path d = copy_reference("nonhex");
        rewrite_line(d / "layer0_mlp_fc1_q12.hex", 17, "12g4");
        CHECK_THAT(load_error(d), Catch::Contains("layer0_mlp_fc1_q12.hex:17") && Catch::Contains("not a hex"));
    }
    SECTION("out-of-range value") {
        const fs::path d = copy_reference("range");
        rewrite_line(d / "wte_q12.hex", 3, "1ffff");
        CHECK_THAT(load_error(d), Catch::Contains("wte_q12.hex:3") && Catch::Contains("out of range"));
    }
    SECTION("too many lines") {
        const fs::path d = copy_reference("long");
        std::ofstream(d / "wpe_q12.hex", std::ios::app) << "0001\n";
        CHECK_THAT(load_error(d), Catch::Contains("wpe_q12.hex:257") && Catch::Contains("too many"));
    }
}

TEST_CASE("quantizer rounds half to even and saturates", "[weights]") {
    CHECK(quantize_q12(0.5f / 4096) == 0);
    CHECK(quantize_q12(1.5f / 4096) == 2);
    CHECK(quantize_q12(2.5f / 4096) == 2);
    CHECK(quantize_q12(-2.5f / 4096) == -2);
    CHECK(quantize_q12(1.0f) == 4096);
    CHECK(quantize_q12(7.9998f) == 32767);
    CHECK(quantize_q12(8.0f) == 32767);
    CHECK(quantize_q12(-8.0f) == -32768);
    CHECK(quantize_q12(-100.0f) == -32768);
}

TEST_CASE("float weights round trip and reject a wrong size", "[weights]") {
    FWeights f;
    float x = -1.0f;
    for (auto& m : f.m)
        for (float& v : m.v) v = (x += 0.00047f);
    const fs::path d = scratch_dir("float");
    save_float_file(f, (d / kFloatFile).string());
    CHECK(fs::file_size(d / kFloatFile) == 4192u * 4);
    const FWeights g = load_float_file((d / kFloatFile).string());
    for (int i = 0; i < kMatrixCount; ++i) CHECK(g.m[i].v == f.m[i].v);
    fs::resize_file(d / kFloatFile, 100);
    CHECK_THROWS_WITH(load_float_file((d / kFloatFile).string()), Catch::Contains("expected 16768"));
    fs::remove_all(d);
}
