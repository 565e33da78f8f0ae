// The Q4.12 primitives of docs/NUMERICS.md, bit for bit. Inline: they are the hot loop
// of the golden model, the TLM and the explorer.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>

namespace mgpt {

// The two numeric profiles (docs/NUMERICS.md "Two numeric profiles").
enum class Numerics { reference, saturating };
Numerics parse_numerics(const std::string& s);  // throws naming the legal values
const char* to_string(Numerics n);

inline int16_t sat16(int64_t v) {
    return static_cast<int16_t>(v < -32768 ? -32768 : (v > 32767 ? 32767 : v));
}
inline int16_t mulq(int16_t a, int16_t b) { return sat16((static_cast<int64_t>(a) * b) >> 12); }

// floor(sqrt(n)) for unsigned 64-bit n, exact for every n.
inline uint64_t isqrt(uint64_t n) {
    uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<long double>(n)));
    while (r > 0 && r > n / r) --r;                          // r*r > n
    while ((r + 1) <= n / (r + 1)) ++r;                      // (r+1)^2 <= n
    return r;
}

// RMS scale of a 16-element vector from its sum of (x*x)>>12 terms.
struct RmsScale {
    int16_t scale;
    uint64_t root;
    bool early_exit;  // root <= 512: the engine answers 32767 without dividing
};
inline RmsScale rms_scale(uint64_t sumsq) {
    const uint64_t root = isqrt(((sumsq >> 4) + 1) << 12);
    if (root <= 512) return {32767, root, true};
    return {static_cast<int16_t>((uint64_t{1} << 24) / root), root, false};
}

constexpr int kExpLutSize = 31;
constexpr int32_t kExpLut[kExpLutSize] = {4096, 3189, 2484, 1935, 1507, 1174, 914, 712, 555, 432, 337,
                                          262,  204,  159,  124,  97,   75,   59,  46,  36,  28,  22,
                                          17,   13,   10,   8,    6,    5,    4,   3,   2};
inline int32_t exp_lut(uint32_t i) { return i < kExpLutSize ? kExpLut[i] : 1; }

inline uint32_t xorshift32(uint32_t x) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

// Attention weight for d = score - max (d <= 0).
inline int32_t attn_exp(int32_t d, Numerics prof) {
    if (d >= 0) return 4096;
    uint32_t idx = static_cast<uint32_t>((-d) + 511) >> 10;
    idx = prof == Numerics::reference ? (idx & 63u) : (idx > 63u ? 63u : idx);
    return exp_lut(idx);
}

}  // namespace mgpt
