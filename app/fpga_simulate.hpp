// `fpga --simulate`: the board-level co-simulation of a project's top level.
// In this process: the TLM run of the workload (its one SystemC elaboration),
// whose per-step CSV is the prediction. Then the per-configuration driver
// (app/fpga_cosim/, de1soc_top Verilated) is built or found in the RTL cache
// (app/rtl_build_cache) and run as a child process, which drives the top
// level through its register interface and checks it.
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "fpga_project.hpp"
#include "model/weights.hpp"
#include "sampling_options.hpp"

namespace mgpt::app {

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

SimulationResult run_board_simulation(const arch::DesignPoint& d, const QWeights& w, const SamplingOptions& o,
                                      const FpgaProject& p, const SimulationOptions& s);

}  // namespace mgpt::app
