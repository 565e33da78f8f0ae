// The core's controller FSM: accepts a core command from the host (core
// protocol, step_protocol.hpp), walks the stages in schedule order, dispatching
// each to its unit (arch::unit_of, arch/stage_units.hpp) with a stage command,
// and answers with the step's result.
//
// Timing: every stage reports its cycles into the StepContext (the authority,
// protocol.hpp "Timing"), which become time in one of two ways. One slot
// alone (sequences x cores = 1) runs temporally decoupled: each stage's cycles
// are annotated on the host's delay as the stage ends. Several slots share the
// core's units: each slot's step runs in its own host thread, asks the core's
// SlotArbiter for each stage's unit and waits explicitly (through the arbiter)
// for the stage's end (docs/SCHEDULING.md "TLM").
#pragma once
#include <array>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "arch/design_point.hpp"
#include "arch/stage_units.hpp"
#include "clock_domain.hpp"
#include "kv_protocol.hpp"
#include "slot_arbiter.hpp"
#include "step_protocol.hpp"
#include "trace_signals.hpp"

namespace mgpt::tlm_model {

class CoreController : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<CoreController, 32, CoreProtocol> host;
    // Indexed by arch::Unit, the shared units only.
    std::array<tlm_utils::simple_initiator_socket<CoreController, 32, StageProtocol>, arch::kSharedUnitCount> units;
    tlm_utils::simple_initiator_socket<CoreController, 32, KvProtocol> kv;

    // `core`: this core's index (its trace signals).
    CoreController(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock,
                   TraceSignals* trace, SlotArbiter& arbiter, int core = 0);

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void run_step(StepContext& ctx, sc_core::sc_time& delay);
    void run_step_shared(StepContext& ctx);
    uint32_t stage_cycles(arch::Stage s, StepContext& ctx);  // runs the stage, returns its cycles
    uint32_t local_stage(arch::Stage s, StepContext& ctx);
    uint32_t unit_stage(arch::Unit unit, arch::Stage s, StepContext& ctx);
    bool shared() const { return design_.sequences * design_.cores > 1; }

    const arch::DesignPoint& design_;
    const ClockDomain& clock_;
    TraceSignals* trace_;
    SlotArbiter& arbiter_;
    int core_;
    CommandPayload<StepExtension> stage_cmd_;
    KvPort kv_port_;
};

}  // namespace mgpt::tlm_model
