// The explorer's analytic engine against the SystemC TLM itself: on a sample
// of the default sweep's points (M10K weights and KV caches included), the
// per-point totals on the default 32-name workload and the worst step must be
// the TLM's, cycle for cycle. (One SystemC elaboration: this test case runs in
// its own process.)
#include <catch2/catch.hpp>

#include "explorer/evaluator.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/design_space.hpp"
#include "explorer/planner.hpp"
#include "explorer/tlm_engine.hpp"

#include <random>
#include "explorer_test_helpers.hpp"
#include "systemc_models/platform.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

TEST_CASE("explorer cycles equal the TLM's on 48 points of the default sweep", "[explorer][tlm]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/de1soc.cfg"));
    const QWeights w = load_rom_dir(s.workload.weights_dir);
    const Evaluator ev(s, w, load_model_calibration(test::source_path("explorer/calibration.csv")),
                       load_structural_index(default_structural_timing_paths()));
    // the baseline, then 16 logic-ROM points, 16 M10K-weight points and 15 M10K-KV points drawn from the sweep
    const DesignSpace space(s);
    std::mt19937_64 rng(2026);
    std::vector<PlannedPoint> sample{{0, "baseline", s.baseline}};
    int logic = 0, m10k = 0, kv = 0;
    for (long k = 1; sample.size() < 48 && k < 100000; ++k) {
        const PlannedPoint p{k, "sample", space.draw(rng)};
        const bool wm = p.design.weight_memory == arch::WeightMemory::m10k;
        const bool km = p.design.kv_memory == arch::KvMemory::m10k;
        if (wm && m10k < 16) ++m10k, sample.push_back(p);
        else if (!wm && km && kv < 15) ++kv, sample.push_back(p);
        else if (!wm && !km && logic < 16) ++logic, sample.push_back(p);
    }
    REQUIRE(sample.size() == 48);

    std::vector<tlm_model::Job> jobs;
    for (const auto& p : sample) {
        const golden::GenerationConfig gen{s.workload.greedy, s.workload.temperature, p.design.numerics};
        jobs.push_back({p.design, {s.workload.names, s.workload.seed, gen, false}});
        jobs.push_back({p.design, {1, s.workload.seed, {false, s.workload.temperature, p.design.numerics}, true}});
    }
    const auto tlm = tlm_model::simulate_tlm(w, jobs);
    int worst_checked = 0;
    for (size_t i = 0; i < sample.size(); ++i) {
        const PointRow r = ev.evaluate(sample[i]);
        const auto& run = tlm[2 * i];
        INFO("point " << sample[i].index << ": " << arch::to_short_string(sample[i].design));
        CHECK(r.total_cycles == run.total_cycles);
        CHECK(r.stall_cycles == run.stall_cycles);
        CHECK(r.generated_tokens == run.generated_tokens);
        CHECK(r.steps == run.steps.size());
        CHECK(r.tokens_per_s == Approx(run.tokens_per_second()).margin(0.05));  // points.csv keeps 0.1 token/s
        CHECK(r.cycles_source == "tlm-proven-analytic");
        for (const auto& st : tlm[2 * i + 1].steps)
            if (st.pos == 15 && st.rms_early_exit == std::array<bool, 3>{false, false, false}) {
                CHECK(r.worst_step_cycles == st.cycles.total());
                ++worst_checked;
            }
    }
    CHECK(worst_checked >= 40);
    CHECK(s.workload.names == 32);
}

TEST_CASE("explorer rows with several slots and cores equal the TLM engine's, cycle for cycle", "[explorer][tlm][slots]") {
    // The slots sweep's points (sequences, cores, schedule varied), through
    // explore's own TLM engine: every cycle figure of the row (makespan,
    // latency percentiles, busiest unit) must be the TLM's, with no disagreement.
    const Sweep s = load_sweep(test::source_path("configs/sweeps/de1soc_slots.cfg"));
    const QWeights w = load_rom_dir(s.workload.weights_dir);
    const Evaluator ev(s, w, load_model_calibration(test::source_path("explorer/calibration.csv")),
                       load_structural_index(default_structural_timing_paths()));
    const DesignSpace space(s);
    std::mt19937_64 rng(13);
    std::vector<PlannedPoint> sample;
    std::vector<PointRow> analytic;
    for (long k = 1; sample.size() < 40; ++k) {
        const PlannedPoint p{k, "sample", space.draw(rng)};
        if (p.design.sequences * p.design.cores == 1 && k % 4) continue;  // mostly several slots
        sample.push_back(p);
        analytic.push_back(ev.evaluate(p));
    }
    const TlmOutcome tlm = evaluate_with_tlm(ev, w, sample, analytic);
    CHECK(tlm.disagreements.empty());
    for (const auto& d : tlm.disagreements) INFO(d);
    REQUIRE(tlm.rows.size() == sample.size());
    int slots = 0;
    for (size_t i = 0; i < sample.size(); ++i) {
        const PointRow& a = analytic[i];
        const PointRow& t = tlm.rows[i];
        INFO("point " << sample[i].index << ": " << arch::to_short_string(sample[i].design));
        CHECK(t.cycles_source == kTlmSource);
        CHECK(t.makespan_cycles == a.makespan_cycles);
        CHECK(t.total_cycles == a.total_cycles);
        CHECK(t.latency_mean_cycles == a.latency_mean_cycles);
        CHECK(t.latency_p50_cycles == a.latency_p50_cycles);
        CHECK(t.latency_p99_cycles == a.latency_p99_cycles);
        CHECK(t.bound_unit == a.bound_unit);
        CHECK(t.tokens_per_s == a.tokens_per_s);
        slots += sample[i].design.sequences * sample[i].design.cores > 1;
    }
    CHECK(slots >= 30);
}
