// The slot scheduler (arch/slot_schedule.hpp) on hundreds of random workloads
// (up to 16 slots): equal, interval for interval, to a plain per-cycle
// simulation of the rules written independently below, and the invariants
// every schedule must meet.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include "arch/slot_schedule.hpp"

using namespace mgpt::arch;

namespace {

// A random workload: S slots of 0..5 steps, each with a random subset of
// stages at 1..12 cycles (every unit appears; identical slots when asked).
SlotSteps random_workload(std::mt19937& rng, int slots, bool identical) {
    SlotSteps w(static_cast<size_t>(slots));
    for (int s = 0; s < slots; ++s) {
        if (identical && s > 0) {
            w[s] = w[0];
            continue;
        }
        const int steps = static_cast<int>(rng() % 6);
        const uint32_t density = 1 + rng() % 4;  // a stage has cycles with probability density/4
        for (int k = 0; k < steps; ++k) {
            StepCycles c;
            for (int i = 0; i < kStageCount; ++i)
                if (rng() % 4 < density) c.cycles[i] = 1 + rng() % 12;
            w[s].push_back(c);
        }
    }
    return w;
}

// The rules simulated cycle by cycle, as docs/SCHEDULING.md states them: at
// each cycle t, first every stage ending at t releases its unit and its slot
// becomes ready for its next stage; then each free unit takes one ready slot
// (oldest: earliest step start, then lowest index; round robin: the first
// after the unit's last served slot, cyclically); `none` stages start at once.
std::vector<Occupancy> per_cycle_reference(const SlotSteps& w, Policy policy, uint64_t& makespan) {
    struct Item { Unit unit; Stage stage; uint32_t step; uint32_t cycles; };
    const size_t S = w.size();
    std::vector<std::vector<Item>> items(S);
    for (size_t s = 0; s < S; ++s)
        for (uint32_t k = 0; k < w[s].size(); ++k)
            for (int i = 0; i < kStageCount; ++i)
                if (w[s][k].cycles[i]) items[s].push_back({unit_of(static_cast<Stage>(i)), static_cast<Stage>(i), k,
                                                           w[s][k].cycles[i]});
    std::vector<size_t> next(S, 0);          // index of the slot's current item
    std::vector<bool> running(S, false);
    std::vector<uint64_t> ends(S, 0), step_start(S, 0);
    std::vector<uint32_t> current_step(S, 0);
    std::vector<uint64_t> unit_free_at(kUnitCount, 0);
    std::vector<size_t> last(kUnitCount, S ? S - 1 : 0);
    std::vector<Occupancy> out;
    makespan = 0;
    auto all_done = [&] {
        for (size_t s = 0; s < S; ++s)
            if (next[s] < items[s].size()) return false;
        return true;
    };
    for (uint64_t t = 0; !all_done(); ++t) {
        for (size_t s = 0; s < S; ++s)
            if (running[s] && ends[s] == t) {
                running[s] = false;
                ++next[s];
                makespan = t;
            }
        // A slot entering a new step: the step starts now (empty steps in between too).
        for (size_t s = 0; s < S; ++s)
            if (!running[s] && next[s] < items[s].size() && items[s][next[s]].step != current_step[s]) {
                current_step[s] = items[s][next[s]].step;
                step_start[s] = t;
            }
        auto start = [&](size_t s) {
            const Item& it = items[s][next[s]];
            running[s] = true;
            ends[s] = t + it.cycles;
            unit_free_at[static_cast<int>(it.unit)] = ends[s];
            last[static_cast<int>(it.unit)] = s;
            out.push_back({it.unit, it.stage, static_cast<uint32_t>(s), it.step, t, ends[s]});
        };
        for (size_t s = 0; s < S; ++s)
            if (!running[s] && next[s] < items[s].size() && items[s][next[s]].unit == Unit::none) start(s);
        for (int u = 0; u < kSharedUnitCount; ++u) {
            if (unit_free_at[u] > t) continue;
            size_t chosen = S;
            for (size_t k = 1; k <= S; ++k) {  // candidates in round-robin order after `last`
                const size_t s = (last[u] + k) % S;
                if (running[s] || next[s] >= items[s].size() || static_cast<int>(items[s][next[s]].unit) != u) continue;
                if (chosen == S) chosen = s;
                else if (policy == Policy::oldest &&
                         std::make_pair(step_start[s], s) < std::make_pair(step_start[chosen], chosen))
                    chosen = s;
            }
            if (chosen < S) start(chosen);
        }
    }
    return out;
}

auto by_start = [](const Occupancy& a, const Occupancy& b) {
    return std::tie(a.start, a.unit, a.slot) < std::tie(b.start, b.unit, b.slot);
};

bool same(const Occupancy& a, const Occupancy& b) {
    return a.unit == b.unit && a.stage == b.stage && a.slot == b.slot && a.step == b.step && a.start == b.start &&
           a.end == b.end;
}

// Every invariant of a schedule of `w` (docs/SCHEDULING.md "Invariants").
void check_invariants(const SlotSteps& w, const Schedule& s) {
    std::vector<Occupancy> occ = s.occupancy;
    std::sort(occ.begin(), occ.end(), by_start);
    uint64_t all_cycles = 0, longest_slot = 0;
    std::array<uint64_t, kUnitCount> busy{};
    for (size_t slot = 0; slot < w.size(); ++slot) {
        uint64_t own = 0;
        for (const StepCycles& c : w[slot]) {
            own += c.total();
            for (int i = 0; i < kStageCount; ++i) busy[static_cast<int>(unit_of(static_cast<Stage>(i)))] += c.cycles[i];
        }
        all_cycles += own;
        longest_slot = std::max(longest_slot, own);
    }
    uint64_t all_waits = 0;
    for (int u = 0; u < kUnitCount; ++u) {
        CHECK(s.units[u].busy == busy[u]);
        all_waits += s.units[u].wait;
        if (u < kSharedUnitCount) CHECK(s.makespan >= s.units[u].busy);
    }
    CHECK(s.units[static_cast<int>(Unit::none)].wait == 0);
    CHECK(s.makespan >= longest_slot);
    CHECK(s.makespan <= all_cycles);

    // No shared unit holds two overlapping intervals.
    for (int u = 0; u < kSharedUnitCount; ++u) {
        uint64_t free_at = 0;
        for (const Occupancy& o : occ)
            if (static_cast<int>(o.unit) == u) {
                CHECK(o.start >= free_at);
                free_at = o.end;
            }
    }
    // Each slot runs exactly its nonzero stages, in order, back to back but for
    // waits; its steps are contiguous; its finish is its cycles plus its waits.
    std::vector<uint64_t> ready(occ.size());  // by index in occ: when the stage became ready
    uint64_t slot_waits = 0;
    for (size_t slot = 0; slot < w.size(); ++slot) {
        std::vector<size_t> mine;
        for (size_t j = 0; j < occ.size(); ++j)
            if (occ[j].slot == slot) mine.push_back(j);
        size_t n = 0;
        uint64_t at = 0;
        REQUIRE(s.steps[slot].size() == w[slot].size());
        for (uint32_t k = 0; k < w[slot].size(); ++k) {
            CHECK(s.steps[slot][k].start == at);
            for (int i = 0; i < kStageCount; ++i) {
                if (!w[slot][k].cycles[i]) continue;
                REQUIRE(n < mine.size());
                const Occupancy& o = occ[mine[n]];
                ready[mine[n++]] = at;
                CHECK(o.step == k);
                CHECK(static_cast<int>(o.stage) == i);
                CHECK(o.start >= at);
                CHECK(o.end - o.start == w[slot][k].cycles[i]);
                if (o.unit == Unit::none) CHECK(o.start == at);
                slot_waits += o.start - at;
                at = o.end;
            }
            CHECK(s.steps[slot][k].end == at);
        }
        CHECK(n == mine.size());
        CHECK(s.makespan >= at);
    }
    CHECK(all_waits == slot_waits);
    // Work conservation: while a slot waits for a unit, the unit is held
    // without a gap from the cycle the slot became ready to the cycle it starts.
    for (int u = 0; u < kSharedUnitCount; ++u) {
        uint64_t block_start = 0, block_end = 0;  // the unit's current run of back-to-back intervals
        for (size_t j = 0; j < occ.size(); ++j) {
            const Occupancy& o = occ[j];
            if (static_cast<int>(o.unit) != u) continue;
            if (ready[j] < o.start) {
                CHECK(block_end == o.start);
                CHECK(block_start <= ready[j]);
            }
            if (o.start != block_end) block_start = o.start;
            block_end = o.end;
        }
    }
}

}  // namespace

