// The slot scheduler (arch/slot_schedule.hpp) on cases whose schedule is known:
// one slot (the plain sum of the stages, as today), hand-scheduled two-slot
// toys under both policies, the statistics and the workload helper.
// Random inputs against a per-cycle reference: test_slot_schedule_random.cpp.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "arch/cycle_model.hpp"
#include "arch/design_point.hpp"
#include "arch/schedule_summary.hpp"
#include "arch/slot_schedule.hpp"
#include "arch/slot_workload.hpp"

using namespace mgpt::arch;

namespace {

// The unit of every stage as docs/SCHEDULING.md lists it, written out here by
// name so that the library's table is checked against the document.
const std::map<std::string, std::string> kDocumentedUnits = {
    {"accept", "none"},        {"load", "vector"},       {"norm0", "rms"},           {"scale0", "vector"},
    {"sumsq_attn", "vector"},  {"norm_attn", "rms"},     {"scale_attn", "vector"},   {"qkv", "tile"},
    {"kv_write", "attention"}, {"attention", "attention"}, {"wo", "tile"},          {"residual_attn", "vector"},
    {"norm_mlp", "rms"},       {"scale_mlp", "vector"},  {"fc1", "tile"},            {"fc2", "tile"},
    {"residual_mlp", "vector"}, {"lm_head", "tile"},     {"argmax", "argmax"},       {"finish", "none"},
    {"sampler", "sampler"},    {"done", "none"}};

StepCycles toy_step(std::initializer_list<std::pair<Stage, uint32_t>> stages) {
    StepCycles c;
    for (const auto& [s, n] : stages) c.cycles[static_cast<int>(s)] = n;
    return c;
}

const UnitLoad& load_of(const Schedule& s, Unit u) { return s.units[static_cast<int>(u)]; }

// The occupancy records of a schedule as "unit:slot:stage@start-end", by start
// then unit, for comparison with the hand-made schedules below.
std::vector<std::string> intervals(const Schedule& s) {
    std::vector<Occupancy> o = s.occupancy;
    std::sort(o.begin(), o.end(), [](const Occupancy& a, const Occupancy& b) {
        return std::tie(a.start, a.unit, a.slot) < std::tie(b.start, b.unit, b.slot);
    });
    std::vector<std::string> r;
    for (const Occupancy& i : o)
        r.push_back(std::string(unit_name(i.unit)) + ":" + std::to_string(i.slot) + ":" + stage_name(i.stage) + "@" +
                    std::to_string(i.start) + "-" + std::to_string(i.end));
    return r;
}

}  // namespace

TEST_CASE("Every stage runs on the unit docs/SCHEDULING.md names", "[slot_schedule]") {
    for (int i = 0; i < kStageCount; ++i) {
        const Stage s = static_cast<Stage>(i);
        INFO(stage_name(s));
        REQUIRE(kDocumentedUnits.count(stage_name(s)) == 1);
        CHECK(unit_name(unit_of(s)) == kDocumentedUnits.at(stage_name(s)));
    }
    CHECK(kDocumentedUnits.size() == static_cast<size_t>(kStageCount));
}

TEST_CASE("One slot takes the plain sum of its stage cycles, never waits", "[slot_schedule]") {
    std::mt19937 rng(20240613);
    const std::string regression = std::string(MGPT_SOURCE_DIR) + "/configs/regression/";
    for (const char* point : {"r1_baseline", "r2_l1_c16", "r3_l2_c8", "r4_l4_c4", "r5_l8_c2", "r6_l32_c1",
                              "r7_l64_c2", "r8_l16_c4"}) {
        const DesignPoint d = load_design(regression + point + ".cfg");
        SlotShapes shapes(1);
        for (int pos = 0; pos < 16; ++pos) {
            StepShape s;
            s.pos = pos;
            s.greedy = rng() % 3 == 0;
            s.rms_early_exit = {rng() % 2 == 0, rng() % 4 == 0, rng() % 4 == 0};
            shapes[0].push_back(s);
        }
        const SlotSteps steps = slot_step_cycles(d, shapes);
        // Expected figures, summed here from the cycle model and the document's unit names.
        uint64_t total = 0;
        std::map<std::string, uint64_t> busy;
        for (const StepCycles& c : steps[0])
            for (int i = 0; i < kStageCount; ++i) {
                total += c.cycles[i];
                busy[kDocumentedUnits.at(kStageNames[i])] += c.cycles[i];
            }
        for (Policy policy : {Policy::oldest, Policy::round_robin}) {
            INFO(point << " " << policy_name(policy));
            const Schedule s = schedule(steps, policy);
            CHECK(s.makespan == total);
            uint64_t at = 0;
            REQUIRE(s.steps.size() == 1);
            REQUIRE(s.steps[0].size() == steps[0].size());
            for (size_t k = 0; k < steps[0].size(); ++k) {
                CHECK(s.steps[0][k].start == at);
                at += steps[0][k].total();
                CHECK(s.steps[0][k].end == at);
            }
            for (int u = 0; u < kUnitCount; ++u) {
                INFO(unit_name(static_cast<Unit>(u)));
                CHECK(s.units[u].busy == busy[unit_name(static_cast<Unit>(u))]);
                CHECK(s.units[u].wait == 0);
            }
        }
    }
}

