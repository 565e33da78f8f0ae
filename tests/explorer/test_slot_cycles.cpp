// The explorer's cycle figures with several slots and cores (keys sequences,
// cores, schedule) against an independent computation: the workload dealt by
// hand from the golden model (docs/SEQUENCES.md), each core's slots scheduled
// by arch::schedule, the makespan, latency percentiles and busiest unit
// worked out here from the schedule itself.
#include <catch2/catch.hpp>

#include <algorithm>

#include "arch/cycle_model.hpp"
#include "arch/slot_schedule.hpp"
#include "explorer/evaluator.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer_test_helpers.hpp"
#include "model/golden_slots.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

struct Expected {
    uint64_t makespan = 0, total = 0, tokens = 0, steps = 0;
    std::vector<uint64_t> latencies;
    double bound = 0;
};

// percentile p of `v` by its definition: the smallest value that at least p% of the values do not exceed
uint64_t percentile(std::vector<uint64_t> v, int p) {
    std::sort(v.begin(), v.end());
    for (uint64_t x : v) {
        const auto not_above = static_cast<double>(std::count_if(v.begin(), v.end(), [&](uint64_t y) { return y <= x; }));
        if (not_above * 100 >= p * static_cast<double>(v.size())) return x;
    }
    return 0;
}

Expected by_hand(const QWeights& w, const WorkloadSpec& spec, const arch::DesignPoint& d) {
    const int slots = d.sequences * d.cores;
    std::vector<uint32_t> rng(slots);
    for (int g = 0; g < slots; ++g) rng[g] = golden::slot_seed(spec.seed, g);
    arch::SlotSteps all(slots);
    Expected e;
    for (int n = 0; n < spec.names; ++n) {
        const int g = n % slots;
        const auto gen = golden::generate(w, {spec.greedy, spec.temperature, d.numerics}, rng[g]);
        e.tokens += gen.tokens.size();
        for (size_t s = 0; s < gen.steps.size(); ++s) {
            arch::StepShape shape;
            shape.pos = gen.steps[s].pos;
            shape.greedy = gen.steps[s].greedy;
            shape.rms_early_exit = gen.results[s].rms_early_exit;
            all[g].push_back(arch::analytic_step_cycles(d, shape));
            e.total += all[g].back().total();
            ++e.steps;
        }
    }
    for (int k = 0; k < d.cores; ++k) {
        const arch::SlotSteps mine(all.begin() + k * d.sequences, all.begin() + (k + 1) * d.sequences);
        const arch::Schedule sch = arch::schedule(mine, d.schedule);
        e.makespan = std::max(e.makespan, sch.makespan);
        for (const auto& slot : sch.steps)
            for (const auto& span : slot) e.latencies.push_back(span.end - span.start);
        for (int u = 0; u < arch::kSharedUnitCount; ++u) e.bound = std::max<double>(e.bound, sch.units[u].busy);
    }
    e.bound /= static_cast<double>(e.makespan);
    return e;
}

}  // namespace

TEST_CASE("slot cycles: makespan, latency and the busiest unit equal the golden workload scheduled by hand",
          "[explorer][slots]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/smoke.cfg"));
    const QWeights w = load_rom_dir(s.workload.weights_dir);
    const Evaluator ev(s, w, load_model_calibration(test::source_path("explorer/calibration.csv")),
                       load_structural_index(default_structural_timing_paths()));
    arch::DesignPoint base = s.baseline;
    for (const char* design : {"baseline", "m10k"})
        for (const auto& [seq, cores] : std::vector<std::pair<int, int>>{{1, 1}, {2, 1}, {4, 1}, {16, 1}, {1, 2}, {4, 2}, {2, 8}})
            for (const auto policy : {arch::Policy::oldest, arch::Policy::round_robin}) {
                arch::DesignPoint d = base;
                if (std::string(design) == "m10k")
                    arch::apply_overrides(d, {"weight_memory=m10k", "weight_banks=2", "bram_ports=1", "kv_memory=m10k",
                                              "pipeline=1", "lanes=8"});
                d.sequences = seq;
                d.cores = cores;
                d.schedule = policy;
                CAPTURE(design, seq, cores, arch::policy_name(policy));
                const Expected e = by_hand(w, s.workload, d);
                const WorkloadCycles c = ev.workload_cycles(d);
                CHECK(c.makespan == e.makespan);
                CHECK(c.total_cycles == e.total);
                CHECK(c.generated_tokens == e.tokens);
                CHECK(c.steps == e.steps);
                CHECK(c.latency_p50 == percentile(e.latencies, 50));
                CHECK(c.latency_p99 == percentile(e.latencies, 99));
                double sum = 0;
                for (uint64_t l : e.latencies) sum += static_cast<double>(l);
                CHECK(c.latency_mean == Approx(sum / static_cast<double>(e.latencies.size())));
                CHECK(c.bound_utilisation == Approx(e.bound));
                if (seq * cores == 1) CHECK(c.makespan == c.total_cycles);
                // the row: tokens/s over the makespan, at the point's clock
                const PointRow r = ev.evaluate({1, "grid", d});
                CHECK(r.makespan_cycles == e.makespan);
                CHECK(r.tokens_per_s == Approx(static_cast<double>(e.tokens) * r.f_mhz * 1e6 / e.makespan).margin(0.05));
            }
}

TEST_CASE("slot cycles: more slots shorten the workload on the baseline, and one core of S slots is not K cores",
          "[explorer][slots]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/smoke.cfg"));
    const QWeights w = load_rom_dir(s.workload.weights_dir);
    const Evaluator ev(s, w, load_model_calibration(test::source_path("explorer/calibration.csv")),
                       load_structural_index(default_structural_timing_paths()));
    arch::DesignPoint d = s.baseline;
    const uint64_t one = ev.workload_cycles(d).makespan;
    d.sequences = 4;
    const WorkloadCycles four = ev.workload_cycles(d);
    // Units overlap: shorter than one slot, never shorter than the busiest unit's work.
    CHECK(four.makespan < one);
    CHECK(four.bound_utilisation <= 1.0);
    CHECK(four.latency_mean > ev.workload_cycles(s.baseline).latency_mean);  // each token waits for shared units
    d.sequences = 1;
    d.cores = 4;
    const WorkloadCycles cores = ev.workload_cycles(d);
    // Four cores share nothing: each runs a quarter of the names alone, so
    // every step's latency is its own cycles (the names are S x K = 4 slots'
    // either way, so the total work is the same as one core's four slots).
    CHECK(cores.makespan < four.makespan);
    CHECK(cores.latency_mean == Approx(static_cast<double>(cores.total_cycles) / static_cast<double>(cores.steps)));
    CHECK(cores.total_cycles == four.total_cycles);
}
