// The TLM's per-step CSV: `simulate --steps-csv`, and the prediction that
// `fpga --simulate` hands the board-level driver. One row per token step.
#pragma once
#include <string>

#include "systemc_models/platform.hpp"

namespace mgpt::cosim {

// Columns: name,pos,token_in,token_out,cycles,stall_cycles,rng_in,rng_out, then
// one column of cycles per stage (without waits), then slot,core,start,end:
// the global slot, its core, and the step's start and end cycle since the
// run's start (end - start: its latency, waits included; docs/SCHEDULING.md
// "TLM"). Written atomically.
void write_steps_csv(const std::string& path, const tlm_model::RunResult& r);

}  // namespace mgpt::cosim
