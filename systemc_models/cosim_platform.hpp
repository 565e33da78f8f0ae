// Co-simulation of the RTL core with the TLM platform in one SystemC kernel.
//   compare: the host's step commands go to the TLM core and to the RTL core
//            (through the pin-level bridge) side by side; both answers are kept.
//   refine:  the RTL core replaces the TLM core behind the host; the host,
//            the clock (PLL model) and the protocol stay TLM.
// The caller owns the Verilated model: `bind_rtl` binds its ports to the
// bridge's signals and the clock; `after_elaboration` may open its trace.
#pragma once
#include <functional>
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
    // compare mode: wall-clock seconds spent in each core's step commands (benchmark figures)
    double tlm_seconds = 0, rtl_seconds = 0;
};

CosimRun simulate_cosim(const QWeights& weights, const Job& job, CosimMode mode,
                        const std::function<void(RtlCoreBridge&, sc_core::sc_clock&)>& bind_rtl,
                        const std::function<void()>& after_elaboration = {});

}  // namespace mgpt::tlm_model
