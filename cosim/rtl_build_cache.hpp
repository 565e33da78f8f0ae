// Builds (or reuses) a per-configuration SystemC driver around Verilated RTL:
// a generated CMake project per (RTL parameters, ROM contents) in a cache
// directory, Verilating rtl/ with verilate(... [SYSTEMC] TRACE ...) and linking
// the main build's libraries through their exported targets (mgpt::*, from
// <build dir>/mgpt-config.cmake). CMake's own dependency tracking rebuilds it
// when the RTL, the driver or the libraries change; an entry's ROM files and
// build are checked before every use and repaired (cosim/cache_entry.hpp).
// The sources come from the running program's tree, the libraries from its
// build folder (common/source_tree.hpp). Two drivers use it: the
// core co-simulation (cosim/cosim_driver.cpp, top mgpt_core) and the
// board-level one (platforms/de1soc/fpga_sim_driver.cpp, top de1soc_top).
// With several cores the core co-simulation Verilates rtl/mgpt_cores.sv.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/rtl_parameters.hpp"
#include "model/weights.hpp"

namespace mgpt::cosim {

// What differs between drivers. Paths are relative to the source tree.
struct DriverSpec {
    std::string command;                      // the microgpt-dse command it serves (messages, project name)
    std::string executable;                   // also the CMake target
    std::string cache_prefix;                 // "" or "<prefix>-" before the configuration id
    std::string top_module;                   // Verilated top
    std::string model_class;                  // the Verilated model's class; "" is V<top_module>
    arch::RtlFlow flow = arch::RtlFlow::board;  // which designs it takes (arch::require_rtl)
    bool systemc = true;                      // a SystemC model (sc_module ports); false: plain C++, clocked
                                              // by the driver itself
    std::string main_source;                  // the driver's sc_main, compiled with the Verilated model
    std::string library;                      // the exported library target it links ("mgpt::cosim")
    std::vector<std::string> rtl_sources;     // besides the core's (rtl/core_sources.txt)
    std::vector<std::string> include_dirs;    // besides rtl/
    std::vector<std::pair<std::string, std::string>> extra_parameters;  // more -G flags, part of the cache key
};

// $MGPT_RTL_CACHE, else rtl_cache/ in the build folder of the running microgpt-dse.
std::string default_rtl_cache();
// Returns the path of the ready driver executable. Progress, and what was
// found damaged and repaired, goes to stderr; throws std::runtime_error with
// the build log's tail on failure, or naming the entry to delete when it
// cannot be repaired.
std::string build_verilated_driver(const DriverSpec& spec, const arch::DesignPoint& d, const QWeights& w,
                                   const std::string& cache, int jobs);
// The core co-simulation driver (cosim/cosim_driver.cpp): its model is class
// Vmgpt_core whatever the top (mgpt_core, or mgpt_cores for several cores).
std::string build_cosim_driver(const arch::DesignPoint& d, const QWeights& w, const std::string& cache, int jobs);

}  // namespace mgpt::cosim
