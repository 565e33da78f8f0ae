// The RTL core's parameters (rtl/mgpt_core.sv) for a design point: one per
// design key with an RTL parameter in the key table (pll_mhz only sets the clock).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "design_point.hpp"

namespace mgpt::arch {

// The core's parameters (rtl/mgpt_core.sv); with several cores the top
// rtl/mgpt_cores.sv takes them too, and CORES = d.cores (rtl_top_module).
std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d);

// The RTL flows: co-simulation of the core(s), or the board's (roms, fpga).
enum class RtlFlow { cosim, board };
// Throws std::invalid_argument "WHAT: ..." ("..." for an empty WHAT) when
// `flow` cannot build the RTL for `d`: the board flow takes one core
// (rtl/de1soc/ instantiates one mgpt_core); cosim takes any `cores` (the top
// rtl/mgpt_cores.sv). Every RTL flow takes any `sequences`.
void require_rtl(const DesignPoint& d, RtlFlow flow, const std::string& what);
// The Verilated top of the cores' RTL: mgpt_core for one core, mgpt_cores
// (its CORES parameter: d.cores) for several.
std::string rtl_top_module(const DesignPoint& d);
// A stable identifier of the RTL configuration (cache key of Verilated
// models): the core's parameters, and "_k<K>" for K > 1 cores.
std::string rtl_config_id(const DesignPoint& d);

}  // namespace mgpt::arch
