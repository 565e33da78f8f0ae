#include "host_initiator.hpp"

namespace mgpt::tlm_model {

HostInitiator::HostInitiator(sc_core::sc_module_name name, const QWeights& weights, const golden::KvCache& kv,
                             const std::vector<Job>& jobs, std::function<void(const Job&)> before_job,
                             std::vector<RunResult>& results)
    : sc_module(name), core("core"), weights_(weights), kv_(kv), jobs_(jobs), before_job_(std::move(before_job)),
      results_(results) {
    SC_HAS_PROCESS(HostInitiator);
    SC_THREAD(run);
}

void HostInitiator::command(CoreOp op, StepContext* ctx) {
    cmd_.command().op = op;
    cmd_.command().ctx = ctx;
    tlm::tlm_generic_payload& trans = cmd_.for_transport();
    sc_core::sc_time delay = qk_.get_local_time();
    core->b_transport(trans, delay);
    if (trans.is_response_error()) SC_REPORT_FATAL(name(), "the core rejected a host command");
    qk_.set(delay);
    if (qk_.need_sync()) qk_.sync();
}

void HostInitiator::run_job(const Job& job, RunResult& out) {
    out.design = job.design;
    uint32_t rng = job.workload.seed;
    golden::GenerationConfig gen = job.workload.gen;
    gen.numerics = job.design.numerics;
    StepContext ctx;
    ctx.weights = &weights_;
    ctx.kv = &kv_;
    for (int n = 0; n < job.workload.count; ++n) {
        command(CoreOp::clear, nullptr);
        std::vector<int> tokens;
        int token = kBos;
        for (int pos = 0; pos < kContext; ++pos) {
            ctx.reset({token, pos, rng, gen.greedy, gen.temperature, gen.numerics});
            command(CoreOp::step, &ctx);
            StepRecord r;
            r.name = n;
            r.pos = pos;
            r.token_in = token;
            r.token_out = ctx.result.next;
            r.rng_in = rng;
            r.rng_out = ctx.result.rng_out;
            r.logits = ctx.result.logits;
            r.rms_early_exit = ctx.result.rms_early_exit;
            r.cycles = ctx.cycles;
            r.macs = ctx.macs;
            out.total_cycles += ctx.cycles.total();
            out.stall_cycles += ctx.cycles.total_stalls();
            out.steps.push_back(r);
            rng = ctx.result.rng_out;
            if (ctx.result.next == kBos && !job.workload.full_context) break;
            tokens.push_back(ctx.result.next);
            token = ctx.result.next;
        }
        out.generated_tokens += tokens.size();
        out.names.push_back(golden::tokens_to_name(tokens));
    }
}

void HostInitiator::run() {
    for (const Job& job : jobs_) {
        before_job_(job);
        results_.emplace_back();
        run_job(job, results_.back());
        qk_.sync();
    }
    sc_core::sc_stop();
}

}  // namespace mgpt::tlm_model
