// The RTL core's parameters (rtl/mgpt_core.sv) for a design point: one per
// design key with an RTL parameter in the key table (pll_mhz only sets the clock).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "design_point.hpp"

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d);
// Throws std::invalid_argument "WHAT: ..." ("..." for an empty WHAT) when the
// RTL cannot be built for `d`: more than one core (rtl/mgpt_core.sv is one
// core with SLOTS slots; no core replicas yet, issue 13). Every RTL flow
// (cosim, roms, fpga) takes any `sequences`.
void require_rtl(const DesignPoint& d, const std::string& what);
// A stable identifier of the RTL configuration (cache key of Verilated models).
std::string rtl_config_id(const DesignPoint& d);

}  // namespace mgpt::arch
