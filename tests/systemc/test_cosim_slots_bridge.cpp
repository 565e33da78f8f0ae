// The multi-slot co-simulation's clock, bridge and platform
// (systemc_models/rtl_slot_clock.*, rtl_slot_bridge.*, cosim_slots_platform.*)
// without Verilator: a stand-in core replays, cycle by cycle, what a correct
// multi-slot core shows on its pins (every slot's stage, `unit_slot`, DONE and
// results) for the workload's exact slot schedule, and records every start in
// the cycle it is sampled. The host's starts must arrive each in the DONE
// cycle of the slot's previous step (the first at cycle 0), the run must pass
// both modes' checks, and a start the core does not take stops the run naming
// the slot.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "arch/slot_workload.hpp"
#include "cosim/slot_comparison.hpp"
#include "cosim/slot_cosim_report.hpp"
#include "sc_test_helpers.hpp"
#include "systemc_models/cosim_slots_platform.hpp"

using namespace mgpt;

namespace {

constexpr uint32_t kIdle = 31;

class ReplayCore : public tlm_model::RtlSlotCore {
public:
    // `ignored_slot` >= 0: that slot does not take its second step's start.
    ReplayCore(const tlm_model::RunResult& want, const tlm_model::Job& job, int ignored_slot = -1)
        : slots_(job.design.sequences * job.design.cores), cores_(job.design.cores), ignored_slot_(ignored_slot) {
        const int per_core = job.design.sequences;
        arch::SlotShapes shapes(static_cast<size_t>(slots_));
        steps_.resize(static_cast<size_t>(slots_));
        for (const auto& r : want.steps) {
            shapes[static_cast<size_t>(r.slot)].push_back({r.pos, r.rng_in == r.rng_out, r.rms_early_exit});
            steps_[static_cast<size_t>(r.slot)].push_back(r);
        }
        // each core's slots on their own schedule (global slot g = k x S + s)
        std::vector<arch::Schedule> scheds;
        uint64_t makespan = 0;
        for (int k = 0; k < cores_; ++k) {
            const arch::SlotShapes core_shapes(shapes.begin() + k * per_core, shapes.begin() + (k + 1) * per_core);
            scheds.push_back(
                arch::schedule(arch::slot_step_cycles(job.design, core_shapes), job.design.schedule, true));
            makespan = std::max(makespan, scheds.back().makespan);
        }
        shown_.assign(static_cast<size_t>(slots_), std::vector<uint32_t>(makespan, kIdle));
        holder_.assign(static_cast<size_t>(cores_),
                       std::vector<std::vector<int>>(arch::kSharedUnitCount, std::vector<int>(makespan, -1)));
        for (int k = 0; k < cores_; ++k) {
            const arch::Schedule& sched = scheds[static_cast<size_t>(k)];
            std::vector<std::vector<arch::Occupancy>> runs(static_cast<size_t>(per_core));
            for (const arch::Occupancy& o : sched.occupancy) runs[o.slot].push_back(o);
            for (int ls = 0; ls < per_core; ++ls) {
                const int s = k * per_core + ls;
                auto& list = runs[static_cast<size_t>(ls)];
                std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
                for (size_t i = 0; i < list.size(); ++i) {
                    // a slot shows the stage it waits for from its previous stage's end
                    const uint64_t from = i ? list[i - 1].end : list[i].start;
                    for (uint64_t c = from; c < list[i].end; ++c)
                        shown_[static_cast<size_t>(s)][c] = static_cast<uint32_t>(list[i].stage);
                    if (list[i].unit != arch::Unit::none)
                        for (uint64_t c = list[i].start; c < list[i].end; ++c)
                            holder_[static_cast<size_t>(k)][static_cast<size_t>(list[i].unit)][c] = s;
                }
                for (const auto& step : sched.steps[static_cast<size_t>(ls)])
                    expected_starts_.push_back({s, step.start});
            }
        }
        std::sort(expected_starts_.begin(), expected_starts_.end());
    }
    int slots() const override { return slots_; }
    int cores() const override { return cores_; }
    void reset() override { clocks_ += 3; }
    void set_start(int slot, const golden::StepRequest&) override {
        if (slot == ignored_slot_ && next_step_[static_cast<size_t>(slot)] == 1) return;
        starts_.push_back({slot, running_ ? cycle_ + 1 : 0});
        ++next_step_[static_cast<size_t>(slot)];
        running_ = true;
    }
    void clock() override {
        ++clocks_;
        if (running_) ++cycle_;
    }
    uint32_t stage(int s) const override {
        const auto& line = shown_[static_cast<size_t>(s)];
        if (cycle_ < 0 || static_cast<size_t>(cycle_) >= line.size()) return kIdle;
        // only the steps it was started for
        const auto& taken = next_step_[static_cast<size_t>(s)];
        const auto& steps = steps_[static_cast<size_t>(s)];
        size_t k = 0;
        while (k < steps.size() && steps[k].end <= static_cast<uint64_t>(cycle_)) ++k;
        return k < taken ? line[static_cast<size_t>(cycle_)] : kIdle;
    }
    bool done(int s) const override { return stage(s) == static_cast<uint32_t>(arch::Stage::done); }
    int unit_holder(int core, arch::Unit u) const override {
        const auto& line = holder_[static_cast<size_t>(core)][static_cast<size_t>(u)];
        return cycle_ >= 0 && static_cast<size_t>(cycle_) < line.size() ? line[static_cast<size_t>(cycle_)] : -1;
    }
    void read_result(int s, golden::StepResult& out) const override {
        for (const auto& r : steps_[static_cast<size_t>(s)])
            if (r.end == static_cast<uint64_t>(cycle_) + 1) {
                out.next = r.token_out;
                out.rng_out = r.rng_out;
                out.logits = r.logits;
            }
    }
    uint64_t clocks() const override { return clocks_; }

