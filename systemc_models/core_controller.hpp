// The core's controller FSM: accepts a step command from the host, walks the
// stages in schedule order (one active at a time, as the reference design),
// dispatching each to its unit over TLM, and answers with the step's result.
#pragma once
#include <array>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "arch/design_point.hpp"
#include "clock_domain.hpp"
#include "step_context.hpp"
#include "trace_signals.hpp"

namespace mgpt::tlm_model {

// Host command addresses on the core's target socket.
constexpr uint64_t kCoreStep = 0;   // data: StepContext
constexpr uint64_t kCoreClear = 1;  // new sequence: clear the KV cache

enum class Unit { elementwise, rms, tile, attention, argmax, sampler };
constexpr int kUnitCount = 6;

class CoreController : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<CoreController> host;
    std::array<tlm_utils::simple_initiator_socket<CoreController>, kUnitCount> units;
    tlm_utils::simple_initiator_socket<CoreController> kv;

    CoreController(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock,
                   TraceSignals* trace);

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void run_step(StepContext& ctx, sc_core::sc_time& delay);
    uint32_t local_stage(arch::Stage s, StepContext& ctx, sc_core::sc_time& delay);
    void kv_command(uint64_t address, unsigned char* data, unsigned length, sc_core::sc_time& delay);

    const arch::DesignPoint& design_;
    const ClockDomain& clock_;
    TraceSignals* trace_;
    tlm::tlm_generic_payload unit_trans_, kv_trans_;
};

}  // namespace mgpt::tlm_model
