// The RTL core's parameters (rtl/mgpt_core.sv) for a design point: one per
// design key with an RTL parameter in the key table (pll_mhz only sets the clock).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "design_point.hpp"

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d);
// A stable identifier of the RTL configuration (cache key of Verilated models).
std::string rtl_config_id(const DesignPoint& d);

}  // namespace mgpt::arch
