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

// The one speed line of a co-simulation run, the same words in every mode
// (bench/bench_throughput.cpp reads it): co-simulation, RTL and, comparing,
// the TLM's token steps/s, `tlm_label` naming what the TLM figure times.
// Nothing when the run was not timed.
void write_speed_line(std::ostream& os, size_t steps, double run_seconds, double rtl_seconds, double tlm_seconds,
                      uint64_t rtl_clocks, bool compare, const std::string& tlm_label);

}  // namespace mgpt::cosim
