// The checks of a co-simulation with several slots (cosim/slot_comparison.hpp):
// the refine mode's reference (golden values, closed-form cycles, exact slot
// schedule) equals a TLM-only run step for step, and an RTL answer edited in
// one field (a stage's cycles, a start cycle, a logit, a unit's busy cycles,
// a missing step) is caught, named by slot, the slot's step, the field and
// both values; an unedited one passes.
#include <catch2/catch.hpp>

#include "cosim/slot_comparison.hpp"
#include "sc_test_helpers.hpp"

using namespace mgpt;

namespace {

tlm_model::Job slot_job(int slots, arch::Policy policy, int cores = 1) {
    tlm_model::Job job{test::baseline(), {6, 11, {false, 0x0080, Numerics::saturating}}};
    job.design.sequences = slots;
    job.design.cores = cores;
    job.design.schedule = policy;
    return job;
}

// A TLM run's busy cycles per core and unit, as the RTL's clock counts them.
std::vector<std::array<uint64_t, arch::kUnitCount>> busy_of(const tlm_model::RunResult& r) {
    std::vector<std::array<uint64_t, arch::kUnitCount>> out(r.unit_loads.size());
    for (size_t k = 0; k < out.size(); ++k)
        for (int u = 0; u < arch::kUnitCount; ++u) out[k][u] = r.unit_loads[k][u].busy;
    return out;
}

// The index of slot `slot`'s step `k` in workload order.
size_t step_of(const std::vector<tlm_model::StepRecord>& steps, int slot, int k) {
    for (size_t i = 0; i < steps.size(); ++i)
        if (steps[i].slot == slot && k-- == 0) return i;
    FAIL("no step " << k << " of slot " << slot);
    return 0;
}

}  // namespace

// Every job's reference against its TLM run (one simulate_tlm: SystemC elaborates once).
void check_reference_equals_tlm(const std::vector<tlm_model::Job>& jobs) {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const std::vector<tlm_model::RunResult> runs = tlm_model::simulate_tlm(w, jobs);
    REQUIRE(runs.size() == jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) {
        const tlm_model::Job& job = jobs[j];
        INFO("sequences " << job.design.sequences << ", cores " << job.design.cores);
        const tlm_model::RunResult want = cosim::expected_slot_run(w, job);
        const tlm_model::RunResult& tlm = runs[j];
        CHECK(cosim::compare_slot_steps(tlm.steps, "TLM", want.steps, "closed form", cosim::SlotFields::all).empty());
        REQUIRE(want.unit_loads.size() == static_cast<size_t>(job.design.cores));
        CHECK(cosim::compare_unit_busy(busy_of(tlm), "TLM", want.unit_loads, "closed form").empty());
        CHECK(tlm.names == want.names);
        CHECK(tlm.makespan == want.makespan);
        CHECK(tlm.generated_tokens == want.generated_tokens);
        REQUIRE(tlm.steps.size() == want.steps.size());
        for (size_t i = 0; i < tlm.steps.size(); ++i) CHECK(tlm.steps[i].core == want.steps[i].core);
    }
}

TEST_CASE("cosim slots: the refine mode's reference equals a TLM-only run", "[cosim][slots]") {
    check_reference_equals_tlm({slot_job(4, arch::Policy::round_robin)});
}

// Each core schedules only its own slots: scheduling the S x K slots as one
// core's (the reference did before cores reached the RTL) shares the units
// across cores and gets every start, end and busy count wrong.
TEST_CASE("cosim slots: with two cores the reference schedules each core on its own, as the TLM does",
          "[cosim][slots][cores]") {
    check_reference_equals_tlm({slot_job(2, arch::Policy::oldest, 2), slot_job(1, arch::Policy::oldest, 2)});
}

