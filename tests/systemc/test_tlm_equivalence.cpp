// Invariants across the design space: micro-architecture changes time, never
// values; and the closed-form cycle model equals the TLM on every step.
#include <catch2/catch.hpp>

#include "arch/cycle_model.hpp"
#include "model/golden_slots.hpp"
#include "sc_test_helpers.hpp"

using namespace mgpt;

TEST_CASE("TLM tokens, logits and RNG states equal the golden model on every value of every key", "[tlm][golden]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    std::vector<tlm_model::Job> jobs;
    uint32_t seed = 1;
    for (const auto& d : test::one_key_at_a_time()) {
        // sampled at three temperatures and greedy, both profiles (via the numerics key)
        for (uint16_t t : {uint16_t{0x0080}, uint16_t{0x0100}, uint16_t{0x0300}})
            jobs.push_back({d, {4, seed++, {false, t, d.numerics}}});
        jobs.push_back({d, {2, seed++, {true, 0x0100, d.numerics}}});
    }
    std::mt19937 rng(11);
    for (int i = 0; i < 30; ++i) {
        const auto d = test::random_design(rng);
        jobs.push_back({d, {4, seed++, {i % 3 == 0, 0x0080, d.numerics}}});
    }
    const auto results = tlm_model::simulate_tlm(w, jobs);
    REQUIRE(results.size() == jobs.size());
    size_t steps = 0;
    for (size_t j = 0; j < jobs.size(); ++j) {
        INFO("design " << arch::to_short_string(jobs[j].design) << ", seed " << jobs[j].workload.seed);
        // name n runs in slot n mod (S x K), each slot's RNG from its seed (docs/SEQUENCES.md)
        const int slots = jobs[j].design.sequences * jobs[j].design.cores;
        std::vector<uint32_t> g_rng;
        for (int g = 0; g < slots; ++g) g_rng.push_back(golden::slot_seed(jobs[j].workload.seed, g));
        size_t k = 0;
        for (int n = 0; n < jobs[j].workload.count; ++n) {
            const auto g = golden::generate(w, jobs[j].workload.gen, g_rng[static_cast<size_t>(n % slots)]);
            REQUIRE(results[j].names[static_cast<size_t>(n)] == golden::tokens_to_name(g.tokens));
            for (size_t s = 0; s < g.results.size(); ++s, ++k) {
                const auto& t = results[j].steps.at(k);
                REQUIRE(t.token_out == g.results[s].next);
                REQUIRE(t.logits == g.results[s].logits);
                REQUIRE(t.rng_out == g.results[s].rng_out);
                REQUIRE(t.rms_early_exit == g.results[s].rms_early_exit);
            }
        }
        REQUIRE(k == results[j].steps.size());
        steps += k;
    }
    CHECK(steps > 1000);
}

TEST_CASE("the closed-form cycle model equals the TLM on every step of 300 random design points", "[tlm][analytic]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    std::mt19937 rng(2026);
    std::vector<tlm_model::Job> jobs;
    for (const auto& d : test::one_key_at_a_time()) jobs.push_back({d, {1, 5, {false, 0x0100, d.numerics}, true}});
    for (int i = 0; i < 300; ++i) {
        const auto d = test::random_design(rng);
        jobs.push_back({d, {2, static_cast<uint32_t>(i + 1), {i % 2 == 0, 0x0100, d.numerics}, i % 4 == 0}});
    }
    const auto results = tlm_model::simulate_tlm(w, jobs);
    size_t steps = 0;
    for (size_t j = 0; j < jobs.size(); ++j)
        for (const auto& s : results[j].steps) {
            const arch::StepCycles a =
                arch::analytic_step_cycles(jobs[j].design, {s.pos, jobs[j].workload.gen.greedy, s.rms_early_exit});
            INFO("design " << arch::to_short_string(jobs[j].design) << " pos " << s.pos);
            for (int i = 0; i < arch::kStageCount; ++i) {
                INFO("stage " << arch::kStageNames[i]);
                REQUIRE(s.cycles.cycles[i] == a.cycles[i]);
                REQUIRE(s.cycles.stalls[i] == a.stalls[i]);
                REQUIRE(s.cycles.fill[i] == a.fill[i]);
            }
            ++steps;
        }
    CHECK(steps > 1500);
}

// docs/MICROARCH.md "Pipeline": K register stages cost K cycles per tile pass and
// nothing else. The baseline's step has 14 passes (qkv 48/16 = 3, wo 1, fc1 64/16 = 4,
// fc2 4 column chunks, lm_head ceil(27/16) = 2): 14 K more cycles, all of them fill,
// on every step, with the same tokens.
TEST_CASE("the TLM: pipeline K adds K fill cycles per tile pass, the vector passes' drains, and changes no value",
          "[tlm][pipeline]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    std::vector<tlm_model::Job> jobs;
    for (int k = 0; k <= 3; ++k)
        jobs.push_back({test::with(test::baseline(), {"pipeline=" + std::to_string(k)}), {3, 7, {false, 0x0100, Numerics::saturating}}});
    const auto results = tlm_model::simulate_tlm(w, jobs);
    constexpr uint32_t kBaselinePasses = 3 + 1 + 4 + 4 + 2;
    // docs/MICROARCH.md "Pipeline": from level 1 the three vector passes that sum
    // squares (load, sumsq_attn, residual_attn) drain 3 cycles, the four others 1.
    constexpr uint32_t kVectorDrain = 3 * 3 + 4 * 1;
    for (int k = 1; k <= 3; ++k) {
        INFO("pipeline " << k);
        const auto& r0 = results[0];
        const auto& rk = results[static_cast<size_t>(k)];
        REQUIRE(rk.names == r0.names);
        REQUIRE(rk.steps.size() == r0.steps.size());
        for (size_t s = 0; s < rk.steps.size(); ++s) {
            CHECK(rk.steps[s].logits == r0.steps[s].logits);
            CHECK(rk.steps[s].cycles.total() == r0.steps[s].cycles.total() + kBaselinePasses * k + kVectorDrain);
            CHECK(rk.steps[s].cycles.total_fill() == kBaselinePasses * k + kVectorDrain);
            for (const auto [stage, drain] : {std::pair{arch::Stage::load, 3u}, {arch::Stage::sumsq_attn, 3u}, {arch::Stage::residual_attn, 3u},
                                              {arch::Stage::scale0, 1u}, {arch::Stage::scale_attn, 1u}, {arch::Stage::scale_mlp, 1u},
                                              {arch::Stage::residual_mlp, 1u}}) {
                const auto i = static_cast<size_t>(stage);
                CHECK(rk.steps[s].cycles.fill[i] == drain);
                CHECK(rk.steps[s].cycles.cycles[i] == r0.steps[s].cycles.cycles[i] + drain);
            }
            CHECK(r0.steps[s].cycles.total_fill() == 0);
        }
    }
}