TEST_CASE("Two slots on a three-stage toy: oldest keeps serving the older step", "[slot_schedule]") {
    // Each slot: scale0 (vector, 2), sumsq_attn (vector, 2), norm_attn (rms, 3); one step.
    // oldest (both steps start at 0, ties go to slot 0):
    //   t=0  vector: slot 0 scale0 [0,2)        slot 1 waits for vector
    //   t=2  slot 0 ready for vector again; both steps started at 0 -> slot 0 sumsq [2,4)
    //   t=4  slot 0 norm_attn on rms [4,7); vector: slot 1 scale0 [4,6) (waited 4)
    //   t=6  slot 1 sumsq [6,8);  t=7 slot 0 done;  t=8 slot 1 norm_attn [8,11) (rms free since 7)
    // makespan 11; latencies 7 and 11; vector busy 8 wait 4; rms busy 6 wait 0.
    const StepCycles step = toy_step({{Stage::scale0, 2}, {Stage::sumsq_attn, 2}, {Stage::norm_attn, 3}});
    const SlotSteps steps = {{step}, {step}};
    const Schedule s = schedule(steps, Policy::oldest, true);
    CHECK(s.makespan == 11);
    CHECK(s.steps[0][0].start == 0);
    CHECK(s.steps[0][0].end == 7);
    CHECK(s.steps[1][0].start == 0);
    CHECK(s.steps[1][0].end == 11);
    CHECK(load_of(s, Unit::vector).busy == 8);
    CHECK(load_of(s, Unit::vector).wait == 4);
    CHECK(load_of(s, Unit::rms).busy == 6);
    CHECK(load_of(s, Unit::rms).wait == 0);
    CHECK(load_of(s, Unit::tile).busy == 0);
    CHECK(intervals(s) == std::vector<std::string>{"vector:0:scale0@0-2", "vector:0:sumsq_attn@2-4",
                                                   "vector:1:scale0@4-6", "rms:0:norm_attn@4-7",
                                                   "vector:1:sumsq_attn@6-8", "rms:1:norm_attn@8-11"});
}

TEST_CASE("Two slots on a three-stage toy: round robin alternates and takes longer", "[slot_schedule]") {
    // The same toy under round_robin (nobody served yet: slot 0 first):
    //   t=0  vector: slot 0 scale0 [0,2)
    //   t=2  slots 0 and 1 wait for vector; last served 0 -> slot 1 scale0 [2,4) (waited 2)
    //   t=4  both wait again; last served 1 -> slot 0 sumsq [4,6) (waited 2)
    //   t=6  slot 0 norm_attn [6,9); vector: slot 1 sumsq [6,8) (waited 2)
    //   t=8  slot 1 waits for rms;  t=9 slot 0 done, slot 1 norm_attn [9,12) (waited 1)
    // makespan 12 (oldest: 11); latencies 9 and 12; vector wait 6, rms wait 1.
    const StepCycles step = toy_step({{Stage::scale0, 2}, {Stage::sumsq_attn, 2}, {Stage::norm_attn, 3}});
    const SlotSteps steps = {{step}, {step}};
    const Schedule s = schedule(steps, Policy::round_robin, true);
    CHECK(s.makespan == 12);
    CHECK(s.steps[0][0].end == 9);
    CHECK(s.steps[1][0].end == 12);
    CHECK(load_of(s, Unit::vector).busy == 8);
    CHECK(load_of(s, Unit::vector).wait == 6);
    CHECK(load_of(s, Unit::rms).busy == 6);
    CHECK(load_of(s, Unit::rms).wait == 1);
    CHECK(intervals(s) == std::vector<std::string>{"vector:0:scale0@0-2", "vector:1:scale0@2-4",
                                                   "vector:0:sumsq_attn@4-6", "vector:1:sumsq_attn@6-8",
                                                   "rms:0:norm_attn@6-9", "rms:1:norm_attn@9-12"});
    const ScheduleSummary sum = summarize(s);
    CHECK(sum.tokens == 2);
    CHECK(sum.latency_mean == Approx(10.5));
    CHECK(sum.latency_p50 == 9);
    CHECK(sum.latency_p99 == 12);
    CHECK(sum.latency_max == 12);
    CHECK(sum.utilisation[static_cast<int>(Unit::vector)] == Approx(8.0 / 12));
    CHECK(sum.utilisation[static_cast<int>(Unit::rms)] == Approx(6.0 / 12));
}

