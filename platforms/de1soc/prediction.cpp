#include "prediction.hpp"

#include <cstdio>

#include "arch/slot_schedule.hpp"
#include "arch/slot_workload.hpp"
#include "model/golden_slots.hpp"

namespace mgpt::de1soc {

double WorkloadPrediction::tokens_per_second() const {
    return cycles ? static_cast<double>(tokens) * pll.f_out_mhz * 1e6 / static_cast<double>(cycles) : 0.0;
}

WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const golden::GenerationConfig& g,
                                    uint32_t seed, int count) {
    WorkloadPrediction p;
    p.pll = arch::solve_pll(d.pll_mhz);
    p.slots = d.sequences;
    golden::GenerationConfig gen = g;
    gen.numerics = d.numerics;
    const int slots = d.sequences;
    p.final_rng.resize(slots);
    for (int s = 0; s < slots; ++s) p.final_rng[s] = golden::slot_seed(seed, s);
    // name i in slot i mod S; each slot's steps in order, for the slot schedule
    arch::SlotShapes shapes(slots);
    std::vector<std::vector<size_t>> steps_of(count);  // name -> indices of its steps in its slot's list
    for (int n = 0; n < count; ++n) {
        const int s = n % slots;
        const golden::Generation gn = golden::generate(w, gen, p.final_rng[s]);
        for (size_t i = 0; i < gn.steps.size(); ++i) {
            steps_of[n].push_back(shapes[s].size());
            shapes[s].push_back({gn.steps[i].pos, gen.greedy, gn.results[i].rms_early_exit});
        }
        p.names.push_back({golden::tokens_to_name(gn.tokens), gn.tokens, static_cast<int>(gn.tokens.size()), s, 0});
        p.tokens += gn.tokens.size();
        p.steps += gn.steps.size();
    }
    const arch::Schedule sched = arch::schedule(arch::slot_step_cycles(d, shapes), d.schedule);
    for (int n = 0; n < count; ++n)
        for (size_t i : steps_of[n]) p.names[n].cycles += sched.steps[n % slots][i].latency();
    p.cycles = sched.makespan;
    return p;
}

WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o) {
    return predict_workload(d, w, o.gen, o.seed, o.count);
}

std::string pll_text(const arch::PllSetting& p) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%.4f MHz = 50 MHz x %d / (%d x %d), VCO %.1f MHz, %s", p.f_out_mhz, p.m, p.n, p.c,
                  p.vco_mhz, p.exact ? "exact" : "nearest reachable");
    std::string s = buf;
    if (!p.exact) {
        std::snprintf(buf, sizeof buf, " to the requested %.4f MHz", p.requested_mhz);
        s += buf;
    }
    return s;
}

}  // namespace mgpt::de1soc
