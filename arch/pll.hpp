// Cyclone V fractional PLL in integer mode (docs/DEVICE.md, "PLL"):
// f_out = f_in * M / (N * C), VCO = f_in * M / N. Quartus picks the counters
// itself; the model only decides whether a requested core clock is reachable
// exactly, or which reachable frequency is nearest, and with what counters.
#pragma once
#include <utility>

namespace mgpt::arch {

// -C6 limits; VCO range and maximum output are still "to confirm" in docs/DEVICE.md.
struct PllLimits {
    double f_in_mhz = 50;                  // CLOCK_50
    double pfd_min = 5, pfd_max = 325;     // f_in / N
    double vco_min = 600, vco_max = 1600;  // f_in * M / N
    int m_max = 512, n_max = 512, c_max = 512;
    double f_out_max = 550;                // to a global clock
};

struct PllSetting {
    int m, n, c;
    double vco_mhz;        // f_in * M / N
    double f_out_mhz;      // f_in * M / (N * C), computed exactly as written
    bool exact;            // |f_out - requested| <= 1e-9 MHz
    double requested_mhz;
};

// The legal setting whose output is nearest the request. Ties (within 1e-9 MHz)
// go to the VCO nearest the middle of its range, then the smallest N, M, C.
// Throws std::invalid_argument (naming pll_mhz, the value and the legal range)
// for a request that is not finite or lies outside
// [lowest reachable output, f_out_max].
PllSetting solve_pll(double requested_mhz, const PllLimits& lim = {});

// Lowest and highest reachable output (1.171875 and 550 MHz by default).
// Throws std::invalid_argument if the limits admit no setting at all.
std::pair<double, double> pll_output_range(const PllLimits& lim = {});

}  // namespace mgpt::arch