TEST_CASE("Random workloads equal a per-cycle simulation and meet every invariant", "[slot_schedule]") {
    std::mt19937 rng(13);
    SlotScheduler engine;  // reused across runs, as the explorer will
    Schedule s;
    for (int trial = 0; trial < 400; ++trial) {
        const int slots = 1 + static_cast<int>(rng() % 16);
        const SlotSteps w = random_workload(rng, slots, false);
        for (Policy policy : {Policy::oldest, Policy::round_robin}) {
            INFO("trial " << trial << ", " << slots << " slots, " << policy_name(policy));
            engine.run(w, policy, s, true);
            uint64_t ref_makespan = 0;
            std::vector<Occupancy> ref = per_cycle_reference(w, policy, ref_makespan);
            std::vector<Occupancy> got = s.occupancy;
            std::sort(ref.begin(), ref.end(), by_start);
            std::sort(got.begin(), got.end(), by_start);
            CHECK(s.makespan == ref_makespan);
            REQUIRE(got.size() == ref.size());
            for (size_t i = 0; i < got.size(); ++i) {
                INFO("interval " << i);
                CHECK(same(got[i], ref[i]));
            }
            check_invariants(w, s);
            // The fast path (no occupancy list) gives the same figures.
            Schedule fast;
            engine.run(w, policy, fast);
            CHECK(fast.occupancy.empty());
            CHECK(fast.makespan == s.makespan);
            for (size_t slot = 0; slot < w.size(); ++slot)
                for (size_t k = 0; k < w[slot].size(); ++k) {
                    CHECK(fast.steps[slot][k].start == s.steps[slot][k].start);
                    CHECK(fast.steps[slot][k].end == s.steps[slot][k].end);
                }
            for (int u = 0; u < kUnitCount; ++u) CHECK(fast.units[u].wait == s.units[u].wait);
        }
    }
}

