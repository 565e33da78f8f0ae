#include "workload_profile.hpp"

#include <map>
#include <tuple>

#include "model/golden_step.hpp"

namespace mgpt::explorer {

WorkloadProfile profile_workload(const QWeights& w, const WorkloadSpec& spec, Numerics numerics) {
    WorkloadProfile p;
    p.numerics = numerics;
    const golden::GenerationConfig gen{spec.greedy, spec.temperature, numerics};
    uint32_t rng = spec.seed;  // carries from name to name, as on the board
    std::map<std::tuple<int, bool, bool, bool, bool>, uint64_t> counts;
    for (int n = 0; n < spec.names; ++n) {
        const golden::Generation g = golden::generate(w, gen, rng);
        p.generated_tokens += g.tokens.size();
        for (size_t s = 0; s < g.steps.size(); ++s) {
            const auto& e = g.results[s].rms_early_exit;
            ++counts[{g.steps[s].pos, g.steps[s].greedy, e[0], e[1], e[2]}];
            ++p.steps;
        }
    }
    for (const auto& [k, c] : counts) {
        arch::StepShape s;
        s.pos = std::get<0>(k);
        s.greedy = std::get<1>(k);
        s.rms_early_exit = {std::get<2>(k), std::get<3>(k), std::get<4>(k)};
        p.shapes.push_back({s, c});
    }
    return p;
}

arch::StepShape worst_step_shape() {
    arch::StepShape s;
    s.pos = kContext - 1;
    s.greedy = false;
    s.rms_early_exit = {false, false, false};
    return s;
}

}  // namespace mgpt::explorer
