// The RTL source lists: one file name per line, '#' comments and blank lines
// ignored, names relative to the list's folder. rtl/core_sources.txt is the
// core's (every flow reads it); a platform adds its own (rtl/de1soc/board_sources.txt).
#pragma once
#include <string>
#include <vector>

namespace mgpt::cosim {

// `list` relative to the source tree ("rtl/core_sources.txt"); returns the
// sources relative to the source tree ("rtl/mgpt_core.sv"), in list order.
// Throws std::runtime_error when the list cannot be read or is empty.
std::vector<std::string> read_rtl_source_list(const std::string& list);
// read_rtl_source_list("rtl/core_sources.txt")
std::vector<std::string> core_rtl_sources();

}  // namespace mgpt::cosim
