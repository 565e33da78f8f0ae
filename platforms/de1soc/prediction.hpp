// The model's prediction for the board's workload: the golden model's names
// and, per name, the closed-form cycle model's cycles (arch/cycle_model, proven
// equal to the TLM step by step), summed over every step including the final
// BOS step. The report and the board runner print it, labelled as model figures.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/pll.hpp"
#include "cli/sampling_options.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

struct NamePrediction {
    std::string name;
    int tokens = 0;
    uint64_t cycles = 0;
};

struct WorkloadPrediction {
    std::vector<NamePrediction> names;
    uint64_t tokens = 0, cycles = 0, steps = 0;
    arch::PllSetting pll{};
    double tokens_per_second() const;  // tokens x f / cycles, the reference's convention
};

WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o);

// "56.2500 MHz = 50 MHz x 45 / (2 x 20), VCO 1125 MHz, exact"
std::string pll_text(const arch::PllSetting& p);

}  // namespace mgpt::de1soc
