// Checks and prints a co-simulation run: per step the TLM-predicted and
// RTL-measured cycles and tokens, then a verdict naming the first step (and
// stage) that differs. Returns true when everything matched.
#pragma once
#include <ostream>
#include <string>

#include "systemc_models/cosim_platform.hpp"

namespace mgpt::cosim {

bool report_cosim(const tlm_model::CosimRun& run, const QWeights& w, const tlm_model::Job& job,
                  tlm_model::CosimMode mode, const std::string& csv_path, const std::string& trace_path,
                  bool summary_only, std::ostream& os);

}  // namespace mgpt::cosim
