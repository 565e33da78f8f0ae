// The RTL core's parameters (rtl/mgpt_core.sv) for a design point: one per
// design key with an RTL parameter in the key table (pll_mhz only sets the clock).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "design_point.hpp"

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d);
// Throws std::invalid_argument "WHAT: ..." ("..." for an empty WHAT) naming the keys when the RTL core
// cannot be built for `d` (today: more than one slot or core, issue 13; the
// timing models and the TLM take those keys).
void require_rtl(const DesignPoint& d, const std::string& what);
// A stable identifier of the RTL configuration (cache key of Verilated models).
// Throws std::invalid_argument "WHAT: ..." when `d` has more than one core:
// rtl/mgpt_core.sv is one core (with SLOTS slots); the flows that only need
// the core's RTL parameters and ROM files (roms, the component synthesis)
// take any `sequences`.
void require_one_core(const DesignPoint& d, const std::string& what);
std::string rtl_config_id(const DesignPoint& d);

}  // namespace mgpt::arch
