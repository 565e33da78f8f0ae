#include "prediction.hpp"

#include <cstdio>

#include "arch/cycle_model.hpp"
#include "model/golden_step.hpp"

namespace mgpt::de1soc {

double WorkloadPrediction::tokens_per_second() const {
    return cycles ? static_cast<double>(tokens) * pll.f_out_mhz * 1e6 / static_cast<double>(cycles) : 0.0;
}

WorkloadPrediction predict_workload(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o) {
    WorkloadPrediction p;
    p.pll = arch::solve_pll(d.pll_mhz);
    golden::GenerationConfig gen = o.gen;
    gen.numerics = d.numerics;
    uint32_t rng = o.seed;
    for (int n = 0; n < o.count; ++n) {
        const golden::Generation g = golden::generate(w, gen, rng);
        NamePrediction np{golden::tokens_to_name(g.tokens), static_cast<int>(g.tokens.size()), 0};
        for (size_t i = 0; i < g.steps.size(); ++i)
            np.cycles += arch::analytic_step_cycles(d, {g.steps[i].pos, gen.greedy, g.results[i].rms_early_exit}).total();
        p.tokens += np.tokens;
        p.cycles += np.cycles;
        p.steps += g.steps.size();
        p.names.push_back(np);
    }
    return p;
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
