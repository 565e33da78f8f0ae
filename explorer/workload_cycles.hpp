// The cycle figures of one design point on the sweep's workload: with one slot
// on one core the closed form summed over the workload's step shapes; with
// several slots (keys sequences, cores) the exact slot schedule of each core
// (arch/slot_schedule.hpp) over the per-stage cycles of the closed form.
// Both are proven equal to the TLM by the test suite.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/stage_units.hpp"
#include "workload_profile.hpp"

namespace mgpt::explorer {

struct WorkloadCycles {
    uint64_t steps = 0, generated_tokens = 0;
    uint64_t total_cycles = 0;  // the sum of every step's cycles (the work, not the time)
    uint64_t stall_cycles = 0;
    uint64_t makespan = 0;      // the cycle the last step ends (= total_cycles with one slot on one core)
    // per-token latency: a step's end minus the cycle its slot was ready for it
    double latency_mean = 0;
    uint64_t latency_p50 = 0, latency_p99 = 0;  // nearest rank (arch::nearest_rank)
    // the shared unit busy the largest share of the makespan, on any core
    arch::Unit bound_unit = arch::Unit::none;
    double bound_utilisation = 0;
};

// Busy cycles per shared unit (arch::Unit order) of one core.
using UnitBusy = std::array<uint64_t, arch::kSharedUnitCount>;
// Adds `count` times the shared units' cycles of one step to `busy`.
void add_unit_busy(UnitBusy& busy, const arch::StepCycles& s, uint64_t count = 1);
// Sets c's bound unit from each core's unit busy cycles over c.makespan (set first).
void set_bound(WorkloadCycles& c, const std::vector<UnitBusy>& per_core);
// Sets c's latency mean, p50 and p99 from every step's latency (reordered).
void set_latency(WorkloadCycles& c, std::vector<uint64_t>& latencies);

// One slot on one core: the closed form per distinct shape, times its count.
WorkloadCycles single_slot_cycles(const arch::DesignPoint& d, const WorkloadProfile& w);
// d.sequences x d.cores slots (p.slots must equal it): each core's slots
// scheduled by d.schedule. Thread-safe (per-thread buffers).
WorkloadCycles slot_schedule_cycles(const arch::DesignPoint& d, const SlotProfile& p);

}  // namespace mgpt::explorer
