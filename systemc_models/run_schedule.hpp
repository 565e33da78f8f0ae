// A TLM run in the slot scheduler's terms (arch::Schedule,
// arch/slot_schedule.hpp), for its statistics (arch::summarize) and for the
// comparison with the fast engine.
#pragma once
#include "arch/slot_schedule.hpp"
#include "platform.hpp"

namespace mgpt::tlm_model {

// Core `core` of the run: steps[local slot][k] the spans of that slot's k-th
// step, units the core's loads, makespan the end of its last step.
arch::Schedule schedule_of_core(const RunResult& r, int core);

// Every step of the run, one "slot" per global slot, units empty, makespan the
// run's: the token latencies over all cores.
arch::Schedule schedule_of_run(const RunResult& r);

}  // namespace mgpt::tlm_model
