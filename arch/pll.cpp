#include "pll.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mgpt::arch {

std::pair<double, double> pll_output_range(const PllLimits& lim) {
    return {lim.vco_min / lim.c_max, lim.f_out_max};
}

PllSetting solve_pll(double req, const PllLimits& lim) {
    const auto [lo, hi] = pll_output_range(lim);
    if (!std::isfinite(req) || req < lo || req > hi) {
        std::ostringstream os;
        os.precision(10);
        os << "pll_mhz " << req << " is out of range (legal: " << lo << " .. " << hi << " MHz)";
        throw std::invalid_argument(os.str());
    }
    constexpr double eps = 1e-9;
    const double mid = (lim.vco_min + lim.vco_max) / 2;
    PllSetting best{0, 0, 0, 0, 0, false, req};
    double best_err = 1e300;
    for (int n = 1; n <= lim.n_max; ++n) {
        const double pfd = lim.f_in_mhz / n;
        if (pfd < lim.pfd_min) break;
        if (pfd > lim.pfd_max) continue;
        for (int m = 1; m <= lim.m_max; ++m) {
            const double vco = pfd * m;
            if (vco < lim.vco_min) continue;
            if (vco > lim.vco_max) break;
            const int c0 = static_cast<int>(std::lround(vco / req));
            for (int c = c0 - 1; c <= c0 + 1; ++c) {
                if (c < 1 || c > lim.c_max) continue;
                const double f = vco / c;
                if (f > lim.f_out_max) continue;
                const double err = std::fabs(f - req);
                bool better = err < best_err - eps;
                if (!better && std::fabs(err - best_err) <= eps) {
                    const double dv = std::fabs(vco - mid), bdv = std::fabs(best.vco_mhz - mid);
                    better = dv < bdv - eps || (std::fabs(dv - bdv) <= eps && (n < best.n || (n == best.n && m < best.m)));
                }
                if (better) {
                    best = {m, n, c, vco, f, err <= eps, req};
                    best_err = err;
                }
            }
        }
    }
    return best;
}

}  // namespace mgpt::arch
