// The explorer's prediction of a design point's resources and Fmax (its
// resource and Fmax models with explorer/calibration.csv), for report.md next
// to the yosys figures. Never throws: a missing or bad calibration file makes
// the estimate unavailable, with the reason.
#pragma once
#include <string>

#include "arch/design_point.hpp"

namespace mgpt::de1soc {

struct ModelEstimate {
    bool available = false;
    std::string error;
    std::string resource_source, fmax_source;  // the explorer's labels
    long alms = 0, registers = 0, dsp = 0, m10k = 0, mlabs = 0;
    long yosys_alms = 0, yosys_registers = 0;  // the same before the Quartus correction (compare with yosys)
    double fmax_mhz = 0, slack_ns = 0;  // slack at the PLL clock
    std::string critical;               // family of the longest path
};

ModelEstimate model_estimate(const arch::DesignPoint& d, double f_mhz);

}  // namespace mgpt::de1soc
