// Checks a board-level co-simulation run: per name, the tokens read from the
// register window against the golden model (golden::generate_slots), and its
// RESULT_CYCLES against its latency in the TLM (from `microgpt-dse simulate
// --steps-csv`, when given) and in the model (prediction.hpp: the slot
// schedule over the closed-form cycles); the run's CYCLES (makespan) against
// the TLM's and the model's; every slot's RNG state after the run; the
// register-protocol checks of the host; the LEDs and seven-segment displays;
// CLOCK_HZ and DESIGN_TAG. Returns true when everything matched.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "board_host.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

// The TLM's per-name tokens, cycle totals (stage cycles, waits excluded) and
// latencies (sum of end - start over the name's steps, waits included), and the
// run's makespan (the last end), read from a per-step CSV (columns name,
// token_out, cycles, start, end, as cosim/steps_csv.hpp writes them).
struct TlmPrediction {
    std::vector<std::vector<int>> tokens;
    std::vector<uint64_t> cycles;
    std::vector<uint64_t> latency;
    uint64_t makespan = 0;
};
TlmPrediction read_tlm_steps(const std::string& path);

// The seven-segment pattern (active high, bit 0 = segment a) of a token, as
// rtl/de1soc/mgpt_display.sv draws it; 0 for BOS.
uint32_t seven_segments(int token);

// `design_tag`: what DESIGN_TAG must read (platforms/de1soc/design_tag.hpp).
bool report_board_run(const BoardRun& run, const QWeights& w, const arch::DesignPoint& d, const HostSettings& s,
                      const TlmPrediction* tlm, uint32_t design_tag, const std::string& summary_md_path,
                      std::ostream& os);

}  // namespace mgpt::de1soc
