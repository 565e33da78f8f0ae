// The TLM core: controller, stage units, weight and KV memories and the
// arbiter of the units among the core's slots, wired. Its
// `host` socket takes the core protocol's commands (step_protocol.hpp). The
// units hold a reference to `design` and the controller one to `clock`, which
// the owner may change between runs.
#pragma once
#include <memory>

#include "argmax_sampler.hpp"
#include "attention_unit.hpp"
#include "core_controller.hpp"
#include "elementwise_unit.hpp"
#include "kv_memory.hpp"
#include "matvec_tile.hpp"
#include "rms_engine.hpp"
#include "slot_arbiter.hpp"
#include "weight_memory.hpp"

namespace mgpt::tlm_model {

struct TlmCore : sc_core::sc_module {
    WeightMemory weight_memory;
    KvMemory kv_memory;
    ElementwiseUnit elementwise;
    RmsEngine rms;
    MatvecTile tile;
    AttentionUnit attention;
    ArgmaxUnit argmax;
    SamplerUnit sampler;
    SlotArbiter arbiter;
    CoreController controller;

    // `index`: the core's number among the platform's cores (its trace signals).
    TlmCore(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock,
            TraceSignals* trace, int index = 0);
    tlm_utils::simple_target_socket<CoreController, 32, CoreProtocol>& host() { return controller.host; }
};

}  // namespace mgpt::tlm_model
