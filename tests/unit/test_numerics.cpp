// The Q4.12 primitives of docs/NUMERICS.md, checked against hand-computed values and
// brute force, never against themselves.
#include <catch2/catch.hpp>

#include <random>

#include "model/golden_stages.hpp"
#include "model/numerics.hpp"

using namespace mgpt;

TEST_CASE("sat16 and mulq at the edges", "[numerics]") {
    CHECK(sat16(-32768) == -32768);
    CHECK(sat16(-32769) == -32768);
    CHECK(sat16(32767) == 32767);
    CHECK(sat16(32768) == 32767);
    CHECK(sat16(int64_t{1} << 40) == 32767);
    CHECK(mulq(-32768, -32768) == 32767);  // 2^30 >> 12 = 2^18 saturates
    CHECK(mulq(-32768, 4096) == -32768);   // x * 1.0
    CHECK(mulq(-1, 1) == -1);              // arithmetic shift floors
    CHECK(mulq(1, 1) == 0);
    CHECK(mulq(8192, 8192) == 16384);      // 2.0 * 2.0
}

TEST_CASE("isqrt is floor(sqrt(n)) everywhere", "[numerics]") {
    for (uint64_t n = 0; n < 100000; ++n) {
        uint64_t r = 0;
        while ((r + 1) * (r + 1) <= n) ++r;
        REQUIRE(isqrt(n) == r);
    }
    CHECK(isqrt(~uint64_t{0}) == 4294967295u);
    for (uint64_t r : {uint64_t{65535}, uint64_t{1} << 20, uint64_t{3037000499}, uint64_t{4294967295}}) {
        CHECK(isqrt(r * r) == r);
        CHECK(isqrt(r * r - 1) == r - 1);
    }
}

TEST_CASE("rms_scale: zero vector, the root <= 512 branch and its boundary", "[numerics]") {
    const RmsScale zero = rms_scale(0);  // root = isqrt(4096) = 64
    CHECK(zero.root == 64);
    CHECK(zero.scale == 32767);
    CHECK(zero.early_exit);
    // root = 512 exactly when (sumsq >> 4) + 1 = 64, i.e. sumsq in 1008..1023
    CHECK(rms_scale(1008).root == 512);
    CHECK(rms_scale(1023).early_exit);
    // sumsq = 1024: isqrt(65 << 12 = 266240) = 515 (515^2 = 265225, 516^2 = 266256)
    const RmsScale s = rms_scale(1024);
    CHECK(s.root == 515);
    CHECK_FALSE(s.early_exit);
    CHECK(s.scale == 16777216 / 515);
    // a unit-RMS vector (every element 1.0 = 4096): sumsq = 16 * 4096
    CHECK(rms_scale(16 * 4096).scale == 4096);  // isqrt(4097 << 12) = 4096, 2^24 / 4096
}

TEST_CASE("xorshift32 sequence", "[numerics][rng]") {
    CHECK(xorshift32(1) == 270369u);  // 1 ^ 1<<13 = 8193; 8193 ^ 8193<<5 = 270369
    CHECK(xorshift32(0) == 0u);       // the degenerate seed stays 0
    uint32_t x = 2;
    // Independent reimplementation with 64-bit arithmetic masked to 32 bits.
    uint64_t y = 2;
    for (int i = 0; i < 1000; ++i) {
        x = xorshift32(x);
        y ^= (y << 13) & 0xffffffffu;
        y ^= y >> 17;
        y ^= (y << 5) & 0xffffffffu;
        REQUIRE(x == y);
    }
}

TEST_CASE("attention exp: thresholds, and the profiles agree below the 6-bit range", "[numerics]") {
    CHECK(attn_exp(0, Numerics::reference) == 4096);
    CHECK(attn_exp(-1, Numerics::saturating) == 4096);    // (1 + 511) >> 10 = 0
    CHECK(attn_exp(-513, Numerics::saturating) == 3189);  // (513 + 511) >> 10 = 1
    CHECK(attn_exp(-30 * 1024, Numerics::saturating) == 2);
    CHECK(attn_exp(-31 * 1024, Numerics::saturating) == 1);
    // idx = 64: the reference's 6-bit register wraps to 0 (weight 4096); saturating clamps to 63 (weight 1)
    CHECK(attn_exp(-64 * 1024, Numerics::reference) == 4096);
    CHECK(attn_exp(-64 * 1024, Numerics::saturating) == 1);
    for (int32_t d = 0; d >= -65535; --d) {
        const uint32_t idx = static_cast<uint32_t>(-d + 511) >> 10;
        if (idx < 64) REQUIRE(attn_exp(d, Numerics::reference) == attn_exp(d, Numerics::saturating));
    }
}

