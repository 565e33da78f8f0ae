// The core's controller FSM: accepts a core command from the host (core
// protocol, step_protocol.hpp), walks the stages in schedule order (one active
// at a time, as the reference design), dispatching each to its unit with a
// stage command, and answers with the step's result.
//
// Timing: every stage reports its cycles into the StepContext (the authority,
// protocol.hpp "Timing"); the controller is the one place that turns them into
// time, annotating each stage's cycles on the host's delay as the stage ends.
#pragma once
#include <array>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "arch/design_point.hpp"
#include "clock_domain.hpp"
#include "kv_protocol.hpp"
#include "step_protocol.hpp"
#include "trace_signals.hpp"

namespace mgpt::tlm_model {

enum class Unit { elementwise, rms, tile, attention, argmax, sampler };
constexpr int kUnitCount = 6;

class CoreController : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<CoreController, 32, CoreProtocol> host;
    std::array<tlm_utils::simple_initiator_socket<CoreController, 32, StageProtocol>, kUnitCount> units;
    tlm_utils::simple_initiator_socket<CoreController, 32, KvProtocol> kv;

    CoreController(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock,
                   TraceSignals* trace);

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void run_step(StepContext& ctx, sc_core::sc_time& delay);
    uint32_t local_stage(arch::Stage s, StepContext& ctx);  // returns the stage's cycles
    uint32_t unit_stage(int unit, arch::Stage s, StepContext& ctx);

    const arch::DesignPoint& design_;
    const ClockDomain& clock_;
    TraceSignals* trace_;
    CommandPayload<StepExtension> stage_cmd_;
    KvPort kv_port_;
};

}  // namespace mgpt::tlm_model