TEST_CASE("oldest serves the slot whose step started first, round robin the next after the last", "[slot_schedule]") {
    // slot 0: step 0 = qkv (tile, 3); step 1 = load (vector, 1).
    // slot 1: one step: load (vector, 1), norm0 (rms, 2), scale0 (vector, 1).
    //   t=0  slot 0 qkv [0,3); slot 1 load [0,1) (vector last served: slot 1)
    //   t=1  slot 1 norm0 [1,3)
    //   t=3  slot 0's step 1 starts (at 3) and waits for vector with slot 1 (its step started at 0):
    //        oldest: slot 1 scale0 [3,4), then slot 0 load [4,5) (slot 0 waited 1)
    //        round robin: after slot 1 comes slot 0: slot 0 load [3,4), then slot 1 scale0 [4,5)
    // Both take 5 cycles; the order at t=3 differs, and oldest does not take the lowest index.
    const SlotSteps steps = {{toy_step({{Stage::qkv, 3}}), toy_step({{Stage::load, 1}})},
                             {toy_step({{Stage::load, 1}, {Stage::norm0, 2}, {Stage::scale0, 1}})}};
    const Schedule oldest = schedule(steps, Policy::oldest, true);
    CHECK(intervals(oldest) == std::vector<std::string>{"vector:1:load@0-1", "tile:0:qkv@0-3", "rms:1:norm0@1-3",
                                                        "vector:1:scale0@3-4", "vector:0:load@4-5"});
    CHECK(oldest.steps[0][1].start == 3);
    CHECK(oldest.steps[0][1].end == 5);
    CHECK(oldest.steps[1][0].end == 4);
    const Schedule rr = schedule(steps, Policy::round_robin, true);
    CHECK(intervals(rr) == std::vector<std::string>{"vector:1:load@0-1", "tile:0:qkv@0-3", "rms:1:norm0@1-3",
                                                    "vector:0:load@3-4", "vector:1:scale0@4-5"});
    CHECK(rr.steps[0][1].end == 4);
    CHECK(rr.steps[1][0].end == 5);
    for (const Schedule* s : {&oldest, &rr}) {
        CHECK(s->makespan == 5);
        CHECK(load_of(*s, Unit::vector).wait == 1);
    }
}

TEST_CASE("Controller states never wait and zero-cycle stages and empty steps are skipped", "[slot_schedule]") {
    // Three slots, each: accept (none, 2), load (vector, 1); slot 2 has an empty step first.
    // The accept states overlap (none is not exclusive); the loads queue: [2,3) [3,4) [4,5).
    const StepCycles step = toy_step({{Stage::accept, 2}, {Stage::load, 1}, {Stage::sampler, 0}});
    const SlotSteps steps = {{step}, {step}, {StepCycles{}, step}};
    for (Policy p : {Policy::oldest, Policy::round_robin}) {
        INFO(policy_name(p));
        const Schedule s = schedule(steps, p, true);
        CHECK(s.makespan == 5);
        CHECK(load_of(s, Unit::none).busy == 6);
        CHECK(load_of(s, Unit::none).wait == 0);
        CHECK(load_of(s, Unit::vector).wait == 0 + 1 + 2);
        CHECK(load_of(s, Unit::sampler).busy == 0);
        CHECK(s.steps[2][0].start == 0);
        CHECK(s.steps[2][0].end == 0);
        CHECK(s.steps[2][1].start == 0);
        CHECK(s.steps[2][1].end == 5);
        CHECK(s.occupancy.size() == 6);
    }
    CHECK(schedule({}, Policy::oldest).makespan == 0);
    CHECK(schedule({{}, {StepCycles{}}}, Policy::round_robin).makespan == 0);
}

