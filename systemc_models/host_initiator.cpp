#define SC_INCLUDE_DYNAMIC_PROCESSES  // sc_spawn: one thread per slot
#include "host_initiator.hpp"

#include <algorithm>

#include "arch/stage_units.hpp"
#include "model/golden_slots.hpp"

namespace mgpt::tlm_model {

struct HostInitiator::Slot {
    int global = 0, core = 0, local = 0;
    bool decoupled = true;  // one slot alone: the quantum keeper's local time
    uint32_t rng = 0;
    uint64_t cycle = 0;     // the cycle its next step is ready
    StepContext ctx;
    CommandPayload<CoreCommand> cmd;
};

struct HostInitiator::Named {
    std::vector<int> tokens;
    std::vector<StepRecord> steps;
};

HostInitiator::~HostInitiator() = default;

HostInitiator::HostInitiator(sc_core::sc_module_name name, const QWeights& weights, KvOf kv,
                             const std::vector<Job>& jobs, std::function<void(const Job&)> before_job,
                             std::vector<RunResult>& results, TraceSignals* trace, std::function<void()> finished)
    : sc_module(name), core("core"), weights_(weights), kv_(std::move(kv)), jobs_(jobs),
      before_job_(std::move(before_job)), results_(results), trace_(trace), finished_(std::move(finished)) {
    SC_HAS_PROCESS(HostInitiator);
    SC_THREAD(run);
}

void HostInitiator::command(Slot& slot, CoreOp op) {
    slot.cmd.command().op = op;
    slot.cmd.command().ctx = op == CoreOp::step ? &slot.ctx : nullptr;
    slot.cmd.command().slot = slot.local;
    tlm::tlm_generic_payload& trans = slot.cmd.for_transport();
    sc_core::sc_time delay = slot.decoupled ? qk_.get_local_time() : sc_core::SC_ZERO_TIME;
    core[slot.core]->b_transport(trans, delay);
    if (trans.is_response_error()) SC_REPORT_FATAL(name(), "the core rejected a host command");
    if (!slot.decoupled) return;  // the core waited for the step's stages itself
    qk_.set(delay);
    if (qk_.need_sync()) qk_.sync();
}

void HostInitiator::run_name(const Job& job, Slot& slot, int index, Named& out) {
    golden::GenerationConfig gen = job.workload.gen;
    gen.numerics = job.design.numerics;
    command(slot, CoreOp::clear);
    int token = kBos;
    for (int pos = 0; pos < kContext; ++pos) {
        StepContext& ctx = slot.ctx;
        ctx.reset({token, pos, slot.rng, gen.greedy, gen.temperature, gen.numerics});
        ctx.start_cycle = slot.cycle;
        command(slot, CoreOp::step);
        StepRecord r;
        r.name = index;
        r.pos = pos;
        r.token_in = token;
        r.token_out = ctx.result.next;
        r.rng_in = slot.rng;
        r.rng_out = ctx.result.rng_out;
        r.logits = ctx.result.logits;
        r.rms_early_exit = ctx.result.rms_early_exit;
        r.cycles = ctx.cycles;
        r.macs = ctx.macs;
        r.slot = slot.global;
        r.core = slot.core;
        r.start = ctx.start_cycle;
        r.end = ctx.end_cycle;
        r.waits = ctx.waits;
        out.steps.push_back(r);
        slot.rng = ctx.result.rng_out;
        slot.cycle = ctx.end_cycle;
        if (ctx.result.next == kBos && !job.workload.full_context) break;
        out.tokens.push_back(ctx.result.next);
        token = ctx.result.next;
    }
}

// The slot's names i = g, g + S x K, ... in order.
void HostInitiator::run_slot(const Job& job, Slot& slot, std::vector<Named>& names) {
    const int slots = job.design.sequences * job.design.cores;
    for (int i = slot.global; i < job.workload.count; i += slots) run_name(job, slot, i, names[static_cast<size_t>(i)]);
    if (trace_ && !slot.decoupled) trace_->slot_stage(slot.core, slot.local).write(TraceSignals::kIdle);
}

void HostInitiator::run_job(const Job& job, RunResult& out) {
    out.design = job.design;
    const int S = job.design.sequences, K = job.design.cores;
    std::vector<std::unique_ptr<Slot>>& slots = slots_;
    slots.clear();
    for (int g = 0; g < S * K; ++g) {
        slots.emplace_back(new Slot);
        Slot& s = *slots.back();
        s.global = g;
        s.core = g / S;
        s.local = g % S;
        s.decoupled = S * K == 1;
        s.rng = golden::slot_seed(job.workload.seed, g);
        s.ctx.weights = &weights_;
        s.ctx.kv = &kv_(s.core, s.local);
        s.ctx.slot = s.local;
    }
    std::vector<Named>& names = names_;
    names.assign(static_cast<size_t>(std::max(job.workload.count, 0)), Named{});
    if (S * K == 1) {
        run_slot(job, *slots.front(), names);
    } else {
        if (trace_) trace_->busy.write(true);
        running_ = S * K;
        for (auto& s : slots)
            sc_core::sc_spawn([this, &job, &names, slot = s.get()] {
                run_slot(job, *slot, names);
                if (--running_ == 0) done_.notify();
            });
        sc_core::wait(done_);
        if (trace_) trace_->busy.write(false);
    }
    out.unit_loads.assign(static_cast<size_t>(K), UnitLoads{});
    for (Named& n : names) {
        for (const StepRecord& r : n.steps) {
            out.total_cycles += r.cycles.total();
            out.stall_cycles += r.cycles.total_stalls();
            out.makespan = std::max(out.makespan, r.end);
            UnitLoads& loads = out.unit_loads[static_cast<size_t>(r.core)];
            for (int i = 0; i < arch::kStageCount; ++i) {
                arch::UnitLoad& l = loads[static_cast<size_t>(arch::kStageUnits[i])];
                l.busy += r.cycles.cycles[static_cast<size_t>(i)];
                l.wait += r.waits[static_cast<size_t>(i)];
            }
            out.steps.push_back(r);
        }
        out.generated_tokens += n.tokens.size();
        out.names.push_back(golden::tokens_to_name(n.tokens));
    }
}

void HostInitiator::run() {
    for (const Job& job : jobs_) {
        before_job_(job);
        results_.emplace_back();
        run_job(job, results_.back());
        qk_.sync();
    }
    if (finished_)
        finished_();
    else
        sc_core::sc_stop();
}

}  // namespace mgpt::tlm_model
