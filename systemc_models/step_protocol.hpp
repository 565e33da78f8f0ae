// The core's two command protocols (protocol.hpp for what all protocols share).
//
//   Core protocol, host -> core (the controller, the RTL bridge, the
//   co-simulation's splitter): a CoreCommand, either `clear` (a new sequence:
//   clear a slot's KV cache) or `step` (run one token step on a StepContext, which
//   the core fills with the step's results and cycles).
//   Stage protocol, controller -> stage units (stage_target.hpp): a
//   StepExtension naming the stage to run and the step's StepContext.
//
// Neither carries data in the payload: the context is shared by pointer in the
// extension, the address is unused (0).
#pragma once
#include "arch/stages.hpp"
#include "protocol.hpp"
#include "step_context.hpp"

namespace mgpt::tlm_model {

using CoreProtocol = ProtocolTypes<struct CoreProtocolTag>;
using StageProtocol = ProtocolTypes<struct StageProtocolTag>;

enum class CoreOp { clear, step };

struct CoreCommand : CommandExtension<CoreCommand> {
    CoreOp op = CoreOp::step;
    StepContext* ctx = nullptr;  // step: the step's request in, its results and costs out
    int slot = 0;                // clear: the slot whose KV cache is cleared (a step's slot is ctx->slot)
};

struct StepExtension : CommandExtension<StepExtension> {
    StepContext* ctx = nullptr;
    arch::Stage stage = arch::Stage::accept;
};

// A command's step context, or null after marking the payload
// TLM_GENERIC_ERROR_RESPONSE and reporting an error from `target`.
inline StepContext* required_context(StepContext* ctx, tlm::tlm_generic_payload& trans, const char* target,
                                     const char* command) {
    if (!ctx) {
        trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        SC_REPORT_ERROR(target, (std::string(command) + " without a StepContext").c_str());
    }
    return ctx;
}

}  // namespace mgpt::tlm_model
