// Several slots on several cores (docs/SCHEDULING.md "TLM"): the TLM's
// contention, waits and spans equal the fast engine's (arch::SlotScheduler run
// per core) on the TLM's own step cycles and on the closed form's, and its
// tokens equal golden::generate_slots.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <unistd.h>

#include "arch/cycle_model.hpp"
#include "arch/slot_schedule.hpp"
#include "model/golden_slots.hpp"
#include "sc_test_helpers.hpp"
#include "systemc_models/run_schedule.hpp"

using namespace mgpt;

namespace {

// Core `core`'s slots' steps in each slot's order, as the engine's input: the
// TLM's own per-stage cycles, or (analytic) the closed form's of the steps'
// shapes (position, greedy, RMS early exits), the explorer's path.
arch::SlotSteps slot_steps(const tlm_model::RunResult& r, int core, bool greedy, bool analytic) {
    const int S = r.design.sequences;
    arch::SlotSteps out(static_cast<size_t>(S));
    for (const auto& s : r.steps)
        if (s.core == core)
            out[static_cast<size_t>(s.slot % S)].push_back(
                analytic ? arch::analytic_step_cycles(r.design, {s.pos, greedy, s.rms_early_exit}) : s.cycles);
    return out;
}

void check_equal(const arch::Schedule& tlm, const arch::Schedule& engine) {
    REQUIRE(tlm.steps.size() == engine.steps.size());
    for (size_t s = 0; s < tlm.steps.size(); ++s) {
        REQUIRE(tlm.steps[s].size() == engine.steps[s].size());
        for (size_t k = 0; k < tlm.steps[s].size(); ++k) {
            INFO("slot " << s << " step " << k);
            REQUIRE(tlm.steps[s][k].start == engine.steps[s][k].start);
            REQUIRE(tlm.steps[s][k].end == engine.steps[s][k].end);
        }
    }
    for (int u = 0; u < arch::kUnitCount; ++u) {
        INFO("unit " << arch::kUnitNames[u]);
        REQUIRE(tlm.units[u].busy == engine.units[u].busy);
        REQUIRE(tlm.units[u].wait == engine.units[u].wait);
    }
    REQUIRE(tlm.makespan == engine.makespan);
}

}  // namespace

TEST_CASE("TLM slots: spans, waits and busy cycles equal the slot scheduler on hundreds of random design points",
          "[tlm][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    std::mt19937 rng(1301);
    auto pick = [&](std::initializer_list<int> v) {
        return *(v.begin() + std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng));
    };
    std::vector<tlm_model::Job> jobs;
    for (int i = 0; i < 300; ++i) {
        arch::DesignPoint d = test::random_design(rng);
        d.sequences = pick({1, 2, 4, 8, 16});
        d.cores = i % 10 == 9 ? pick({4, 8}) : pick({1, 2});
        d.schedule = i % 2 ? arch::Policy::round_robin : arch::Policy::oldest;
        const bool greedy = i % 5 == 0;
        const uint16_t temperature = static_cast<uint16_t>(pick({0x0080, 0x0100, 0x0300}));
        jobs.push_back({d, {std::uniform_int_distribution<int>(3, 12)(rng), static_cast<uint32_t>(rng()),
                            {greedy, temperature, d.numerics}, i % 17 == 0}});
    }
    const auto results = tlm_model::simulate_tlm(w, jobs);
    REQUIRE(results.size() == jobs.size());
    arch::SlotScheduler engine;
    arch::Schedule want;
    size_t contended = 0, steps = 0;
    for (size_t j = 0; j < jobs.size(); ++j) {
        const tlm_model::Job& job = jobs[j];
        const tlm_model::RunResult& r = results[j];
        INFO("job " << j << ": " << arch::to_short_string(job.design) << ", " << job.workload.count << " names, seed "
                    << job.workload.seed << (job.workload.gen.greedy ? ", greedy" : ""));
        if (!job.workload.full_context) {
            const auto tokens = golden::generate_slots(w, job.workload.gen, job.workload.seed, job.design.sequences,
                                                       job.design.cores, job.workload.count);
            REQUIRE(r.names.size() == tokens.size());
            for (size_t n = 0; n < tokens.size(); ++n) REQUIRE(r.names[n] == golden::tokens_to_name(tokens[n]));
        }
        REQUIRE(r.unit_loads.size() == static_cast<size_t>(job.design.cores));
        uint64_t makespan = 0;
        for (int c = 0; c < job.design.cores; ++c) {
            INFO("core " << c);
            const arch::Schedule tlm = tlm_model::schedule_of_core(r, c);
            for (bool analytic : {false, true}) {
                INFO((analytic ? "engine on the closed form's cycles" : "engine on the TLM's cycles"));
                engine.run(slot_steps(r, c, job.workload.gen.greedy, analytic), job.design.schedule, want);
                check_equal(tlm, want);
            }
            makespan = std::max(makespan, tlm.makespan);
            for (int u = 0; u < arch::kSharedUnitCount; ++u) contended += tlm.units[u].wait > 0;
        }
        for (const auto& s : r.steps) REQUIRE(s.slot / job.design.sequences == s.core);
        REQUIRE(r.makespan == makespan);
        steps += r.steps.size();
    }
    CHECK(steps > 5000);
    CHECK(contended > 300);  // the slots did contend: the comparison covers waits
}