    std::vector<std::pair<int, uint64_t>> starts_sorted() const {
        auto s = starts_;
        std::sort(s.begin(), s.end());
        return s;
    }
    std::vector<std::pair<int, uint64_t>> expected_starts_;

private:
    int slots_, cores_, ignored_slot_;
    std::vector<std::vector<tlm_model::StepRecord>> steps_;
    std::vector<std::vector<uint32_t>> shown_;
    std::vector<std::vector<std::vector<int>>> holder_;  // [core][unit][cycle]
    std::vector<std::pair<int, uint64_t>> starts_;  // (slot, the cycle its accept is)
    std::array<size_t, 128> next_step_{};  // per global slot (up to 16 slots on 8 cores)
    bool running_ = false;
    int64_t cycle_ = -1;
    uint64_t clocks_ = 0;
};

tlm_model::Job job_of(int slots, arch::Policy policy, int cores = 1) {
    tlm_model::Job job{test::baseline(), {7, 11, {false, 0x0080, Numerics::saturating}}};
    job.design.sequences = slots;
    job.design.cores = cores;
    job.design.schedule = policy;
    return job;
}

void check_pass(tlm_model::CosimMode mode, int slots = 4, int cores = 1) {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Job job = job_of(slots, arch::Policy::oldest, cores);
    const tlm_model::RunResult want = cosim::expected_slot_run(w, job);
    ReplayCore core(want, job);
    const tlm_model::CosimRun run = tlm_model::simulate_cosim_slots(w, job, mode, core);
    CHECK(run.rtl_error == "");
    // every start sampled in the cycle the schedule has the step begin: each in its slot's DONE cycle
    CHECK(core.starts_sorted() == core.expected_starts_);
    std::ostringstream out;
    CHECK(cosim::report_slot_cosim(run, w, job, mode, "", "", true, out));
    INFO(out.str());
    CHECK(out.str().find("PASS: " + std::to_string(want.steps.size()) + " steps of " + std::to_string(slots) +
                         " slots" + (cores > 1 ? " on each of " + std::to_string(cores) + " cores" : ":")) !=
          std::string::npos);
    // every core's unit busy cycles counted on that core
    REQUIRE(run.rtl_unit_busy.size() == static_cast<size_t>(cores));
    for (int k = 0; k < cores; ++k)
        CHECK(run.rtl_unit_busy[static_cast<size_t>(k)][static_cast<size_t>(arch::Unit::tile)] ==
              want.unit_loads.at(static_cast<size_t>(k))[static_cast<size_t>(arch::Unit::tile)].busy);
    CHECK(run.rtl_host.makespan == want.makespan);
    // the RTL side's host saw the TLM's time line: it ended at the makespan's time
    CHECK(sc_core::sc_time_stamp() == tlm_model::ClockDomain(job.design.pll_mhz).cycles(want.makespan));
}

}  // namespace

TEST_CASE("cosim slots, compare: starts sampled in the DONE cycles, the run passes", "[cosim][slots]") {
    check_pass(tlm_model::CosimMode::compare);
}

TEST_CASE("cosim slots, refine: starts sampled in the DONE cycles, the run passes", "[cosim][slots]") {
    check_pass(tlm_model::CosimMode::refine);
}

// Two cores: the host's slot threads reach core k's slots through bridge k
// (global slot k x S + s), each core's units serve only its slots.
TEST_CASE("cosim cores, compare: two cores of two slots, the run passes", "[cosim][slots][cores]") {
    check_pass(tlm_model::CosimMode::compare, 2, 2);
}

TEST_CASE("cosim cores, refine: two cores of one slot, the run passes", "[cosim][slots][cores]") {
    check_pass(tlm_model::CosimMode::refine, 1, 2);
}

TEST_CASE("cosim cores, refine: two cores of two slots, the run passes", "[cosim][slots][cores]") {
    check_pass(tlm_model::CosimMode::refine, 2, 2);
}

TEST_CASE("cosim slots: a start the core does not take stops the run naming the slot", "[cosim][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Job job = job_of(2, arch::Policy::round_robin);
    const tlm_model::RunResult want = cosim::expected_slot_run(w, job);
    ReplayCore core(want, job, 1);
    const tlm_model::CosimRun run = tlm_model::simulate_cosim_slots(w, job, tlm_model::CosimMode::refine, core);
    CHECK(run.rtl_error.rfind("slot 1 did not take the start posted for cycle ", 0) == 0);
    std::ostringstream out;
    CHECK_FALSE(cosim::report_slot_cosim(run, w, job, tlm_model::CosimMode::refine, "", "", true, out));
    CHECK(out.str().find("FAIL: first difference at the RTL's clock stopped the run: slot 1 did not take") !=
          std::string::npos);
}