TEST_CASE("cosim slots: an RTL answer edited in one field is named by slot, step, field and both values",
          "[cosim][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Job job = slot_job(2, arch::Policy::oldest);
    const tlm_model::RunResult want = cosim::expected_slot_run(w, job);
    const auto compare = [&](const std::vector<tlm_model::StepRecord>& got) {
        return cosim::compare_slot_steps(got, "RTL", want.steps, "TLM", cosim::SlotFields::all);
    };
    REQUIRE(compare(want.steps).empty());
    const size_t i = step_of(want.steps, 1, 2);
    const tlm_model::StepRecord& r = want.steps[i];
    const std::string where =
        "slot 1 step 2 (name " + std::to_string(r.name) + ", pos " + std::to_string(r.pos) + "): ";

    auto got = want.steps;
    const int attention = static_cast<int>(arch::Stage::attention);
    got[i].cycles.cycles[attention] += 1;
    const std::string tlm_cycles = std::to_string(r.cycles.cycles[attention]);
    CHECK(compare(got) == std::vector<std::string>{where + "stage attention: RTL " +
                                                   std::to_string(r.cycles.cycles[attention] + 1) + " cycles, TLM " +
                                                   tlm_cycles});

    got = want.steps;
    got[i].start += 1;
    CHECK(compare(got) == std::vector<std::string>{where + "start cycle: RTL " + std::to_string(r.start + 1) +
                                                   ", TLM " + std::to_string(r.start)});

    got = want.steps;
    got[i].end -= 1;
    got[i].token_out = (r.token_out + 1) % kVocab;
    CHECK(compare(got) == std::vector<std::string>{
                              where + "token: RTL " + std::to_string(got[i].token_out) + ", TLM " +
                                  std::to_string(r.token_out),
                              where + "end cycle: RTL " + std::to_string(r.end - 1) + ", TLM " + std::to_string(r.end)});

    got = want.steps;
    got[i].logits[5] += 1;
    got[i].rng_out ^= 1;
    const auto values = cosim::compare_slot_steps(got, "RTL", want.steps, "golden", cosim::SlotFields::values);
    CHECK(values == std::vector<std::string>{
                        where + "RNG state: RTL " + std::to_string(r.rng_out ^ 1) + ", golden " +
                            std::to_string(r.rng_out),
                        where + "logit 5: RTL " + std::to_string(r.logits[5] + 1) + ", golden " +
                            std::to_string(r.logits[5])});

    got = want.steps;
    got[i].slot = 0;  // a step run in the wrong slot
    CHECK(compare(got) == std::vector<std::string>{where + "slot: RTL 0, TLM 1"});

    got = want.steps;
    got.pop_back();
    CHECK(compare(got) == std::vector<std::string>{"RTL ran " + std::to_string(want.steps.size() - 1) + " steps, TLM " +
                                                   std::to_string(want.steps.size())});

    auto busy = busy_of(want);
    CHECK(cosim::compare_unit_busy(busy, "RTL", want.unit_loads, "TLM").empty());
    busy[0][static_cast<int>(arch::Unit::tile)] += 3;
    CHECK(cosim::compare_unit_busy(busy, "RTL", want.unit_loads, "TLM") ==
          std::vector<std::string>{"unit tile: RTL " + std::to_string(busy[0][static_cast<int>(arch::Unit::tile)]) +
                                   " busy cycles, TLM " +
                                   std::to_string(want.unit_loads.at(0)[static_cast<int>(arch::Unit::tile)].busy)});
}

TEST_CASE("cosim slots: with two cores a step on the wrong core and a core's unit busy cycles are named",
          "[cosim][slots][cores]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::RunResult want = cosim::expected_slot_run(w, slot_job(2, arch::Policy::round_robin, 2));
    auto got = want.steps;
    const size_t i = step_of(want.steps, 3, 0);  // global slot 3: slot 1 of core 1
    REQUIRE(want.steps[i].core == 1);
    got[i].core = 0;
    const auto diffs = cosim::compare_slot_steps(got, "RTL", want.steps, "TLM", cosim::SlotFields::all);
    CHECK(diffs == std::vector<std::string>{"slot 3 step 0 (name 3, pos 0): core: RTL 0, TLM 1"});

    auto busy = busy_of(want);
    REQUIRE(busy.size() == 2);
    busy[1][static_cast<int>(arch::Unit::sampler)] -= 1;
    CHECK(cosim::compare_unit_busy(busy, "RTL", want.unit_loads, "TLM") ==
          std::vector<std::string>{"core 1 unit sampler: RTL " +
                                   std::to_string(busy[1][static_cast<int>(arch::Unit::sampler)]) +
                                   " busy cycles, TLM " +
                                   std::to_string(want.unit_loads[1][static_cast<int>(arch::Unit::sampler)].busy)});
    busy.pop_back();
    CHECK(cosim::compare_unit_busy(busy, "RTL", want.unit_loads, "TLM") ==
          std::vector<std::string>{"unit busy cycles: RTL has 1 cores, TLM 2"});
}
