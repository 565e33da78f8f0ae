// --design FILE and repeated --set key=value, shared by simulate, cosim, roms,
// fpga and the co-simulation drivers.
#pragma once
#include <boost/program_options.hpp>

#include "arch/design_point.hpp"
#include "arch/rtl_parameters.hpp"

namespace mgpt::cli {

void add_design_options(boost::program_options::options_description& desc);
// Loads the design file (default configs/designs/baseline.cfg; errors: std::runtime_error,
// exit 1) and applies the --set overrides (errors: UsageError, exit 2).
arch::DesignPoint read_design_options(const boost::program_options::variables_map& vm);
// As read_design_options, for the commands that build the RTL (cosim, roms,
// fpga): a point the command's RTL flow cannot run (arch::require_rtl) is a
// bad argument (UsageError, exit 2), refused before any work.
arch::DesignPoint read_rtl_design_options(const boost::program_options::variables_map& vm, arch::RtlFlow flow);

}  // namespace mgpt::cli
