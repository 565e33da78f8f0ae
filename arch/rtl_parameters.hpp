// The RTL core's parameters (rtl/mgpt_core.sv) for a design point: one per
// design key with an RTL parameter in the key table (pll_mhz only sets the clock).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "design_point.hpp"

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d);
// What an RTL flow runs: `core`, the core alone (cosim: its SLOTS slots, one
// core); `board`, the DE1-SoC flow and its ROM files (roms, fpga: one slot).
enum class RtlFlow { core, board };
// Throws std::invalid_argument "WHAT: ..." ("..." for an empty WHAT) naming the
// keys when `flow` cannot run `d`: more than one core (the RTL has no core
// replicas yet, issue 13), or for `board` more than one slot (the timing
// models and the TLM take both keys).
void require_rtl(const DesignPoint& d, const std::string& what, RtlFlow flow);
// A stable identifier of the RTL configuration (cache key of Verilated models).
std::string rtl_config_id(const DesignPoint& d);

}  // namespace mgpt::arch
