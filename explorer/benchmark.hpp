// The explorer's speed: analytic evaluations of a sweep's planned points per
// minute of wall clock, workload generation included (`explore --benchmark`,
// and the bench/ program). Writes nothing.
#pragma once
#include <cstdint>
#include <string>

#include "planner.hpp"

namespace mgpt::explorer {

struct BenchmarkResult {
    std::string sweep_name;
    long planned_points = 0;  // points of the plan (a sampled one: with its local search)
    int workload_names = 0;
    int threads = 1;
    long evaluations = 0;
    double seconds = 0;
    double points_per_minute() const { return seconds > 0 ? evaluations / seconds * 60 : 0; }
};

// Repeats the evaluation of the sweep's plan (its first 100,000 points) until
// `min_seconds` have passed. A plan of more than `max_points` points is refused (check_plan_size).
BenchmarkResult benchmark_sweep(const std::string& sweep_path, const std::string& calibration_path, int threads,
                                double min_seconds = 2.0, uint64_t max_points = kDefaultMaxPoints);

}  // namespace mgpt::explorer
