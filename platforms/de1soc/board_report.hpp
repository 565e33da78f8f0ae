// Checks a board-level co-simulation run: per name, the tokens read from the
// register window against the golden model, and the CYCLES register against
// the TLM's cycle total (from `microgpt-dse simulate --steps-csv`, when given)
// and the closed-form cycle model; the register-protocol checks of the host;
// the LEDs and seven-segment displays; CLOCK_HZ and DESIGN_TAG. Returns true when everything matched.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "board_host.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

// The TLM's per-name tokens and cycle totals, read from a per-step CSV
// (columns name, token_out, cycles, as cosim/steps_csv.hpp writes them).
struct TlmPrediction {
    std::vector<std::vector<int>> tokens;
    std::vector<uint64_t> cycles;
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
