// Co-simulation of the RTL core with the TLM platform in one SystemC kernel.
//   compare: the host's step commands go to the TLM core and to the RTL core
//            (through the bridge) one after the other on the same stimulus;
//            both answers are kept, the host continues with the TLM's.
//   refine:  the RTL core replaces the TLM core behind the host; the host,
//            the clock (PLL model) and the protocol stay TLM.
// The caller owns the RTL model (RtlCore, rtl_core_bridge.hpp) and its trace.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "platform.hpp"
#include "rtl_core_bridge.hpp"

namespace mgpt::tlm_model {

enum class CosimMode { compare, refine };

struct CosimStep {
    StepRecord host;      // what the host saw (TLM's answer in compare mode, RTL's in refine mode)
    StepRecord rtl;       // the RTL's answer, its cycles per stage from its stage output
    StepRecord tlm;       // compare mode: the TLM's answer
};

struct CosimRun {
    RunResult host;
    std::vector<CosimStep> steps;
    // Speed figures (wall clock): the whole simulation, the RTL's step commands
    // (and, in compare mode, the TLM's), and the RTL clock cycles simulated.
    double run_seconds = 0, tlm_seconds = 0, rtl_seconds = 0;
    uint64_t rtl_clocks = 0;
    // Several slots or cores (cosim_slots_platform.hpp): the RTL side's run as
    // its host recorded it (names, steps with slot, core, start and end,
    // makespan), per core and shared unit the cycles the RTL's `unit_slot`
    // showed it held, and why the RTL's clock stopped the run ("" when it ran
    // to the end).
    RunResult rtl_host;
    std::vector<std::array<uint64_t, arch::kUnitCount>> rtl_unit_busy;  // [core]
    std::string rtl_error;
};

CosimRun simulate_cosim(const QWeights& weights, const Job& job, CosimMode mode, RtlCore& rtl);

}  // namespace mgpt::tlm_model