// Two slots of the baseline, greedy: both run the same name. By hand: both
// accept at cycle 0 (1 cycle); at cycle 1 both want the vector unit for load;
// slot 0 wins (oldest: equal step starts, lower index; round robin: slot 0
// first), so slot 1 waits exactly slot 0's load. Each slot's steps are back to
// back, each at least its own cycles long, and (docs/SCHEDULING.md "Identical
// slots") slot 0's k-th step ends no later than slot 1's.
TEST_CASE("TLM slots: two identical greedy slots, by hand", "[tlm][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    std::vector<tlm_model::Job> jobs;
    for (const char* policy : {"oldest", "round_robin"})
        jobs.push_back({test::with(test::baseline(), {"sequences=2", std::string("schedule=") + policy}),
                        {2, 7, {true, 0x100, Numerics::saturating}}});
    const auto results = tlm_model::simulate_tlm(w, jobs);
    for (const auto& r : results) {
        INFO("schedule " << arch::policy_name(r.design.schedule));
        REQUIRE(r.names.size() == 2);
        CHECK(r.names[0] == r.names[1]);
        std::vector<const tlm_model::StepRecord*> slot[2];
        for (const auto& s : r.steps) slot[s.slot].push_back(&s);
        REQUIRE(slot[0].size() == slot[1].size());
        const size_t load = static_cast<size_t>(arch::Stage::load);
        CHECK(slot[0][0]->start == 0);
        CHECK(slot[1][0]->start == 0);
        CHECK(slot[1][0]->waits[load] == slot[0][0]->cycles.cycles[load]);
        uint64_t cycles = 0;
        for (const auto& one : slot) {
            uint64_t t = 0;
            for (const auto* s : one) {
                CHECK(s->start == t);
                CHECK(s->end >= t + s->cycles.total());
                t = s->end;
            }
        }
        for (size_t k = 0; k < slot[0].size(); ++k) {
            CHECK(slot[0][k]->cycles.cycles == slot[1][k]->cycles.cycles);
            CHECK(slot[0][k]->end <= slot[1][k]->end);
            cycles += slot[0][k]->cycles.total();
        }
        CHECK(r.makespan == slot[1].back()->end);
        CHECK(r.total_cycles == 2 * cycles);
        CHECK(r.unit_loads[0][static_cast<size_t>(arch::Unit::vector)].wait >= slot[0][0]->cycles.cycles[load]);
    }
}

TEST_CASE("TLM slots: the VCD shows which slot holds each unit and each slot's stage", "[tlm][slots][trace]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const std::string path = "/tmp/mgpt_slots_trace_test_" + std::to_string(::getpid()) + ".vcd";
    const auto r = tlm_model::simulate_tlm(
        w, {{test::with(test::baseline(), {"sequences=2", "cores=2"}), {5, 2, {false, 0x80, Numerics::saturating}}}},
        path);
    std::ifstream in(path);
    REQUIRE(in);
    const std::string vcd((std::istreambuf_iterator<char>(in)), {});
    std::remove(path.c_str());
    for (const char* scope : {"core0", "core1"})
        CHECK_THAT(vcd, Catch::Contains(std::string("$scope module ") + scope + " $end"));
    for (const char* var : {" tile_slot ", " vector_slot ", " rms_slot ", " attention_slot ", " argmax_slot ",
                            " sampler_slot ", " slot0_stage ", " slot1_stage "})
        CHECK_THAT(vcd, Catch::Contains(var));
    // The cycle counter runs while the job runs: it ends at the makespan.
    const std::string last = test::last_vcd_value(vcd, " cycle [63:0]");
    REQUIRE_FALSE(last.empty());
    CHECK(std::stoull(last, nullptr, 2) == r[0].makespan);
}
