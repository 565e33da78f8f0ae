// Benchmark: the speed of every model of the baseline design on the same
// workload, in one run, on one core, each in token steps/s and (for the RTL)
// clocks/s, with the ratios:
//   golden model   the bare C++ datapath (target >= 200,000 steps/s)
//   TLM platform   SystemC/TLM-2.0 (target >= 100,000 simulated steps/s)
//   plain RTL      the Verilated baseline core in a minimal C++ harness, no
//                  SystemC (bench/plain_rtl_harness.*; target >= 3 M clocks/s)
//   co-simulation  the main build's baseline cosim_driver (the same RTL, same
//                  Verilator arguments and ROM files) in --mode compare and
//                  --mode refine (target >= 2,500 token steps/s in compare)
// It prints its figures and asserts nothing but that every model computed the
// golden model's results (else exit 1). Not a ctest test: a benchmark.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include <systemc>

#include "arch/design_point.hpp"
#include "arch/rom_layout.hpp"
#include "bench/plain_rtl_harness.hpp"
#include "cli/usage.hpp"
#include "common/source_tree.hpp"
#include "model/golden_step.hpp"
#include "systemc_models/platform.hpp"

using namespace mgpt;
using Clock = std::chrono::steady_clock;

namespace {

// The speed line of a cosim_driver run (cosim/cosim_report.cpp), or ok = false.
struct CosimSpeed {
    bool ok = false;
    double run_steps_s = 0, rtl_steps_s = 0, rtl_mclocks_s = 0;
};

CosimSpeed run_cosim_driver(const std::string& mode, int names) {
    const std::string cmd = executable_dir() + "/cosim_driver --summary --seed 1 --count " + std::to_string(names) +
                            " --mode " + mode + " --design " + source_path("configs/designs/baseline.cfg");
    std::printf("  $ %s\n", cmd.c_str());
    std::fflush(stdout);
    CosimSpeed s;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    if (!p) return s;
    char line[1024];
    bool passed = false;
    while (std::fgets(line, sizeof line, p.get())) {
        std::printf("  | %s", line);
        const std::string l(line);
        if (l.rfind("PASS: ", 0) == 0) passed = true;
        const auto at = l.find("co-simulation ");
        if (at != std::string::npos &&
            std::sscanf(l.c_str() + at, "co-simulation %lf token steps/s; RTL (Verilator) %lf token steps/s, %lf M",
                        &s.run_steps_s, &s.rtl_steps_s, &s.rtl_mclocks_s) == 3)
            s.ok = true;
    }
    const int rc = pclose(p.release());
    s.ok = s.ok && passed && rc == 0;
    return s;
}

// The first line of /proc/loadavg (the figures are wall clock: other load on the machine skews them).
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string l;
    std::getline(in, l);
    return l.empty() ? "unknown" : l;
}

// usage: bench_throughput [NAMES for golden/TLM, default 1000] [NAMES for the RTL, default: the same]
int run(int argc, char* argv[]) {
    const int names = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int rtl_names = argc > 2 ? std::atoi(argv[2]) : names;
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
    uint64_t tlm_cycles = 0;
    for (const auto& s : r[0].steps) tlm_cycles += s.cycles.total();
    const double tlm_rate = tlm_steps / tlm_s;

    std::printf("machine: %u hardware threads, load average %s (figures: wall clock on one core)\n",
                std::thread::hardware_concurrency(), load_average().c_str());
    std::printf("workload: %d names, baseline design, seed 1, T=0x0080 (%zu token steps per pass)\n", names,
                r[0].steps.size());
    std::printf("golden model  : %12.0f token steps/s                              target >= 200000\n",
                golden_steps / golden_s);
    std::printf("TLM platform  : %12.0f token steps/s, %7.1f M simulated clocks/s   target >= 100000 steps/s\n",
                tlm_rate, tlm_cycles / tlm_s / 1e6);
    std::printf("TLM / golden  : %12.3f\n", tlm_rate / (golden_steps / golden_s));
    std::printf("simulated     : %12.0f tokens/s of the design [TLM cycles at %.4f MHz, PLL model]\n",
                r[0].tokens_per_second(), r[0].pll.f_out_mhz);

    // The RTL: its ROM files where the build Verilated it to find them (the same as the rtl:main_build fixture's).
    arch::write_rom_files(d, w, MGPT_BASELINE_ROM_DIR);
    std::printf("\nRTL of the baseline (Verilator, %d names, seed 1):\n", rtl_names);
    const bench::PlainRtlRun plain = bench::run_plain_rtl(w, gen, rtl_names, 1);
    const double plain_steps = plain.steps / plain.seconds, plain_mclocks = plain.clocks / plain.seconds / 1e6;
    std::printf("plain harness : %12.0f token steps/s, %7.3f M clocks/s (%llu clocks)   target >= 3 M clocks/s%s\n",
                plain_steps, plain_mclocks, static_cast<unsigned long long>(plain.clocks),
                plain.mismatch.empty() ? "" : ("  FAIL: " + plain.mismatch).c_str());
    std::fflush(stdout);
    std::printf("co-simulation, --mode compare (TLM core and RTL core on the same stimulus):\n");
    const CosimSpeed cmp = run_cosim_driver("compare", rtl_names);
    std::printf("co-simulation, --mode refine (the RTL core in the TLM platform):\n");
    const CosimSpeed ref = run_cosim_driver("refine", rtl_names);

    std::printf("\nsummary (token steps/s; M clocks/s of the RTL)      target\n");
    std::printf("golden model          %10.0f\n", golden_steps / golden_s);
    std::printf("TLM                   %10.0f\n", tlm_rate);
    std::printf("RTL, plain harness    %10.0f   %7.3f              >= 3 M clocks/s\n", plain_steps, plain_mclocks);
    if (cmp.ok)
        std::printf("cosim compare (run)   %10.0f   %7.3f (RTL part)   >= 2500 steps/s\n", cmp.run_steps_s,
                    cmp.rtl_mclocks_s);
    if (ref.ok) std::printf("cosim refine (run)    %10.0f   %7.3f (RTL part)\n", ref.run_steps_s, ref.rtl_mclocks_s);
    std::printf("TLM / plain RTL       %10.1f x\n", tlm_rate / plain_steps);
    if (cmp.ok) std::printf("cosim compare / plain RTL %6.2f (steps/s)\n", cmp.run_steps_s / plain_steps);
    if (ref.ok) std::printf("cosim refine / plain RTL  %6.2f (steps/s)\n", ref.run_steps_s / plain_steps);
    if (!cmp.ok || !ref.ok) std::printf("a co-simulation run failed or printed no speed line (see above)\n");
    return plain.mismatch.empty() && cmp.ok && ref.ok ? 0 : 1;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    return cli::run_guarded("bench_throughput", [&] { return run(argc, argv); });
}
