#include "tlm_engine.hpp"

#include "systemc_models/platform.hpp"

namespace mgpt::explorer {

namespace {

// The workload's cycle figures of a TLM run: its makespan, every step's
// latency (its end minus the cycle its slot was ready for it) and each
// core's unit busy cycles, as the TLM counted them.
WorkloadCycles run_cycles(const tlm_model::RunResult& run) {
    WorkloadCycles c;
    c.steps = run.steps.size();
    c.generated_tokens = run.generated_tokens;
    c.total_cycles = run.total_cycles;
    c.stall_cycles = run.stall_cycles;
    c.makespan = run.makespan;
    std::vector<UnitBusy> busy(run.unit_loads.size(), UnitBusy{});
    for (size_t k = 0; k < busy.size(); ++k)
        for (int u = 0; u < arch::kSharedUnitCount; ++u) busy[k][u] = run.unit_loads[k][u].busy;
    std::vector<uint64_t> latencies;
    for (const auto& s : run.steps) latencies.push_back(s.end - s.start);
    set_latency(c, latencies);
    set_bound(c, busy);
    return c;
}

}  // namespace

TlmOutcome evaluate_with_tlm(const Evaluator& ev, const QWeights& weights, const std::vector<PlannedPoint>& points,
                             const std::vector<PointRow>& analytic) {
    const WorkloadSpec& w = ev.sweep().workload;
    std::vector<tlm_model::Job> jobs;
    for (const auto& p : points) {
        const golden::GenerationConfig gen{w.greedy, w.temperature, p.design.numerics};
        jobs.push_back({p.design, {w.names, w.seed, gen, false}});
        // the worst step: a sampled full-context name reaches position 15
        jobs.push_back({p.design, {1, w.seed, {false, w.temperature, p.design.numerics}, true}});
    }
    const auto results = tlm_model::simulate_tlm(weights, jobs);
    TlmOutcome out;
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& run = results[2 * i];
        const auto& full = results[2 * i + 1];
        uint32_t worst = analytic[i].worst_step_cycles;
        std::string worst_source = analytic[i].worst_source;
        for (const auto& s : full.steps)
            if (s.pos == kContext - 1 && s.rms_early_exit == std::array<bool, 3>{false, false, false}) {
                worst = s.cycles.total();
                worst_source = kTlmSource;
            }
        PointRow r = ev.with_cycles(analytic[i], run_cycles(run), worst, kTlmSource, worst_source);
        if (r.total_cycles != analytic[i].total_cycles || r.stall_cycles != analytic[i].stall_cycles ||
            r.generated_tokens != analytic[i].generated_tokens || r.worst_step_cycles != analytic[i].worst_step_cycles ||
            r.makespan_cycles != analytic[i].makespan_cycles || r.latency_p99_cycles != analytic[i].latency_p99_cycles ||
            r.bound_unit != analytic[i].bound_unit)
            out.disagreements.push_back("point " + std::to_string(points[i].index) + " (" +
                                        arch::to_short_string(points[i].design) + "): TLM " +
                                        std::to_string(r.total_cycles) + " cycles, analytic " +
                                        std::to_string(analytic[i].total_cycles));
        out.rows.push_back(r);
    }
    return out;
}

}  // namespace mgpt::explorer
