#include "run_schedule.hpp"

#include <algorithm>

namespace mgpt::tlm_model {

namespace {
// The run's steps by global slot, in each slot's order (the records are in
// workload order, and a slot runs its names in workload order).
std::vector<std::vector<arch::StepSpan>> spans_by_slot(const RunResult& r, int core) {
    const int S = r.design.sequences;
    std::vector<std::vector<arch::StepSpan>> out(static_cast<size_t>(core < 0 ? S * r.design.cores : S));
    for (const StepRecord& s : r.steps)
        if (core < 0) out[static_cast<size_t>(s.slot)].push_back({s.start, s.end});
        else if (s.core == core) out[static_cast<size_t>(s.slot % S)].push_back({s.start, s.end});
    return out;
}
}  // namespace

arch::Schedule schedule_of_core(const RunResult& r, int core) {
    arch::Schedule out;
    out.steps = spans_by_slot(r, core);
    for (const auto& slot : out.steps)
        for (const arch::StepSpan& s : slot) out.makespan = std::max(out.makespan, s.end);
    if (core >= 0 && static_cast<size_t>(core) < r.unit_loads.size())
        out.units = r.unit_loads[static_cast<size_t>(core)];
    return out;
}

arch::Schedule schedule_of_run(const RunResult& r) {
    arch::Schedule out;
    out.steps = spans_by_slot(r, -1);
    out.makespan = r.makespan;
    return out;
}

}  // namespace mgpt::tlm_model
