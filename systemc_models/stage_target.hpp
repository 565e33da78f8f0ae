// Base of every pipeline-stage model: a TLM-2.0 target that receives one
// command per stage from the controller. The payload's address is the stage
// (arch::Stage) and its data pointer the StepContext; the model computes the
// stage's values with the golden library, adds its cycles to the context and
// annotates the delay.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "arch/design_point.hpp"
#include "clock_domain.hpp"
#include "step_context.hpp"

namespace mgpt::tlm_model {

class StageTarget : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<StageTarget> socket;

    StageTarget(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock)
        : sc_module(name), socket("socket"), design_(design), clock_(clock) {
        socket.register_b_transport(this, &StageTarget::b_transport);
    }

protected:
    // Runs `stage` on `ctx` and returns the cycles it took (stalls recorded by the model).
    virtual uint32_t run(arch::Stage stage, StepContext& ctx, sc_core::sc_time& delay) = 0;
    const arch::DesignPoint& design_;
    const ClockDomain& clock_;

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        auto* ctx = reinterpret_cast<StepContext*>(trans.get_data_ptr());
        const auto stage = static_cast<arch::Stage>(trans.get_address());
        const uint32_t cycles = run(stage, *ctx, delay);
        ctx->add(stage, cycles);
        delay += clock_.cycles(cycles);
        trans.set_response_status(tlm::TLM_OK_RESPONSE);
    }
};

}  // namespace mgpt::tlm_model
