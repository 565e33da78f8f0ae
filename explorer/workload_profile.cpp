#include "workload_profile.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

#include "model/golden_slots.hpp"
#include "model/golden_step.hpp"

namespace mgpt::explorer {

namespace {

arch::StepShape shape_of(const golden::Generation& g, size_t s) {
    arch::StepShape shape;
    shape.pos = g.steps[s].pos;
    shape.greedy = g.steps[s].greedy;
    shape.rms_early_exit = g.results[s].rms_early_exit;
    return shape;
}

}  // namespace

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
            const arch::StepShape shape = shape_of(g, s);
            const auto& e = shape.rms_early_exit;
            ++counts[{shape.pos, shape.greedy, e[0], e[1], e[2]}];
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

SlotProfile profile_slots(const QWeights& w, const WorkloadSpec& spec, Numerics numerics, int slots) {
    if (slots < 1 || slots > golden::kMaxSlots)
        throw std::invalid_argument("profile_slots: " + std::to_string(slots) + " slots (legal: 1.." +
                                    std::to_string(golden::kMaxSlots) + ")");
    SlotProfile p;
    p.numerics = numerics;
    p.slots = slots;
    p.steps.resize(slots);
    const golden::GenerationConfig gen{spec.greedy, spec.temperature, numerics};
    std::vector<uint32_t> rng(slots);
    for (int g = 0; g < slots; ++g) rng[g] = golden::slot_seed(spec.seed, g);
    std::map<std::tuple<int, bool, bool, bool, bool>, uint16_t> index;
    for (int n = 0; n < spec.names; ++n) {
        const int g = n % slots;
        const golden::Generation gen_n = golden::generate(w, gen, rng[g]);
        p.generated_tokens += gen_n.tokens.size();
        for (size_t s = 0; s < gen_n.steps.size(); ++s) {
            const arch::StepShape shape = shape_of(gen_n, s);
            const auto e = shape.rms_early_exit;
            const auto [it, added] = index.try_emplace({shape.pos, shape.greedy, e[0], e[1], e[2]},
                                                       static_cast<uint16_t>(p.shapes.size()));
            if (added) p.shapes.push_back(shape);
            p.steps[g].push_back(it->second);
            ++p.step_count;
        }
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
