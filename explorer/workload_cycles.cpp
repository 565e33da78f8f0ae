#include "workload_cycles.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "arch/cycle_model.hpp"
#include "arch/schedule_summary.hpp"
#include "arch/slot_schedule.hpp"

namespace mgpt::explorer {

namespace {

// The nearest-rank percentile of a multiset given as (value, count) pairs sorted by value.
uint64_t nearest_rank_of_counts(const std::vector<std::pair<uint64_t, uint64_t>>& sorted, uint64_t n, int percent) {
    const uint64_t rank = (static_cast<uint64_t>(percent) * n + 99) / 100;  // ceil(percent x n / 100)
    uint64_t seen = 0;
    for (const auto& [value, count] : sorted)
        if ((seen += count) >= rank) return value;
    return 0;
}

}  // namespace

void add_unit_busy(UnitBusy& busy, const arch::StepCycles& s, uint64_t count) {
    for (int i = 0; i < arch::kStageCount; ++i) {
        const arch::Unit u = arch::kStageUnits[i];
        if (u != arch::Unit::none) busy[static_cast<int>(u)] += count * s.cycles[i];
    }
}

void set_bound(WorkloadCycles& c, const std::vector<UnitBusy>& per_core) {
    c.bound_unit = arch::Unit::none;
    c.bound_utilisation = 0;
    if (c.makespan == 0) return;
    for (const auto& busy : per_core)
        for (int u = 0; u < arch::kSharedUnitCount; ++u) {
            const double share = static_cast<double>(busy[u]) / static_cast<double>(c.makespan);
            if (share > c.bound_utilisation) {  // ties: the first unit, the first core
                c.bound_utilisation = share;
                c.bound_unit = static_cast<arch::Unit>(u);
            }
        }
}

void set_latency(WorkloadCycles& c, std::vector<uint64_t>& latencies) {
    uint64_t sum = 0;
    for (uint64_t l : latencies) sum += l;
    c.latency_mean = latencies.empty() ? 0 : static_cast<double>(sum) / static_cast<double>(latencies.size());
    c.latency_p50 = arch::nearest_rank(latencies, 50);
    c.latency_p99 = arch::nearest_rank(latencies, 99);
}

WorkloadCycles single_slot_cycles(const arch::DesignPoint& d, const WorkloadProfile& w) {
    WorkloadCycles c;
    std::vector<UnitBusy> busy(1, UnitBusy{});
    std::vector<std::pair<uint64_t, uint64_t>> latencies;  // (step cycles, steps)
    for (const auto& sc : w.shapes) {
        const arch::StepCycles s = arch::analytic_step_cycles(d, sc.shape);
        c.total_cycles += sc.count * s.total();
        c.stall_cycles += sc.count * s.total_stalls();
        add_unit_busy(busy[0], s, sc.count);
        latencies.emplace_back(s.total(), sc.count);
    }
    c.steps = w.steps;
    c.generated_tokens = w.generated_tokens;
    c.makespan = c.total_cycles;  // one slot never waits: its steps run back to back
    std::sort(latencies.begin(), latencies.end());
    c.latency_mean = c.steps ? static_cast<double>(c.total_cycles) / static_cast<double>(c.steps) : 0;
    c.latency_p50 = nearest_rank_of_counts(latencies, c.steps, 50);
    c.latency_p99 = nearest_rank_of_counts(latencies, c.steps, 99);
    set_bound(c, busy);
    return c;
}

WorkloadCycles slot_schedule_cycles(const arch::DesignPoint& d, const SlotProfile& p) {
    const int per_core = d.sequences;
    if (p.slots != d.sequences * d.cores)
        throw std::logic_error("slot_schedule_cycles: a profile of " + std::to_string(p.slots) + " slots for " +
                               std::to_string(d.sequences) + " sequences x " + std::to_string(d.cores) + " cores");
    thread_local arch::SlotScheduler scheduler;
    thread_local arch::Schedule schedule;
    thread_local arch::SlotSteps slot_steps;
    thread_local std::vector<arch::StepCycles> shape_cycles;
    thread_local std::vector<uint64_t> latencies;

    WorkloadCycles c;
    shape_cycles.clear();
    for (const auto& shape : p.shapes) shape_cycles.push_back(arch::analytic_step_cycles(d, shape));
    latencies.clear();
    std::vector<UnitBusy> core_busy(d.cores);
    slot_steps.resize(per_core);
    for (int k = 0; k < d.cores; ++k) {
        for (int s = 0; s < per_core; ++s) {
            auto& steps = slot_steps[s];
            steps.clear();
            for (uint16_t i : p.steps[k * per_core + s]) {
                const arch::StepCycles& sc = shape_cycles[i];
                steps.push_back(sc);
                c.total_cycles += sc.total();
                c.stall_cycles += sc.total_stalls();
            }
        }
        scheduler.run(slot_steps, d.schedule, schedule);
        c.makespan = std::max(c.makespan, schedule.makespan);
        for (int u = 0; u < arch::kSharedUnitCount; ++u) core_busy[k][u] = schedule.units[u].busy;
        for (const auto& slot : schedule.steps)
            for (const auto& span : slot) latencies.push_back(span.latency());
    }
    c.steps = p.step_count;
    c.generated_tokens = p.generated_tokens;
    set_latency(c, latencies);
    set_bound(c, core_busy);
    return c;
}

}  // namespace mgpt::explorer
