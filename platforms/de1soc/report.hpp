// report.md of a DE1-SoC project: the design point, the PLL setting [PLL
// model], the throughput prediction [closed-form cycle model over the golden
// model's workload], resources and Fmax [the explorer's models] next to the
// yosys estimate [yosys] when it ran, and the register-level co-simulation
// [RTL co-simulation] when it ran.
#pragma once
#include <string>

#include "cli/sampling_options.hpp"
#include "model_estimate.hpp"
#include "prediction.hpp"
#include "project.hpp"
#include "yosys_estimate.hpp"

namespace mgpt::de1soc {

struct FpgaReport {
    ModelEstimate model;
    const YosysEstimate* yosys = nullptr;  // null: not run
    std::string simulation_md;             // empty: not run
};

void write_fpga_report(const arch::DesignPoint& d, const FpgaProject& p, const cli::SamplingOptions& workload,
                       const WorkloadPrediction& pred, const FpgaReport& extra);

}  // namespace mgpt::de1soc
