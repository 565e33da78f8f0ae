// Benchmark: the explorer's design points per minute on the default DE1-SoC
// sweep (configs/sweeps/de1soc.cfg, 32-name workload), analytic engine, on 1
// and on 2 threads (workload generation included), and the TLM engine's rate on
// a sample of the same points, all in one run. Prints its figures and ratios;
// asserts nothing (target: >= 1,000 points/min on 2 cores).
//
// usage: bench_explorer [SWEEP.cfg] [TLM sample size, default 16]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <systemc>

#include "cli/usage.hpp"
#include "common/source_tree.hpp"
#include "explorer/benchmark.hpp"
#include "explorer/evaluator.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/planner.hpp"
#include "explorer/tlm_engine.hpp"

using namespace mgpt;
using Clock = std::chrono::steady_clock;

namespace {

int run(int argc, char* argv[]) {
    const std::string src = source_root();
    const std::string sweep_path = argc > 1 ? argv[1] : src + "/configs/sweeps/de1soc.cfg";
    const int tlm_sample = argc > 2 ? std::max(1, std::atoi(argv[2])) : 16;

    std::printf("explorer benchmark on %s\n", sweep_path.c_str());
    double rate[3] = {};
    for (int threads : {1, 2}) {
        const auto b = explorer::benchmark_sweep(sweep_path, "", threads);
        rate[threads] = b.points_per_minute();
        std::printf("  analytic engine, %d thread%s: %ld evaluations of %ld planned points (%d names each) in "
                    "%.2f s = %.0f points/min\n",
                    threads, threads > 1 ? "s" : "", b.evaluations, b.planned_points, b.workload_names, b.seconds,
                    rate[threads]);
    }
    std::printf("  2 threads / 1 thread: %.2fx; target >= 1,000 points/min on 2 cores: %s (%.0fx the target)\n",
                rate[2] / rate[1], rate[2] >= 1000 ? "met" : "NOT met", rate[2] / 1000);

    // The TLM engine on the first points of the plan: what the analytic engine saves.
    const explorer::Sweep sweep = explorer::load_sweep(sweep_path);
    const QWeights w = load_rom_dir(sweep.workload.weights_dir);
    const explorer::Evaluator ev(sweep, w, explorer::load_model_calibration(explorer::default_calibration_path()),
                                 explorer::load_structural_index(explorer::default_structural_timing_paths()));
    explorer::Planner planner(sweep);
    auto plan = planner.initial();
    plan.resize(std::min<size_t>(plan.size(), static_cast<size_t>(tlm_sample)));
    std::vector<explorer::PointRow> analytic;
    for (const auto& p : plan) analytic.push_back(ev.evaluate(p));
    const auto t0 = Clock::now();
    const auto out = explorer::evaluate_with_tlm(ev, w, plan, analytic);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    const double tlm_rate = plan.size() / s * 60;
    std::printf("  TLM engine (SystemC, 1 thread): %zu points in %.2f s = %.0f points/min; analytic (1 thread) / "
                "TLM: %.0fx; disagreements: %zu\n",
                plan.size(), s, tlm_rate, rate[1] / tlm_rate, out.disagreements.size());
    return out.disagreements.empty() ? 0 : 1;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    return cli::run_guarded("bench_explorer", [&] { return run(argc, argv); });
}