TEST_CASE("Identical slots are served in index order at every stage by both policies", "[slot_schedule]") {
    // With identical slots no slot ever overtakes a lower-indexed one: for each
    // stage run k (in the slots' common order), start_s(k) <= start_s+1(k), so
    // each step starts and ends no earlier in slot s than in slot s+1 and the
    // last slot finishes last. (Not equal latencies: a lower index wins each tie.)
    std::mt19937 rng(1313);
    for (int trial = 0; trial < 300; ++trial) {
        const int slots = 2 + static_cast<int>(rng() % 15);
        const SlotSteps w = random_workload(rng, slots, true);
        for (Policy policy : {Policy::oldest, Policy::round_robin}) {
            INFO("trial " << trial << ", " << slots << " slots, " << policy_name(policy));
            const Schedule s = schedule(w, policy, true);
            std::vector<std::vector<uint64_t>> starts(w.size());
            std::vector<Occupancy> occ = s.occupancy;
            std::sort(occ.begin(), occ.end(), by_start);
            for (const Occupancy& o : occ) starts[o.slot].push_back(o.start);
            for (size_t slot = 1; slot < w.size(); ++slot) {
                REQUIRE(starts[slot].size() == starts[0].size());
                for (size_t k = 0; k < starts[slot].size(); ++k) CHECK(starts[slot - 1][k] <= starts[slot][k]);
                for (size_t k = 0; k < w[slot].size(); ++k) {
                    CHECK(s.steps[slot - 1][k].start <= s.steps[slot][k].start);
                    CHECK(s.steps[slot - 1][k].end <= s.steps[slot][k].end);
                }
            }
            if (!w[0].empty()) CHECK(s.makespan == s.steps.back().back().end);
        }
    }
}
