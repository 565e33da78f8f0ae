#include "weights.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/input_file.hpp"
#include "common/printable.hpp"

namespace mgpt {

namespace {

std::runtime_error file_error(const std::string& path, int line, const std::string& what) {
    std::ostringstream os;
    os << path;
    if (line > 0) os << ":" << line;
    os << ": " << what;
    return std::runtime_error(os.str());
}

// Parses one $readmemh line: 1..4 hex digits of a 16-bit two's complement.
bool parse_hex16(std::string s, uint16_t& out) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return false;
    s = s.substr(b);
    if (s.empty() || s.size() > 4) return false;
    uint32_t v = 0;
    for (char ch : s) {
        int d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'f') d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F') d = ch - 'A' + 10;
        else return false;
        v = v * 16 + static_cast<uint32_t>(d);
    }
    out = static_cast<uint16_t>(v);
    return true;
}

std::ifstream open_rom_file(const std::string& path) {
    try {
        return open_input_file(path, "ROM file");
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (a ROM set needs all nine files of docs/NUMERICS.md)");
    }
}

}  // namespace

QWeights load_rom_dir(const std::string& dir) {
    QWeights w;
    for (int i = 0; i < kMatrixCount; ++i) {
        const std::string path = dir + "/" + kMatrices[i].rom_file;
        std::ifstream in = open_rom_file(path);
        auto& m = w.m[i];
        const size_t expected = m.v.size();
        std::string line;
        size_t n = 0;
        while (std::getline(in, line)) {
            if (n >= expected) {
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // trailing blank lines
                throw file_error(path, static_cast<int>(n + 1),
                                 "too many lines: expected " + std::to_string(expected) + " weights");
            }
            uint16_t u;
            if (!parse_hex16(line, u)) {
                const bool too_wide = line.find_first_not_of(" \t\r") != std::string::npos &&
                                      line.find_first_not_of("0123456789abcdefABCDEF \t\r") == std::string::npos;
                throw file_error(path, static_cast<int>(n + 1),
                                 too_wide ? "value '" + printable(line) + "' out of range (at most 4 hex digits, 16 bits)"
                                          : "not a hex weight: '" + printable(line) + "'");
            }
            m.v[n++] = static_cast<int16_t>(u);
        }
        if (n != expected)
            throw file_error(path, static_cast<int>(n), "truncated: " + std::to_string(n) + " lines, expected " +
                                                             std::to_string(expected) + " (" +
                                                             std::to_string(m.rows) + "x" + std::to_string(m.cols) + ")");
    }
    return w;
}

void save_rom_dir(const QWeights& w, const std::string& dir) {
    for (int i = 0; i < kMatrixCount; ++i) {
        std::string text;
        char buf[8];
        for (int16_t v : w.m[i].v) {
            std::snprintf(buf, sizeof buf, "%04x\n", static_cast<uint16_t>(v));
            text += buf;
        }
        write_file_atomically(dir + "/" + kMatrices[i].rom_file, text);
    }
}

FWeights load_float_file(const std::string& path) {
    std::ifstream in = open_input_file(path, "float weight file", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t expected = static_cast<size_t>(total_parameters()) * 4;
    if (bytes.size() != expected)
        throw file_error(path, 0, "size " + std::to_string(bytes.size()) + " bytes, expected " +
                                      std::to_string(expected) + " (4,192 little-endian float32)");
    FWeights w;
    size_t off = 0;
    for (auto& m : w.m)
        for (float& f : m.v) {
            uint32_t u = 0;
            for (int b = 0; b < 4; ++b) u |= uint32_t{static_cast<uint8_t>(bytes[off + b])} << (8 * b);
            std::memcpy(&f, &u, 4);
            if (!std::isfinite(f)) throw file_error(path, 0, "weight " + std::to_string(off / 4) + " is not finite");
            off += 4;
        }
    return w;
}

void save_float_file(const FWeights& w, const std::string& path) {
    std::string bytes;
    bytes.reserve(static_cast<size_t>(total_parameters()) * 4);
    for (const auto& m : w.m)
        for (float f : m.v) {
            uint32_t u;
            std::memcpy(&u, &f, 4);
            for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<char>((u >> (8 * b)) & 0xff));
        }
    write_file_atomically(path, bytes);
}

int16_t quantize_q12(float w) {
    const double scaled = std::nearbyint(static_cast<double>(w) * 4096.0);  // default mode: half to even
    return static_cast<int16_t>(scaled < -32768.0 ? -32768 : (scaled > 32767.0 ? 32767 : scaled));
}

QWeights quantize(const FWeights& w) {
    QWeights q;
    for (int i = 0; i < kMatrixCount; ++i)
        for (size_t j = 0; j < w.m[i].v.size(); ++j) q.m[i].v[j] = quantize_q12(w.m[i].v[j]);
    return q;
}

}  // namespace mgpt
