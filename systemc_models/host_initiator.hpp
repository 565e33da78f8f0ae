// The host: runs the generation protocol of docs/NUMERICS.md against the core over
// TLM (clear the cache, one step command per position, feed each output token
// back, stop at BOS or after 16 steps), temporally decoupled with a quantum
// keeper, and records every step.
#pragma once
#include <functional>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "platform.hpp"
#include "step_protocol.hpp"

namespace mgpt::tlm_model {

class HostInitiator : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<HostInitiator, 32, CoreProtocol> core;

    // `before_job` switches the platform to the job's design point.
    HostInitiator(sc_core::sc_module_name name, const QWeights& weights, const golden::KvCache& kv,
                  const std::vector<Job>& jobs, std::function<void(const Job&)> before_job,
                  std::vector<RunResult>& results);

private:
    void run();
    void run_job(const Job& job, RunResult& out);
    void command(CoreOp op, StepContext* ctx);

    const QWeights& weights_;
    const golden::KvCache& kv_;
    const std::vector<Job>& jobs_;
    std::function<void(const Job&)> before_job_;
    std::vector<RunResult>& results_;
    tlm_utils::tlm_quantumkeeper qk_;
    CommandPayload<CoreCommand> cmd_;
};

}  // namespace mgpt::tlm_model
