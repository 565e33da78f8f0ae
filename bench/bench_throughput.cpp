// Benchmark: token steps per second of the bare golden model and of the TLM
// platform (baseline design) on the same workload, in one run, on one core.
// Prints its figures; it asserts nothing (targets: golden >= 200,000 steps/s,
// TLM >= 100,000 simulated steps/s). Then the RTL: `microgpt-dse cosim` runs
// the Verilated baseline core and the TLM core side by side on one workload
// and prints both speeds and their ratio (target: TLM >= 100x the RTL).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <systemc>

#include "arch/design_point.hpp"
#include "cli/usage.hpp"
#include "common/source_tree.hpp"
#include "model/golden_step.hpp"
#include "systemc_models/platform.hpp"

using namespace mgpt;
using Clock = std::chrono::steady_clock;

namespace {

// usage: bench_throughput [NAMES for golden/TLM, default 1000] [NAMES for the RTL, default 100]
int run(int argc, char* argv[]) {
    const int names = argc > 1 ? std::atoi(argv[1]) : 1000;
    const std::string src = source_root();
    const QWeights w = load_rom_dir(src + "/data/weights");
    const arch::DesignPoint d = arch::load_design(src + "/configs/designs/baseline.cfg");
    const golden::GenerationConfig gen{false, 0x0080, d.numerics};

    // Golden model: repeat the workload until at least 0.5 s has passed.
    uint64_t golden_steps = 0;
    const auto g0 = Clock::now();
    double golden_s = 0;
    do {
        uint32_t rng = 1;
        for (int n = 0; n < names; ++n) golden_steps += golden::generate(w, gen, rng).steps.size();
        golden_s = std::chrono::duration<double>(Clock::now() - g0).count();
    } while (golden_s < 0.5);

    const auto t0 = Clock::now();
    const auto r = tlm_model::simulate_tlm(w, {{d, {names, 1, gen}}});
    const double tlm_s = std::chrono::duration<double>(Clock::now() - t0).count();
    const double tlm_steps = static_cast<double>(r[0].steps.size());

    std::printf("workload: %d names, baseline design, seed 1, T=0x0080 (%zu token steps per pass)\n", names,
                r[0].steps.size());
    std::printf("golden model  : %12.0f token steps/s (wall clock, one core)   target >= 200000\n",
                golden_steps / golden_s);
    std::printf("TLM platform  : %12.0f token steps/s (wall clock, one core)   target >= 100000\n", tlm_steps / tlm_s);
    std::printf("TLM / golden  : %12.3f\n", (tlm_steps / tlm_s) / (golden_steps / golden_s));
    std::printf("simulated     : %12.0f tokens/s of the design [TLM cycles at %.4f MHz, PLL model]\n",
                r[0].tokens_per_second(), r[0].pll.f_out_mhz);
    std::fflush(stdout);

    const int rtl_names = argc > 2 ? std::atoi(argv[2]) : 100;
    std::printf("\nRTL vs TLM (co-simulation of the baseline, %d names):\n", rtl_names);
    std::fflush(stdout);
    const std::string cmd = executable_dir() + "/microgpt-dse cosim --summary --seed 1 --count " +
                            std::to_string(rtl_names);
    return std::system(cmd.c_str()) == 0 ? 0 : 1;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    return cli::run_guarded("bench_throughput", [&] { return run(argc, argv); });
}
