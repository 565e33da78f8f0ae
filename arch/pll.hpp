// Cyclone V fractional PLL in integer mode: f_out = f_in * M / (N * C).
#pragma once
#include <utility>

namespace mgpt::arch {

struct PllLimits {
    double f_in_mhz = 50;
    double pfd_min = 5, pfd_max = 325;
    double vco_min = 600, vco_max = 1600;
    int m_max = 512, n_max = 512, c_max = 512;
    double f_out_max = 550;
};

struct PllSetting {
    int m, n, c;
    double vco_mhz;
    double f_out_mhz;
    bool exact;
    double requested_mhz;
};

PllSetting solve_pll(double requested_mhz, const PllLimits& lim = {});
std::pair<double, double> pll_output_range(const PllLimits& lim = {});

}  // namespace mgpt::arch
