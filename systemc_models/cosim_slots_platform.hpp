// Co-simulation of a multi-slot RTL core (sequences = S > 1), or of K cores of
// S slots each (rtl/mgpt_cores.sv, cores = K > 1), with the TLM in one SystemC
// kernel. The RTL is clocked at the PLL period by an RtlSlotClock and driven
// by a host with one thread per slot (the TLM's HostInitiator, the workload
// dealt to slots as golden::generate_slots deals it) through one RtlSlotBridge
// per core, which starts each slot's next step in the slot's DONE cycle
// (rtl_slot_clock.hpp):
//   compare: the TLM platform (its host, its K cores of S slots and each
//            core's arbiter) runs the same workload beside it, with its own
//            host; every step of both is kept for the comparison;
//   refine:  the RTL cores alone behind the host, in place of the TLM cores.
// S = K = 1 is cosim_platform.hpp's simulate_cosim.
#pragma once
#include "cosim_platform.hpp"
#include "rtl_slot_clock.hpp"

namespace mgpt::tlm_model {

// `rtl` has job.design.cores cores of job.design.sequences slots. The
// result's `host` is the TLM's run in compare mode, the RTL's in refine mode;
// `rtl_host` is always the RTL's; steps pair the two runs' records (workload
// order: by name, then position).
CosimRun simulate_cosim_slots(const QWeights& weights, const Job& job, CosimMode mode, RtlSlotCore& rtl);

}  // namespace mgpt::tlm_model
