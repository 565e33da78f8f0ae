// The RMS engine and the attention divider (rtl/mgpt_rms_engine.sv,
// rtl/mgpt_divider.sv), Verilated at radix 1, 2 and 4, against the golden
// arithmetic of docs/NUMERICS.md (model/numerics.hpp: rms_scale; the attention
// quotient sat16(acc / den), truncated toward zero) and their iteration counts
// (docs/MICROARCH.md): edge values of every width, saturation and early-exit
// boundaries, and random inputs over the engines' whole input ranges.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "Vmgpt_engines_tb.h"
#include "arch/microarch.hpp"
#include "model/numerics.hpp"

namespace {

constexpr int kRadices[3] = {1, 2, 4};

struct Outcome {
    int rms_cycles[3], div_cycles[3];  // edges from the start edge to the one that raises done
    int16_t scale[3], quotient[3];
    bool early[3];
};

class Harness {
public:
    Harness() : tb_(std::make_unique<Vmgpt_engines_tb>()) {
        tb_->rst = 1;
        tick();
        tb_->rst = 0;
    }
    // One start pulse with these operands; clocks until every engine has raised done.
    Outcome run(uint64_t sumsq, int64_t numerator, uint32_t denominator) {
        tb_->sumsq = sumsq;
        tb_->numerator = static_cast<uint64_t>(numerator);
        tb_->denominator = denominator;
        tb_->start = 1;
        tick();
        tb_->start = 0;
        Outcome o{};
        unsigned rms_seen = 0, div_seen = 0;
        for (int edge = 1; (rms_seen != 7 || div_seen != 7) && edge < 200; ++edge) {
            tick();
            for (int i = 0; i < 3; ++i) {
                if (!(rms_seen >> i & 1) && (tb_->rms_done >> i & 1)) {
                    rms_seen |= 1u << i;
                    o.rms_cycles[i] = edge;
                    o.scale[i] = static_cast<int16_t>(tb_->rms_scale >> (16 * i));
                    o.early[i] = tb_->rms_early >> i & 1;
                }
                if (!(div_seen >> i & 1) && (tb_->div_done >> i & 1)) {
                    div_seen |= 1u << i;
                    o.div_cycles[i] = edge;
                    o.quotient[i] = static_cast<int16_t>(tb_->div_quotient >> (16 * i));
                }
            }
        }
        REQUIRE(rms_seen == 7);
        REQUIRE(div_seen == 7);
        return o;
    }

private:
    void tick() {
        tb_->clk = 0;
        tb_->eval();
        tb_->clk = 1;
        tb_->eval();
    }
    std::unique_ptr<Vmgpt_engines_tb> tb_;
};

int16_t attention_quotient(int64_t acc, uint32_t den) {
    return mgpt::sat16(acc / (den == 0 ? int64_t{1} : int64_t{den}));
}

void check_rms(Harness& h, uint64_t sumsq) {
    const auto want = mgpt::rms_scale(sumsq);
    const auto got = h.run(sumsq, 0, 1);
    for (int i = 0; i < 3; ++i) {
        const int r = kRadices[i];
        INFO("sumsq " << sumsq << ", radix " << r);
        CHECK(got.scale[i] == want.scale);
        CHECK(got.early[i] == want.early_exit);
        const int iterations = mgpt::arch::ceil_div(mgpt::arch::kSqrtResultBits, r) +
                               (want.early_exit ? 0 : mgpt::arch::ceil_div(mgpt::arch::kRmsQuotientBits, r));
        CHECK(got.rms_cycles[i] == iterations);
    }
}

void check_divider(Harness& h, int64_t acc, uint32_t den) {
    const int16_t want = attention_quotient(acc, den);
    const auto got = h.run(0, acc, den);
    for (int i = 0; i < 3; ++i) {
        const int r = kRadices[i];
        INFO("numerator " << acc << ", denominator " << den << ", radix " << r);
        CHECK(got.quotient[i] == want);
        CHECK(got.div_cycles[i] == mgpt::arch::ceil_div(mgpt::arch::kAttnQuotientBits, r));
    }
}

}  // namespace

TEST_CASE("RMS engine: early-exit boundary, widths and wrap-around of the radicand", "[rtl][engines]") {
    Harness h;
    // root <= 512 exactly when (sumsq >> 4) + 1 <= 64 (mod 2^52): 63 << 4 is the last early exit
    for (uint64_t s : {uint64_t{0}, uint64_t{1}, uint64_t{1007}, uint64_t{1008}, uint64_t{1023}, uint64_t{1024},
                       uint64_t{1039}, uint64_t{1040}, uint64_t{1} << 22, (uint64_t{1} << 22) - 1})
        check_rms(h, s);
    // every bit position, and the wrap of ((sumsq >> 4) + 1) << 12 past 64 bits
    for (int b = 0; b < 64; ++b) {
        check_rms(h, uint64_t{1} << b);
        check_rms(h, (uint64_t{1} << b) - 1);
        check_rms(h, ~uint64_t{0} << b);
    }
    check_rms(h, ((uint64_t{1} << 52) - 1) << 4);  // (sumsq >> 4) + 1 wraps to 0 mod 2^52
    check_rms(h, ~uint64_t{0});
}

TEST_CASE("RMS engine: random sums of squares, realistic and over the whole 64-bit range", "[rtl][engines]") {
    Harness h;
    std::mt19937_64 rng(20261130);
    for (int n = 0; n < 400; ++n) check_rms(h, rng() % ((uint64_t{16} << 18) + 1));  // 16 elements of (x*x) >> 12
    for (int n = 0; n < 400; ++n) check_rms(h, rng() >> (rng() % 64));
}

TEST_CASE("Attention divider: saturation boundaries, zero denominator, extreme numerators", "[rtl][engines]") {
    Harness h;
    const int64_t lim = int64_t{1} << 31;  // 16 positions x weight 4096 x |v| <= 32768
    for (int64_t acc : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{32767}, int64_t{32768}, int64_t{-32768},
                        int64_t{-32769}, int64_t{65535}, int64_t{-65536}, lim, -lim, lim - 1, -lim + 1})
        for (uint32_t den : {0u, 1u, 2u, 3u, 4096u, 65536u, 0x7fffffffu, 0xffffffffu}) check_divider(h, acc, den);
    // quotients on either side of +-32767 / -32768
    for (uint32_t den : {1u, 7u, 4096u, 40000u})
        for (int64_t q : {int64_t{32766}, int64_t{32767}, int64_t{32768}, int64_t{32769}})
            for (int64_t sign : {1, -1})
                for (int64_t extra : {int64_t{0}, int64_t{den} - 1})
                    if (q * den + extra < lim) check_divider(h, sign * (q * den + extra), den);
}

TEST_CASE("Attention divider: random numerators and denominators of the attention ranges", "[rtl][engines]") {
    Harness h;
    std::mt19937_64 rng(1130);
    const int64_t lim = int64_t{1} << 31;
    for (int n = 0; n < 600; ++n) {
        const int64_t acc = static_cast<int64_t>(rng() % (2 * lim + 1)) - lim;
        const uint32_t den = n % 2 ? static_cast<uint32_t>(rng() % 65537) : static_cast<uint32_t>(rng());
        check_divider(h, acc >> (rng() % 32), den);
    }
}
