#include "benchmark.hpp"

#include <chrono>

#include "evaluator.hpp"
#include "model_calibration.hpp"
#include "parallel_for.hpp"
#include "planner.hpp"

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
    Planner planner(sweep);
    const auto plan = planner.initial();
    r.planned_points = static_cast<long>(plan.size());
    std::vector<PointRow> rows(plan.size());
    do {
        parallel_for(plan.size(), threads, [&](size_t i) { rows[i] = ev.evaluate(plan[i]); }, nullptr);
        r.evaluations += static_cast<long>(plan.size());
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    } while (r.seconds < min_seconds);
    return r;
}

}  // namespace mgpt::explorer