TEST_CASE("A reused scheduler gives the same schedule and records occupancy only when asked", "[slot_schedule]") {
    const StepCycles step = toy_step({{Stage::scale0, 2}, {Stage::sumsq_attn, 2}, {Stage::norm_attn, 3}});
    SlotScheduler engine;
    Schedule s;
    engine.run({{step, step}, {step}, {step}}, Policy::round_robin, s, true);
    const Schedule first = s;
    CHECK(!first.occupancy.empty());
    engine.run({{step}}, Policy::oldest, s);  // smaller, other policy, no occupancy
    CHECK(s.makespan == 7);
    CHECK(s.steps.size() == 1);
    CHECK(s.occupancy.empty());
    engine.run({{step, step}, {step}, {step}}, Policy::round_robin, s, true);
    CHECK(s.makespan == first.makespan);
    CHECK(intervals(s) == intervals(first));
    for (int u = 0; u < kUnitCount; ++u) {
        CHECK(s.units[u].busy == first.units[u].busy);
        CHECK(s.units[u].wait == first.units[u].wait);
    }
}

TEST_CASE("More slots than the event key holds is an error naming the limit", "[slot_schedule]") {
    const SlotSteps steps(kMaxSlots + 1);
    CHECK_THROWS_WITH(schedule(steps, Policy::oldest), Catch::Contains("65537 slots, at most 65536"));
}

TEST_CASE("A schedule longer than the event key's cycles is an error", "[slot_schedule]") {
    // 2,980 steps of 22 stages at 2^32 - 1 cycles: 65,560 x (2^32 - 1) > 2^48 - 1.
    StepCycles longest;
    longest.cycles.fill(UINT32_MAX);
    const SlotSteps steps = {std::vector<StepCycles>(2980, longest)};
    CHECK_THROWS_AS(schedule(steps, Policy::oldest), std::overflow_error);
    const SlotSteps fits = {std::vector<StepCycles>(2970, longest)};  // 65,340 x (2^32 - 1) < 2^48
    CHECK(schedule(fits, Policy::round_robin).makespan == uint64_t{65340} * UINT32_MAX);
}

TEST_CASE("Nearest-rank percentiles", "[slot_schedule]") {
    std::vector<uint64_t> v;
    CHECK(nearest_rank(v, 50) == 0);
    v = {7};
    CHECK(nearest_rank(v, 1) == 7);
    CHECK(nearest_rank(v, 99) == 7);
    v = {5, 1, 3};  // ranks: p50 -> ceil(1.5) = 2nd = 3; p99 -> ceil(2.97) = 3rd = 5; p33 -> ceil(0.99) = 1st
    CHECK(nearest_rank(v, 50) == 3);
    CHECK(nearest_rank(v, 99) == 5);
    CHECK(nearest_rank(v, 33) == 1);
    CHECK(nearest_rank(v, 34) == 3);
    v.clear();
    for (uint64_t i = 100; i >= 1; --i) v.push_back(i);
    CHECK(nearest_rank(v, 50) == 50);
    CHECK(nearest_rank(v, 99) == 99);
    CHECK(nearest_rank(v, 100) == 100);
    v.push_back(101);  // 101 values: p99 -> ceil(99.99) = 100th
    CHECK(nearest_rank(v, 99) == 100);
    CHECK_THROWS_WITH(nearest_rank(v, 0), Catch::Contains("legal 1..100"));
    CHECK_THROWS_WITH(nearest_rank(v, 101), Catch::Contains("legal 1..100"));
}

TEST_CASE("Slot steps from shapes are the closed-form cycles of each shape", "[slot_schedule]") {
    DesignPoint d;
    set_key(d, "sampler", "parallel");
    StepShape a, b;
    a.pos = 3;
    b.pos = 9;
    b.greedy = true;
    b.rms_early_exit = {true, false, true};
    const SlotSteps steps = slot_step_cycles(d, {{a, b}, {}, {b}});
    REQUIRE(steps.size() == 3);
    REQUIRE(steps[0].size() == 2);
    CHECK(steps[0][0].cycles == analytic_step_cycles(d, a).cycles);
    CHECK(steps[0][1].cycles == analytic_step_cycles(d, b).cycles);
    CHECK(steps[1].empty());
    CHECK(steps[2][0].cycles == analytic_step_cycles(d, b).cycles);
    CHECK(steps[2][0].cycles[static_cast<int>(Stage::sampler)] == 0);  // greedy: no sampler stage
}
