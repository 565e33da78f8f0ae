// The model's prediction for the board's workload: the golden model's names,
// dealt to the core's S slots as the sequencer deals them (name i in slot
// i mod S, each slot from golden::slot_seed, docs/SEQUENCES.md), and the
// cycles of the slot schedule (arch::SlotScheduler over the closed-form cycle
// model's step cycles, both proven equal to the TLM): per name its latency
// (the sum of its steps' end - start, waits for shared units included), and
// the run's makespan. With one slot a name's latency is the sum of its steps'
// cycles and the makespan their total, final BOS steps included. The report
// and the board runner print it, labelled as model figures; the board-level
// co-simulation checks against it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/pll.hpp"
#include "cli/sampling_options.hpp"
#include "model/golden_step.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

struct NamePrediction {
    std::string name;
    std::vector<int> token_ids;  // the golden tokens (final BOS excluded)
    int tokens = 0;
    int slot = 0;                // i mod S
    uint64_t cycles = 0;         // latency: cycles its slot is busy on it
};

struct WorkloadPrediction {
    std::vector<NamePrediction> names;
    uint64_t tokens = 0, steps = 0;
    uint64_t cycles = 0;               // makespan (one slot: every step's cycles)
    std::vector<uint32_t> final_rng;   // per slot, after its last name
    int slots = 1;
    arch::PllSetting pll{};
    double tokens_per_second() const;  // tokens x f / makespan, the reference's convention
};

WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const golden::GenerationConfig& gen,
                                    uint32_t seed, int count);
WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o);

// "56.2500 MHz = 50 MHz x 45 / (2 x 20), VCO 1125 MHz, exact"
std::string pll_text(const arch::PllSetting& p);

}  // namespace mgpt::de1soc
