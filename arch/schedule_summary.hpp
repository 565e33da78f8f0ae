// Summary statistics of a slot schedule (arch/slot_schedule.hpp): per-unit
// utilisation and the token latency's mean and nearest-rank percentiles
// (docs/SCHEDULING.md "Statistics").
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "slot_schedule.hpp"

namespace mgpt::arch {

struct ScheduleSummary {
    uint64_t makespan = 0;
    uint64_t tokens = 0;                       // token steps of all slots
    std::array<double, kUnitCount> utilisation{};  // busy / makespan (0 when the makespan is 0)
    double latency_mean = 0;                   // cycles; every statistic is 0 when there is no step
    uint64_t latency_p50 = 0;
    uint64_t latency_p99 = 0;
    uint64_t latency_max = 0;
};

ScheduleSummary summarize(const Schedule& s);

// The nearest-rank percentile: the value of rank ceil(percent/100 x N)
// (1-based) among the N values in ascending order, i.e. the smallest value
// that at least `percent`% of the values do not exceed. `percent` in 1..100;
// `values` is reordered; 0 when it is empty.
uint64_t nearest_rank(std::vector<uint64_t>& values, int percent);

}  // namespace mgpt::arch
