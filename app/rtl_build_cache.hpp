// Builds (or reuses) the co-simulation driver of one RTL configuration: a
// generated CMake project per (RTL parameters, ROM contents) in a cache
// directory, Verilating rtl/ with verilate(... SYSTEMC ...) and linking the
// project's TLM libraries. CMake's own dependency tracking rebuilds it when
// the RTL, the driver or the libraries change.
#pragma once
#include <string>

#include "arch/design_point.hpp"
#include "model/weights.hpp"

namespace mgpt::app {

// $MGPT_RTL_CACHE, else <build dir>/rtl_cache.
std::string default_rtl_cache();
// Returns the path of the ready driver executable. Progress goes to stderr;
// throws std::runtime_error with the build log's tail on failure.
std::string build_cosim_driver(const arch::DesignPoint& d, const QWeights& w, const std::string& cache, int jobs);

}  // namespace mgpt::app
