#include "benchmark.hpp"

#include <chrono>

#include "evaluator.hpp"
#include "model_calibration.hpp"
#include "parallel_for.hpp"
#include "planner.hpp"
#include "point_plan.hpp"

#include <algorithm>
#include <atomic>

namespace mgpt::explorer {

BenchmarkResult benchmark_sweep(const std::string& sweep_path, const std::string& calibration_path, int threads,
                                double min_seconds, uint64_t max_points) {
    const Sweep sweep = load_sweep(sweep_path);
    check_plan_size(sweep, 0, 1, max_points);
    const Calibration calib =
        load_model_calibration(calibration_path.empty() ? default_calibration_path() : calibration_path);
    const QWeights w = load_rom_dir(sweep.workload.weights_dir);
    BenchmarkResult r;
    r.sweep_name = sweep.name;
    r.workload_names = sweep.workload.names;
    r.threads = threads;
    const auto t0 = std::chrono::steady_clock::now();
    const Evaluator ev(sweep, w, calib, load_structural_index(default_structural_timing_paths()));  // generates the workload: part of the cost
    const PointPlan plan(sweep, ev, threads, false);
    // at most the first 100,000 points of the plan (a streamed plan may be far larger), repeated
    const size_t n = static_cast<size_t>(std::min<long>(plan.total(), 100000));
    r.planned_points = plan.total();
    std::atomic<long> feasible{0};  // a use of every row
    do {
        parallel_for(n, threads, [&](size_t i) { feasible += plan.evaluate(ev, static_cast<long>(i)).feasible; }, nullptr);
        r.evaluations += static_cast<long>(n);
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    } while (r.seconds < min_seconds);
    return r;
}

}  // namespace mgpt::explorer
