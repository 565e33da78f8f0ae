#include "schedule_summary.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace mgpt::arch {

uint64_t nearest_rank(std::vector<uint64_t>& values, int percent) {
    if (percent < 1 || percent > 100)
        throw std::invalid_argument("nearest_rank: percent " + std::to_string(percent) + ", legal 1..100");
    if (values.empty()) return 0;
    const size_t rank = (static_cast<size_t>(percent) * values.size() + 99) / 100;  // ceil, in integers
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

ScheduleSummary summarize(const Schedule& s) {
    ScheduleSummary r;
    r.makespan = s.makespan;
    for (int u = 0; u < kUnitCount; ++u)
        r.utilisation[u] = s.makespan ? static_cast<double>(s.units[u].busy) / static_cast<double>(s.makespan) : 0.0;
    std::vector<uint64_t> latencies;
    for (const auto& slot : s.steps)
        for (const StepSpan& step : slot) latencies.push_back(step.latency());
    r.tokens = latencies.size();
    if (latencies.empty()) return r;
    uint64_t sum = 0;
    for (uint64_t l : latencies) {
        sum += l;
        r.latency_max = std::max(r.latency_max, l);
    }
    r.latency_mean = static_cast<double>(sum) / static_cast<double>(latencies.size());
    r.latency_p50 = nearest_rank(latencies, 50);
    r.latency_p99 = nearest_rank(latencies, 99);
    return r;
}

}  // namespace mgpt::arch
