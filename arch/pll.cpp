#include "pll.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mgpt::arch {

namespace {

constexpr double kEps = 1e-9;  // MHz: "equally close" and "exact"

// One formula everywhere, so f_out is bit-identical to f_in * M / (N * C).
double f_out(const PllLimits& lim, int m, int n, int c) { return lim.f_in_mhz * m / (static_cast<double>(n) * c); }

// Calls fn(n, m, vco) for every (N, M) with legal PFD and VCO: at most ~5,000
// pairs for the defaults (PFD >= 5 MHz caps N at 10), instead of all 2.6e8
// (M, N, C) triples; the caller picks C for each VCO in O(1).
template <class Fn>
void for_each_vco(const PllLimits& lim, Fn fn) {
    for (int n = 1; n <= lim.n_max; ++n) {
        const double pfd = lim.f_in_mhz / n;
        if (pfd < lim.pfd_min) break;  // PFD only falls as N grows
        if (pfd > lim.pfd_max) continue;
        // floor() can only start at or below the first legal M; the checks
        // below decide legality with the VCO as actually computed.
        for (int m = std::max(1, static_cast<int>(std::floor(lim.vco_min / pfd))); m <= lim.m_max; ++m) {
            const double vco = lim.f_in_mhz * m / n;
            if (vco > lim.vco_max) break;
            if (vco >= lim.vco_min) fn(n, m, vco);
        }
    }
}

// Smallest C whose output stays <= f_out_max (c_max + 1 if none does).
int min_c(const PllLimits& lim, int m, int n, double vco) {
    int c = std::max(1, static_cast<int>(std::ceil(vco / lim.f_out_max)));
    while (c > 1 && f_out(lim, m, n, c - 1) <= lim.f_out_max) --c;  // rounding guards
    while (c <= lim.c_max && f_out(lim, m, n, c) > lim.f_out_max) ++c;
    return c;
}

}  // namespace

std::pair<double, double> pll_output_range(const PllLimits& lim) {
    double lo = INFINITY, hi = -INFINITY;
    for_each_vco(lim, [&](int n, int m, double vco) {
        const int c = min_c(lim, m, n, vco);
        if (c > lim.c_max) return;
        lo = std::min(lo, f_out(lim, m, n, lim.c_max));
        hi = std::max(hi, f_out(lim, m, n, c));
    });
    if (!(lo <= hi)) throw std::invalid_argument("PLL limits admit no legal (M, N, C) setting");
    return {lo, hi};
}

PllSetting solve_pll(double req, const PllLimits& lim) {
    // Requests between the highest reachable output and f_out_max are still
    // accepted (they get the nearest one); only f_out_max is a hard ceiling.
    const double lo = pll_output_range(lim).first, hi = lim.f_out_max;
    if (!std::isfinite(req) || req < lo || req > hi) {
        std::ostringstream os;
        os.precision(10);
        os << "pll_mhz " << req << " is out of range (legal: " << lo << " .. " << hi << " MHz)";
        throw std::invalid_argument(os.str());
    }
    const double mid = (lim.vco_min + lim.vco_max) / 2;
    PllSetting best{0, 0, 0, 0, 0, false, req};
    double best_err = INFINITY;
    // Loops run N, M and C upwards, so keeping the first of equals (strict
    // "better") is what makes the smallest N, then M, then C win a tie.
    auto consider = [&](int n, int m, int c, double vco) {
        const double f = f_out(lim, m, n, c);
        const double err = std::fabs(f - req);
        bool better = err < best_err - kEps;
        if (!better && err <= best_err + kEps)
            better = std::fabs(vco - mid) < std::fabs(best.vco_mhz - mid) - kEps;
        if (better) {
            best = {m, n, c, vco, f, err <= kEps, req};
            best_err = err;
        }
    };
    for_each_vco(lim, [&](int n, int m, double vco) {
        const int c_lo = min_c(lim, m, n, vco);
        if (c_lo > lim.c_max) return;
        // f_out falls monotonically with C, so the nearest output for this VCO
        // is at floor(VCO / req) or the next C, each clamped to the legal C range.
        const double x = std::clamp(vco / req, static_cast<double>(c_lo), static_cast<double>(lim.c_max));
        const int c0 = static_cast<int>(std::floor(x));
        consider(n, m, std::max(c0, c_lo), vco);
        if (c0 + 1 <= lim.c_max) consider(n, m, c0 + 1, vco);
    });
    return best;
}

}  // namespace mgpt::arch
