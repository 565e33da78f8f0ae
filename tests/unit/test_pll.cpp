// The PLL model against DEVICE.md's example and an independent brute force.
#include <catch2/catch.hpp>

#include <cmath>

#include "arch/pll.hpp"

using mgpt::arch::PllLimits;
using mgpt::arch::PllSetting;
using mgpt::arch::solve_pll;

namespace {

void check_legal(const PllSetting& s) {
    const PllLimits lim;
    CHECK(s.m >= 1);
    CHECK(s.m <= 512);
    CHECK(s.n >= 1);
    CHECK(s.c >= 1);
    CHECK(s.c <= 512);
    CHECK(50.0 / s.n >= lim.pfd_min);
    CHECK(s.vco_mhz >= lim.vco_min);
    CHECK(s.vco_mhz <= lim.vco_max);
    CHECK(s.f_out_mhz == Approx(50.0 * s.m / (s.n * s.c)).epsilon(1e-12));
    CHECK(s.f_out_mhz <= lim.f_out_max);
}

// Every legal (M, N, C): PFD >= 5 MHz means N <= 10 for the 50 MHz input.
double brute_force_nearest(double req) {
    double best = 1e300;
    for (int n = 1; n <= 10; ++n)
        for (int m = 1; m <= 512; ++m) {
            const double vco = 50.0 * m / n;
            if (vco < 600 || vco > 1600) continue;
            for (int c = 1; c <= 512; ++c) {
                const double f = vco / c;
                if (f <= 550 && std::fabs(f - req) < std::fabs(best - req)) best = f;
            }
        }
    return best;
}

}  // namespace

TEST_CASE("56.25 MHz is reached exactly with DEVICE.md's counters", "[pll]") {
    const PllSetting s = solve_pll(56.25);
    CHECK(s.exact);
    CHECK(s.m == 45);
    CHECK(s.n == 2);
    CHECK(s.c == 20);
    CHECK(s.vco_mhz == Approx(1125));
    check_legal(s);
}

TEST_CASE("common frequencies are exact and legal", "[pll]") {
    for (double f : {25.0, 50.0, 62.5, 100.0, 125.0, 150.0, 200.0}) {
        INFO(f << " MHz");
        const PllSetting s = solve_pll(f);
        CHECK(s.exact);
        CHECK(s.f_out_mhz == Approx(f).epsilon(1e-12));
        check_legal(s);
    }
}

TEST_CASE("an unreachable request reports the nearest reachable frequency", "[pll]") {
    for (double f : {57.123457, 13.333333, 199.99, 3.1}) {
        INFO(f << " MHz");
        const PllSetting s = solve_pll(f);
        check_legal(s);
        const double best = brute_force_nearest(f);
        CHECK(std::fabs(s.f_out_mhz - f) == Approx(std::fabs(best - f)).margin(1e-9));
        CHECK(s.exact == (std::fabs(best - f) < 1e-9));
    }
}

TEST_CASE("out-of-range requests are errors naming pll_mhz and the legal range", "[pll]") {
    for (double f : {0.0, -5.0, 600.0, 1.0, std::nan("")})
        CHECK_THROWS_WITH(solve_pll(f), Catch::Contains("pll_mhz") && Catch::Contains("legal: 1.171875 .. 550 MHz"));
}
