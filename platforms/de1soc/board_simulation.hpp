// `fpga --simulate`: the board-level co-simulation of a project's top level.
// In this process: the TLM run of the workload (its one SystemC elaboration),
// whose per-step CSV is the prediction. Then the per-configuration driver
// (fpga_sim_driver.cpp, de1soc_top Verilated) is built or found in the RTL
// cache (cosim/rtl_build_cache) and run as a child process, which drives the
// top level through its register interface and checks it.
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "cli/sampling_options.hpp"
#include "model/weights.hpp"
#include "project.hpp"

namespace mgpt::de1soc {

struct SimulationOptions {
    std::string cache;
    int jobs = 2;
    std::string trace;  // VCD of the top level, or empty
};

struct SimulationResult {
    int exit_code = 0;       // the driver's: 0 pass, 3 mismatch
    std::string driver;      // its path
    std::string summary_md;  // for report.md
};

SimulationResult run_board_simulation(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o,
                                      const FpgaProject& p, const SimulationOptions& s);

}  // namespace mgpt::de1soc
