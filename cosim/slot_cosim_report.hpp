// Checks and prints a co-simulation run with several slots or cores
// (cosim_slots_platform.hpp): per step the golden, TLM and RTL tokens, slot,
// core, start and end cycles and cycles; the slots line and makespans,
// tokens/s over the makespan and per core its makespan and per-unit
// utilisation on both sides; the speed; a verdict naming
// the first difference (cosim/slot_comparison.hpp). Returns true when
// everything matched. The summary and CSV follow report_cosim's (S = 1).
#pragma once
#include <ostream>
#include <string>

#include "systemc_models/cosim_platform.hpp"

namespace mgpt::cosim {

bool report_slot_cosim(const tlm_model::CosimRun& run, const QWeights& w, const tlm_model::Job& job,
                       tlm_model::CosimMode mode, const std::string& csv_path, const std::string& trace_path,
                       bool summary_only, std::ostream& os);

}  // namespace mgpt::cosim