TEST_CASE("sampler weights: interpolation, bucket scaling and the profiles' agreement", "[numerics][sampler]") {
    using golden::sampler_weight;
    CHECK(sampler_weight(100, 100, 0x80, Numerics::saturating) == 4096);
    // T=1.0: d = -256 -> fine = (256 + 127) >> 8 = 1, c = 0, f = 1: 4096 - ((4096-3189)*1 >> 2) = 3870
    CHECK(sampler_weight(0, 256, 0x100, Numerics::saturating) == 3870);
    // T=0.5 doubles d: d = -128 -> -256, same weight
    CHECK(sampler_weight(0, 128, 0x80, Numerics::saturating) == 3870);
    // T=4.0 quarters d
    CHECK(sampler_weight(0, 1024, 0x400, Numerics::saturating) == 3870);
    // The profiles agree whenever fine < 252 (c + 1 <= 63, no wrap).
    for (int32_t d = 0; d >= -65535; d -= 7) {
        const uint32_t fine = static_cast<uint32_t>(-d + 127) >> 8;
        if (fine < 252)
            REQUIRE(sampler_weight(0, static_cast<int16_t>(-d / 2), 0x100, Numerics::reference) ==
                    sampler_weight(0, static_cast<int16_t>(-d / 2), 0x100, Numerics::saturating));
    }
    // fine = 253 (c = 63, f = 1): the reference wraps c+1 to 0 and computes in 32-bit
    // unsigned: w0 = 1, w1 = 4096, 1 - ((0xFFFFF001 * 1) >> 2) mod 2^32 = 0xC0000401.
    // T=1.0, gap 64641 between logit -32768 and top 31873: fine = (64641 + 127) >> 8 = 253
    CHECK(sampler_weight(-32768, 31873, 0x100, Numerics::reference) == 0xC0000401u);
    CHECK(sampler_weight(-32768, 31873, 0x100, Numerics::saturating) == 1u);  // exp_lut[63] = 1
}

TEST_CASE("sampler: the 32-bit weight sum wraps like the hardware's", "[numerics][sampler]") {
    golden::Logits logits{};
    logits.fill(-32768);  // every entry trails the top by 64641 -> 0xC0000401 each
    logits[5] = 31873;    // the top one
    const golden::ArgMax am = golden::argmax(logits);
    REQUIRE(am.index == 5);
    // Independent computation of the wrapped total: 26 * 0xC0000401 + 4096 mod 2^32.
    const uint32_t expected_total = static_cast<uint32_t>((26ull * 0xC0000401ull + 4096ull) & 0xffffffffull);
    for (uint32_t rng : {1u, 2u, 0xdeadbeefu, 0x80000000u}) {
        const golden::SampleResult r = golden::sample(logits, am, rng, 0x100, Numerics::reference);
        CHECK(r.total == expected_total);
        const uint32_t mixed = static_cast<uint32_t>((uint64_t{rng} * 0x149FBu) & 0xffffffffu);
        uint64_t cut = ((uint64_t{mixed >> 8} * expected_total) >> 24) & 0xffffffffu;
        if (cut >= expected_total) cut = expected_total - 1;
        CHECK(r.cut == cut);
        // first v whose running (32-bit) sum exceeds the cut
        uint32_t run = 0;
        int pick = am.index;
        for (int v = 0; v < kVocab; ++v) {
            run += v == 5 ? 4096u : 0xC0000401u;
            if (run > cut) {
                pick = v;
                break;
            }
        }
        CHECK(r.token == pick);
    }
}

TEST_CASE("argmax takes the lowest index of the strictly greatest logit", "[numerics]") {
    golden::Logits l{};
    l.fill(-32768);
    CHECK(golden::argmax(l).index == 0);
    l[3] = 7;
    l[9] = 7;
    CHECK(golden::argmax(l).index == 3);
    CHECK(golden::argmax(l).top == 7);
}
