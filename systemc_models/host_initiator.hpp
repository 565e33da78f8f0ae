// The host: runs the generation protocol of docs/NUMERICS.md against the
// cores over TLM (clear the slot's cache, one step command per position, feed
// each output token back, stop at BOS or after 16 steps) and records every step.
//
// One slot (sequences x cores = 1): one thread, temporally decoupled with a
// quantum keeper. Several: one thread per slot (docs/SEQUENCES.md: name i in
// slot i mod (S x K), slot g on core g / S), each running its names back to
// back: a step is ready the cycle its previous step ends, a name starts the
// cycle its previous name's last step ends (the KV clear between names costs
// no cycles). The cores' controllers wait explicitly in those threads
// (docs/SCHEDULING.md "TLM").
#pragma once
#include <functional>
#include <memory>
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "platform.hpp"
#include "step_protocol.hpp"
#include "trace_signals.hpp"

namespace mgpt::tlm_model {

class HostInitiator : public sc_core::sc_module {
public:
    // Bound to core 0, 1, ... in order.
    tlm_utils::multi_passthrough_initiator_socket<HostInitiator, 32, CoreProtocol> core;
    // The KV cache of slot `slot` of core `core` (the attention datapath reads it directly).
    using KvOf = std::function<const golden::KvCache&(int core, int slot)>;

    // `before_job` switches the platform to the job's design point. `trace`
    // non-null (trace mode, several slots): the host shows which slots still run.
    // `finished` is called once every job has run; empty: sc_stop() (a
    // co-simulation with two hosts stops when both are done).
    HostInitiator(sc_core::sc_module_name name, const QWeights& weights, KvOf kv, const std::vector<Job>& jobs,
                  std::function<void(const Job&)> before_job, std::vector<RunResult>& results,
                  TraceSignals* trace = nullptr, std::function<void()> finished = {});
    ~HostInitiator() override;

private:
    struct Slot;   // one slot's thread state
    struct Named;  // one name's steps and tokens
    void run();
    void run_job(const Job& job, RunResult& out);
    void run_slot(const Job& job, Slot& slot, std::vector<Named>& names);
    void run_name(const Job& job, Slot& slot, int index, Named& out);
    void command(Slot& slot, CoreOp op);

    const QWeights& weights_;
    KvOf kv_;
    const std::vector<Job>& jobs_;
    std::function<void(const Job&)> before_job_;
    std::vector<RunResult>& results_;
    TraceSignals* trace_;
    std::function<void()> finished_;
    tlm_utils::tlm_quantumkeeper qk_;
    int running_ = 0;          // slot threads of the current job still running
    sc_core::sc_event done_;   // the last one finished
    // The current job's slots and names: members, not locals of the host's
    // thread, so that a run the kernel stops mid-job (a co-simulation
    // mismatch) leaves nothing on an abandoned SC_THREAD stack.
    std::vector<std::unique_ptr<Slot>> slots_;
    std::vector<Named> names_;
};

}  // namespace mgpt::tlm_model
