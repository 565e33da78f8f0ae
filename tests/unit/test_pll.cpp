// The PLL model against docs/DEVICE.md's example and an exhaustive search.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "arch/pll.hpp"

using mgpt::arch::pll_output_range;
using mgpt::arch::PllLimits;
using mgpt::arch::PllSetting;
using mgpt::arch::solve_pll;

namespace {

void check_legal(const PllSetting& s, const PllLimits& lim = {}) {
    INFO("M=" << s.m << " N=" << s.n << " C=" << s.c);
    CHECK(s.m >= 1);
    CHECK(s.m <= lim.m_max);
    CHECK(s.n >= 1);
    CHECK(s.n <= lim.n_max);
    CHECK(s.c >= 1);
    CHECK(s.c <= lim.c_max);
    CHECK(lim.f_in_mhz / s.n >= lim.pfd_min);
    CHECK(lim.f_in_mhz / s.n <= lim.pfd_max);
    CHECK(s.vco_mhz == lim.f_in_mhz * s.m / s.n);
    CHECK(s.vco_mhz >= lim.vco_min);
    CHECK(s.vco_mhz <= lim.vco_max);
    CHECK(s.f_out_mhz == lim.f_in_mhz * s.m / (s.n * s.c));
    CHECK(s.f_out_mhz <= lim.f_out_max);
}

// Every legal (M, N, C) for the default limits, ranked by the documented rule:
// nearest output, then VCO nearest 1100 MHz, then smallest N, M, C. PFD >= 5 MHz
// means N <= 10 for the 50 MHz input, which keeps this to 2.6e6 triples.
PllSetting brute_force(double req) {
    PllSetting best{0, 0, 0, 0, 0, false, req};
    double best_err = INFINITY;
    for (int n = 1; n <= 10; ++n)
        for (int m = 1; m <= 512; ++m) {
            const double vco = 50.0 * m / n;
            if (vco < 600 || vco > 1600) continue;
            for (int c = 1; c <= 512; ++c) {
                const double f = 50.0 * m / (n * c);
                if (f > 550) continue;
                const double err = std::fabs(f - req);
                const bool better = err < best_err - 1e-9 ||
                                    (err <= best_err + 1e-9 && std::fabs(vco - 1100) < std::fabs(best.vco_mhz - 1100) - 1e-9);
                if (better) {
                    best = {m, n, c, vco, f, err <= 1e-9, req};
                    best_err = err;
                }
            }
        }
    return best;
}

void check_against_brute_force(double req) {
    INFO(req << " MHz");
    const PllSetting s = solve_pll(req), b = brute_force(req);
    check_legal(s);
    CHECK(s.requested_mhz == req);
    CHECK(std::fabs(s.f_out_mhz - req) == Approx(std::fabs(b.f_out_mhz - req)).margin(1e-9));
    CHECK(s.exact == b.exact);
    CHECK(s.m == b.m);
    CHECK(s.n == b.n);
    CHECK(s.c == b.c);
}

}  // namespace

TEST_CASE("56.25 MHz is reached exactly with docs/DEVICE.md's counters", "[pll]") {
    const PllSetting s = solve_pll(56.25);
    CHECK(s.exact);
    CHECK(s.m == 45);
    CHECK(s.n == 2);
    CHECK(s.c == 20);
    CHECK(s.vco_mhz == 1125);
    CHECK(s.f_out_mhz == 56.25);
    check_legal(s);
    check_against_brute_force(56.25);
}

TEST_CASE("round frequencies are exact and legal", "[pll]") {
    for (double f : {50.0, 100.0, 25.0, 200.0, 12.5, 62.5, 125.0, 150.0, 550.0}) {
        INFO(f << " MHz");
        const PllSetting s = solve_pll(f);
        CHECK(s.exact);
        CHECK(s.f_out_mhz == f);
        check_legal(s);
    }
}

TEST_CASE("an unreachable request gets the nearest reachable frequency", "[pll]") {
    // 57.123457 = 57123457 / 1e6 in lowest terms would need M >= 57123457.
    const PllSetting s = solve_pll(57.123457);
    CHECK_FALSE(s.exact);
    CHECK(s.f_out_mhz != 57.123457);
    check_against_brute_force(57.123457);
}

TEST_CASE("ties go to the VCO nearest 1100 MHz, then the smallest N", "[pll]") {
    // 100 MHz is exact from VCO 1000 (C=10), 1100 (C=11), 1200 (C=12), ...; VCO
    // 1100 is M/N = 22/1 = 44/2 = ... and N = 1 wins.
    const PllSetting s = solve_pll(100);
    CHECK(s.m == 22);
    CHECK(s.n == 1);
    CHECK(s.c == 11);
    CHECK(s.vco_mhz == 1100);
}

TEST_CASE("the chosen counters match an exhaustive search", "[pll]") {
    // Exact and inexact requests and both ends of the range.
    for (double f : {56.25, 50.0, 13.333333, 199.99, 3.1, 1.171875, 1.2, 549.9, 550.0, 77.7, 333.333333})
        check_against_brute_force(f);
}

TEST_CASE("every setting across the range is legal", "[pll]") {
    for (double f = 1.171875; f <= 550; f += 0.371) {
        INFO(f << " MHz");
        const PllSetting s = solve_pll(f);
        check_legal(s);
        // Outputs are 50*M/(N*C) with VCO steps of >= 5 MHz: at most 2.5 MHz apart
        // near the top (C = 2), far closer below, so never more than ~0.25 % off.
        CHECK(std::fabs(s.f_out_mhz - f) <= 0.005 * f);
    }
}

TEST_CASE("the output range is 600 MHz / 512 .. 550 MHz", "[pll]") {
    const auto [lo, hi] = pll_output_range();
    CHECK(lo == 1.171875);
    CHECK(hi == 550);
}

TEST_CASE("out-of-range requests are errors naming pll_mhz and the legal range", "[pll]") {
    for (double f : {0.0, -5.0, 600.0, 1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        INFO(f << " MHz");
        CHECK_THROWS_AS(solve_pll(f), std::invalid_argument);
        CHECK_THROWS_WITH(solve_pll(f), Catch::Contains("pll_mhz") && Catch::Contains("legal: 1.171875 .. 550 MHz"));
    }
    CHECK_THROWS_WITH(solve_pll(900), "pll_mhz 900 is out of range (legal: 1.171875 .. 550 MHz)");
}

TEST_CASE("other limits are honoured", "[pll]") {
    PllLimits lim;
    lim.vco_max = 1000;
    lim.f_out_max = 300;
    lim.c_max = 100;
    for (double f : {56.25, 299.0, 300.0, 7.0}) {
        INFO(f << " MHz");
        check_legal(solve_pll(f, lim), lim);
    }
    CHECK(pll_output_range(lim) == std::pair<double, double>{6.0, 300.0});
    CHECK_THROWS_WITH(solve_pll(301, lim), Catch::Contains("pll_mhz 301"));
    lim.vco_min = 2000;  // nothing legal
    CHECK_THROWS_AS(pll_output_range(lim), std::invalid_argument);
}
