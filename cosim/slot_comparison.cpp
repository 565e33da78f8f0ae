#include "slot_comparison.hpp"

#include <algorithm>
#include <sstream>

#include "arch/slot_workload.hpp"
#include "model/golden_slots.hpp"

namespace mgpt::cosim {

tlm_model::RunResult expected_slot_run(const QWeights& w, const tlm_model::Job& job) {
    const int slots = job.design.sequences * job.design.cores;
    golden::GenerationConfig gen = job.workload.gen;
    gen.numerics = job.design.numerics;
    tlm_model::RunResult out;
    out.design = job.design;
    out.pll = arch::solve_pll(job.design.pll_mhz);
    std::vector<uint32_t> rng(static_cast<size_t>(slots));
    for (int s = 0; s < slots; ++s) rng[static_cast<size_t>(s)] = golden::slot_seed(job.workload.seed, s);
    arch::SlotShapes shapes(static_cast<size_t>(slots));
    std::vector<size_t> slot_step;  // per record: its index among its slot's steps
    for (int i = 0; i < job.workload.count; ++i) {
        const int s = i % slots;
        const golden::Generation g = golden::generate(w, gen, rng[static_cast<size_t>(s)]);
        for (size_t k = 0; k < g.steps.size(); ++k) {
            tlm_model::StepRecord r;
            r.name = i;
            r.pos = g.steps[k].pos;
            r.token_in = g.steps[k].token;
            r.token_out = g.results[k].next;
            r.rng_in = g.steps[k].rng_in;
            r.rng_out = g.results[k].rng_out;
            r.logits = g.results[k].logits;
            r.rms_early_exit = g.results[k].rms_early_exit;
            r.slot = s;
            r.core = s / job.design.sequences;
            slot_step.push_back(shapes[static_cast<size_t>(s)].size());
            shapes[static_cast<size_t>(s)].push_back({r.pos, g.steps[k].greedy, r.rms_early_exit});
            out.steps.push_back(r);
        }
        out.generated_tokens += g.tokens.size();
        out.names.push_back(golden::tokens_to_name(g.tokens));
    }
    // Each core schedules its own slots (the cores share nothing): core k's
    // are global slots k x S .. k x S + S - 1, its slot s global slot k x S + s.
    const int S = job.design.sequences, K = job.design.cores;
    const arch::SlotSteps cycles = arch::slot_step_cycles(job.design, shapes);
    std::vector<arch::Schedule> schedules(static_cast<size_t>(K));
    out.unit_loads.assign(static_cast<size_t>(K), {});
    for (int k = 0; k < K; ++k) {
        const arch::SlotSteps core_cycles(cycles.begin() + k * S, cycles.begin() + (k + 1) * S);
        arch::Schedule& schedule = schedules[static_cast<size_t>(k)];
        schedule = arch::schedule(core_cycles, job.design.schedule);
        out.makespan = std::max(out.makespan, schedule.makespan);
        out.unit_loads[static_cast<size_t>(k)] = schedule.units;
    }
    for (size_t i = 0; i < out.steps.size(); ++i) {
        tlm_model::StepRecord& r = out.steps[i];
        const auto s = static_cast<size_t>(r.slot);
        const auto per_core = static_cast<size_t>(S);
        const arch::StepSpan& span = schedules[s / per_core].steps[s % per_core][slot_step[i]];
        r.cycles = cycles[s][slot_step[i]];
        r.start = span.start;
        r.end = span.end;
        out.total_cycles += r.cycles.total();
        out.stall_cycles += r.cycles.total_stalls();
    }
    return out;
}

std::vector<std::string> compare_slot_steps(const std::vector<tlm_model::StepRecord>& got, const std::string& got_name,
                                            const std::vector<tlm_model::StepRecord>& want,
                                            const std::string& want_name, SlotFields fields, size_t limit) {
    std::vector<std::string> out;
    std::vector<int> slot_steps;  // steps seen per slot (workload order is each slot's run order)
    const auto n = std::min(got.size(), want.size());
    for (size_t i = 0; i < n && out.size() < limit; ++i) {
        const tlm_model::StepRecord& g = got[i];
        const tlm_model::StepRecord& w = want[i];
        const auto slot = static_cast<size_t>(std::max(w.slot, 0));
        if (slot_steps.size() <= slot) slot_steps.resize(slot + 1, 0);
        const int k = slot_steps[slot]++;
        auto differ = [&](const std::string& what, const std::string& got_value, const std::string& want_value) {
            if (out.size() >= limit) return;
            std::ostringstream m;
            m << "slot " << w.slot << " step " << k << " (name " << w.name << ", pos " << w.pos << "): " << what << ": "
              << got_name << " " << got_value << ", " << want_name << " " << want_value;
            out.push_back(m.str());
        };
        auto number = [&](const std::string& what, uint64_t a, uint64_t b) {
            if (a != b) differ(what, std::to_string(a), std::to_string(b));
        };
        if (g.name != w.name || g.pos != w.pos || g.token_in != w.token_in || g.rng_in != w.rng_in)
            differ("step input (name, pos, token, RNG state)",
                   std::to_string(g.name) + ", " + std::to_string(g.pos) + ", " + std::to_string(g.token_in) + ", " +
                       std::to_string(g.rng_in),
                   std::to_string(w.name) + ", " + std::to_string(w.pos) + ", " + std::to_string(w.token_in) + ", " +
                       std::to_string(w.rng_in));
        number("token", static_cast<uint64_t>(g.token_out), static_cast<uint64_t>(w.token_out));
        number("RNG state", g.rng_out, w.rng_out);
        for (int v = 0; v < kVocab; ++v)
            if (g.logits[static_cast<size_t>(v)] != w.logits[static_cast<size_t>(v)]) {
                differ("logit " + std::to_string(v), std::to_string(g.logits[static_cast<size_t>(v)]),
                       std::to_string(w.logits[static_cast<size_t>(v)]));
                break;
            }
        if (fields == SlotFields::values) continue;
        number("slot", static_cast<uint64_t>(g.slot), static_cast<uint64_t>(w.slot));
        number("core", static_cast<uint64_t>(g.core), static_cast<uint64_t>(w.core));
        number("start cycle", g.start, w.start);
        number("end cycle", g.end, w.end);
        for (int st = 0; st < arch::kStageCount; ++st)
            if (g.cycles.cycles[static_cast<size_t>(st)] != w.cycles.cycles[static_cast<size_t>(st)])
                differ(std::string("stage ") + arch::kStageNames[st],
                       std::to_string(g.cycles.cycles[static_cast<size_t>(st)]) + " cycles",
                       std::to_string(w.cycles.cycles[static_cast<size_t>(st)]));
    }
    if (got.size() != want.size() && out.size() < limit)
        out.push_back(got_name + " ran " + std::to_string(got.size()) + " steps, " + want_name + " " +
                      std::to_string(want.size()));
    return out;
}

std::vector<std::string> compare_unit_busy(const std::vector<std::array<uint64_t, arch::kUnitCount>>& got,
                                           const std::string& got_name, const std::vector<tlm_model::UnitLoads>& want,
                                           const std::string& want_name) {
    std::vector<std::string> out;
    if (got.size() != want.size()) {
        out.push_back("unit busy cycles: " + got_name + " has " + std::to_string(got.size()) + " cores, " +
                      want_name + " " + std::to_string(want.size()));
        return out;
    }
    for (size_t k = 0; k < got.size(); ++k)
        for (int u = 0; u < arch::kSharedUnitCount; ++u) {
            const uint64_t g = got[k][static_cast<size_t>(u)], w = want[k][static_cast<size_t>(u)].busy;
            if (g != w)
                out.push_back((got.size() > 1 ? "core " + std::to_string(k) + " " : std::string()) + "unit " +
                              arch::kUnitNames[u] + ": " + got_name + " " + std::to_string(g) + " busy cycles, " +
                              want_name + " " + std::to_string(w));
        }
    return out;
}

}  // namespace mgpt::cosim
