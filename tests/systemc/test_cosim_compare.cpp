// The co-simulation's compare mode through the RTL bridge, with a stand-in for
// the Verilated core (the golden model and the closed-form cycles, one stage
// of one step made a cycle longer on request): the report names the first
// differing step and stage, and the host keeps the TLM's timing whatever the
// RTL's cycles (the RTL runs on the same stimulus, not on the TLM's time line).
#include <catch2/catch.hpp>

#include <sstream>

#include "arch/cycle_model.hpp"
#include "cosim/cosim_report.hpp"
#include "sc_test_helpers.hpp"
#include "systemc_models/cosim_platform.hpp"

using namespace mgpt;

namespace {

class StandInCore : public tlm_model::RtlCore {
public:
    StandInCore(const QWeights& w, const arch::DesignPoint& d, size_t late_step, arch::Stage late_stage)
        : w_(w), d_(d), late_step_(late_step), late_stage_(static_cast<int>(late_stage)) {
        kv_.clear();
    }
    void step(const golden::StepRequest& req, golden::StepResult& out, arch::StepCycles& cycles) override {
        out = golden::step(w_, req, kv_);
        cycles = arch::analytic_step_cycles(d_, {req.pos, req.greedy, out.rms_early_exit});
        if (steps_ == late_step_) cycles.cycles[late_stage_] += 1;
        clocks_ += cycles.total() + 1;  // and the start cycle
        ++steps_;
    }
    uint64_t clocks() const override { return clocks_; }

private:
    const QWeights& w_;
    arch::DesignPoint d_;
    golden::KvCache kv_;
    size_t late_step_;
    int late_stage_;
    size_t steps_ = 0;
    uint64_t clocks_ = 0;
};

constexpr size_t kNever = ~size_t{0};

}  // namespace

TEST_CASE("cosim compare: an RTL core that differs in one stage of one step is named by step and stage",
          "[cosim][compare]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Job job{test::baseline(), {3, 4, {false, 0x0080, Numerics::saturating}}};
    StandInCore rtl(w, job.design, 5, arch::Stage::attention);
    const tlm_model::CosimRun run = tlm_model::simulate_cosim(w, job, tlm_model::CosimMode::compare, rtl);
    REQUIRE(run.steps.size() > 6);
    const auto& s = run.steps[5];
    const uint32_t tlm = s.tlm.cycles.cycles[static_cast<int>(arch::Stage::attention)];
    std::ostringstream out;
    CHECK_FALSE(cosim::report_cosim(run, w, job, tlm_model::CosimMode::compare, "", "", true, out));
    std::ostringstream want;
    want << "FAIL: first difference at step 5 (name " << s.rtl.name << ", pos " << s.rtl.pos
         << "): stage attention: RTL " << tlm + 1 << " cycles, TLM " << tlm << "\n";
    CHECK(out.str().find(want.str()) != std::string::npos);
    INFO(out.str());
    CHECK(run.rtl_clocks == rtl.clocks());
}

TEST_CASE("cosim compare: an equal RTL core passes, and the host keeps the TLM's timing", "[cosim][compare]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Job job{test::baseline(), {3, 4, {false, 0x0080, Numerics::saturating}}};
    StandInCore rtl(w, job.design, kNever, arch::Stage::attention);
    const tlm_model::CosimRun run = tlm_model::simulate_cosim(w, job, tlm_model::CosimMode::compare, rtl);
    std::ostringstream out;
    CHECK(cosim::report_cosim(run, w, job, tlm_model::CosimMode::compare, "", "", true, out));
    INFO(out.str());
    CHECK(out.str().find("PASS: " + std::to_string(run.steps.size()) + " steps") != std::string::npos);
    CHECK(out.str().find("co-simulation ") != std::string::npos);  // the speed line
    // the simulated time is the TLM's alone: the RTL's cycles (as many again) are not added to it
    uint64_t tlm_cycles = 0;
    for (const auto& s : run.steps) tlm_cycles += s.tlm.cycles.total();
    const double tlm_seconds = tlm_cycles / (run.host.pll.f_out_mhz * 1e6);
    const double simulated = sc_core::sc_time_stamp().to_seconds();
    INFO("simulated " << simulated << " s, TLM cycles " << tlm_seconds << " s");
    CHECK(simulated > 0.9 * tlm_seconds);
    CHECK(simulated < 1.5 * tlm_seconds);
}
