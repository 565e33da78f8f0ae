#include "plain_rtl_harness.hpp"

#include <chrono>
#include <memory>
#include <vector>

#include "Vmgpt_core.h"
#include "cosim/core_clock.hpp"

namespace mgpt::bench {

PlainRtlRun run_plain_rtl(const QWeights& w, const golden::GenerationConfig& gen, int names, uint32_t seed) {
    std::vector<golden::StepRequest> reqs;
    std::vector<golden::StepResult> want;
    uint32_t rng = seed;
    for (int n = 0; n < names; ++n) {
        golden::Generation g = golden::generate(w, gen, rng);
        reqs.insert(reqs.end(), g.steps.begin(), g.steps.end());
        want.insert(want.end(), g.results.begin(), g.results.end());
    }
    const auto model = std::make_unique<Vmgpt_core>();
    cosim::CoreClock<Vmgpt_core> core(*model);
    PlainRtlRun out;
    const auto t0 = std::chrono::steady_clock::now();
    core.reset();
    for (size_t i = 0; i < reqs.size(); ++i) {
        golden::StepResult got;
        arch::StepCycles cycles;
        core.step(reqs[i], got, cycles);
        if (out.mismatch.empty() &&
            (got.next != want[i].next || got.rng_out != want[i].rng_out || got.logits != want[i].logits))
            out.mismatch = "step " + std::to_string(i) + ": RTL token " + std::to_string(got.next) + ", golden " +
                           std::to_string(want[i].next);
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.steps = reqs.size();
    out.clocks = core.clocks();
    model->final();
    return out;
}

}  // namespace mgpt::bench
