#include "tlm_engine.hpp"

#include "systemc_models/platform.hpp"

namespace mgpt::explorer {

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
        PointRow r = ev.with_cycles(analytic[i], run.steps.size(), run.generated_tokens, run.total_cycles,
                                    run.stall_cycles, worst, kTlmSource, worst_source);
        if (r.total_cycles != analytic[i].total_cycles || r.stall_cycles != analytic[i].stall_cycles ||
            r.generated_tokens != analytic[i].generated_tokens || r.worst_step_cycles != analytic[i].worst_step_cycles)
            out.disagreements.push_back("point " + std::to_string(points[i].index) + " (" +
                                        arch::to_short_string(points[i].design) + "): TLM " +
                                        std::to_string(r.total_cycles) + " cycles, analytic " +
                                        std::to_string(analytic[i].total_cycles));
        out.rows.push_back(r);
    }
    return out;
}

}  // namespace mgpt::explorer
