// Which RTL configuration a co-simulation driver's Verilated model was built
// for, and which tree it belongs to. Compiled into the driver (header only): a
// per-point driver project (cosim/rtl_build_cache.cpp) defines
// MGPT_RTL_CONFIG_ID and MGPT_DRIVER_TREE; the main build's drivers Verilate
// the RTL at its default parameters, which are those of
// configs/designs/baseline.cfg, and find their tree from their own location.
#pragma once
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "arch/design_point.hpp"
#include "arch/rtl_parameters.hpp"
#include "common/source_tree.hpp"

namespace mgpt::cosim {

// A per-point driver lives in the RTL cache, which may be outside any tree
// (--cache): it belongs to the tree whose microgpt-dse generated its project,
// which it names as MGPT_HOME (unless that is set) before any default path is
// resolved (common/source_tree.hpp). Called first thing by the drivers.
inline void use_driver_tree() {
#ifdef MGPT_DRIVER_TREE
    ::setenv("MGPT_HOME", MGPT_DRIVER_TREE, /*overwrite=*/0);
#endif
}

inline std::string built_rtl_config_id() {
#ifdef MGPT_RTL_CONFIG_ID
    return MGPT_RTL_CONFIG_ID;
#else
    return arch::rtl_config_id(arch::load_design(source_path("configs/designs/baseline.cfg")));
#endif
}

// Throws when design point d is not the configuration the driver was built for;
// `through` says how to run it properly ("microgpt-dse cosim").
inline void check_built_configuration(const arch::DesignPoint& d, const std::string& through) {
    const std::string built = built_rtl_config_id();
    if (arch::rtl_config_id(d) != built)
        throw std::runtime_error("this driver was built for " + built + ", not " + arch::rtl_config_id(d) +
                                 " (run it through " + through + ")");
}

}  // namespace mgpt::cosim
