#include "slot_reference.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "arch/slot_workload.hpp"
#include "arch/stage_units.hpp"
#include "model/golden_slots.hpp"

namespace mgpt::rtl_slots {

SlotReference slot_reference(const arch::DesignPoint& d, const QWeights& w, const golden::GenerationConfig& cfg,
                             uint32_t seed, int names) {
    const int slots = d.sequences * d.cores;
    SlotReference ref;
    ref.slots_per_core = d.sequences;
    ref.requests.resize(slots);
    ref.results.resize(slots);
    ref.name_steps.resize(slots);
    std::vector<uint32_t> rng(slots);
    for (int s = 0; s < slots; ++s) rng[s] = golden::slot_seed(seed, s);
    arch::SlotShapes shapes(slots);
    for (int i = 0; i < names; ++i) {
        const int s = i % slots;
        const golden::Generation g = golden::generate(w, cfg, rng[s]);
        ref.name_steps[s].push_back(static_cast<int>(g.steps.size()));
        for (size_t k = 0; k < g.steps.size(); ++k) {
            ref.requests[s].push_back(g.steps[k]);
            ref.results[s].push_back(g.results[k]);
            arch::StepShape shape;
            shape.pos = g.steps[k].pos;
            shape.greedy = g.steps[k].greedy;
            shape.rms_early_exit = g.results[k].rms_early_exit;
            shapes[s].push_back(shape);
        }
    }
    const arch::SlotSteps cycles = arch::slot_step_cycles(d, shapes);
    for (int k = 0; k < d.cores; ++k) {
        const arch::SlotSteps core_cycles(cycles.begin() + k * d.sequences, cycles.begin() + (k + 1) * d.sequences);
        const arch::Schedule c = arch::schedule(core_cycles, d.schedule, true);
        ref.schedule.makespan = std::max(ref.schedule.makespan, c.makespan);
        ref.schedule.steps.insert(ref.schedule.steps.end(), c.steps.begin(), c.steps.end());
        for (int u = 0; u < arch::kUnitCount; ++u) {
            ref.schedule.units[u].busy += c.units[u].busy;
            ref.schedule.units[u].wait += c.units[u].wait;
        }
        for (arch::Occupancy o : c.occupancy) {
            o.slot += static_cast<uint32_t>(k * d.sequences);
            ref.schedule.occupancy.push_back(o);
        }
    }
    return ref;
}

bool StageRun::operator<(const StageRun& o) const {
    return std::tie(slot, start, stage, step, end) < std::tie(o.slot, o.start, o.stage, o.step, o.end);
}
bool StageRun::operator==(const StageRun& o) const {
    return std::tie(slot, start, stage, step, end) == std::tie(o.slot, o.start, o.stage, o.step, o.end);
}

namespace {
std::string text(const StageRun& r) {
    std::ostringstream os;
    os << "slot " << r.slot << " step " << r.step << " " << arch::stage_name(static_cast<arch::Stage>(r.stage))
       << " [" << r.start << ", " << r.end << ")";
    return os.str();
}
}  // namespace

std::string compare_runs(const std::vector<StageRun>& runs, const arch::Schedule& schedule) {
    std::vector<StageRun> want;
    for (const arch::Occupancy& o : schedule.occupancy)
        want.push_back({o.slot, o.step, static_cast<int>(o.stage), o.start, o.end});
    std::vector<StageRun> got = runs;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    for (size_t i = 0; i < std::min(got.size(), want.size()); ++i)
        if (!(got[i] == want[i])) return "run " + std::to_string(i) + ": RTL " + text(got[i]) + ", scheduler " + text(want[i]);
    if (got.size() != want.size())
        return "RTL " + std::to_string(got.size()) + " stage runs, scheduler " + std::to_string(want.size());
    return "";
}

std::string unit_overlap(const std::vector<StageRun>& runs, int slots_per_core) {
    std::vector<std::vector<StageRun>> by_unit;  // [core x kSharedUnitCount + unit]
    for (const StageRun& r : runs) {
        const arch::Unit u = arch::unit_of(static_cast<arch::Stage>(r.stage));
        if (u == arch::Unit::none) continue;
        const size_t i = static_cast<size_t>(r.slot / slots_per_core) * arch::kSharedUnitCount + static_cast<size_t>(u);
        if (by_unit.size() <= i) by_unit.resize(i + 1);
        by_unit[i].push_back(r);
    }
    for (auto& list : by_unit) {
        std::sort(list.begin(), list.end(), [](const StageRun& a, const StageRun& b) { return a.start < b.start; });
        for (size_t i = 1; i < list.size(); ++i)
            if (list[i].start < list[i - 1].end) return text(list[i - 1]) + " and " + text(list[i]);
    }
    return "";
}

std::vector<std::vector<int>> names_of(const SlotReference& ref, const std::vector<std::vector<int>>& tokens) {
    const size_t slots = ref.name_steps.size();
    std::vector<std::vector<std::vector<int>>> per_slot(slots);
    for (size_t s = 0; s < slots; ++s) {
        size_t step = 0;
        for (int n : ref.name_steps[s]) {
            std::vector<int> name;
            for (int k = 0; k < n && step < tokens[s].size(); ++k, ++step)
                if (tokens[s][step] != kBos) name.push_back(tokens[s][step]);
            per_slot[s].push_back(name);
        }
    }
    std::vector<std::vector<int>> names;
    for (size_t k = 0;; ++k) {
        bool any = false;
        for (size_t s = 0; s < slots; ++s)
            if (k < per_slot[s].size()) {
                names.push_back(per_slot[s][k]);
                any = true;
            }
        if (!any) break;
    }
    return names;
}

}  // namespace mgpt::rtl_slots
