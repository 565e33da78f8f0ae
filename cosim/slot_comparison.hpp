// What a co-simulation with several slots or cores (sequences x cores > 1)
// checks: the RTL's steps against the TLM's (compare mode) or the TLM closed
// form's (refine mode: arch::SlotScheduler over the closed-form stage cycles,
// one schedule per core, proven equal to the TLM,
// tests/systemc/test_tlm_slots.cpp), field by field, and
// every run's values against the golden model. Each difference is one line
// naming the slot, the slot's step, the stage or field and both values.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "systemc_models/platform.hpp"

namespace mgpt::cosim {

// The reference run of a job with several slots: the golden model's steps of
// the workload dealt to slots (golden::generate_slots's deal, each slot's RNG
// from golden::slot_seed), in workload order, with the closed form's
// per-stage cycles and the exact slot schedule's slot, core, start and end
// (each core's slots scheduled on their own: the cores share no unit);
// makespan (over the cores), per core and unit busy and wait cycles, names
// and generated tokens as a TLM run reports them.
tlm_model::RunResult expected_slot_run(const QWeights& w, const tlm_model::Job& job);

// Which fields compare_slot_steps checks: values only (token, RNG state,
// logits), or also where and when (slot, core, start, end, cycles per stage).
enum class SlotFields { values, all };

// The differences of `got` from `want` (both in workload order), at most
// `limit` lines, e.g. "slot 1 step 3 (name 5, pos 2): stage attention: RTL 124
// cycles, TLM 123". `got_name` and `want_name` name the two sides.
std::vector<std::string> compare_slot_steps(const std::vector<tlm_model::StepRecord>& got, const std::string& got_name,
                                            const std::vector<tlm_model::StepRecord>& want,
                                            const std::string& want_name, SlotFields fields, size_t limit = 20);

// The differences of per-core, per-unit busy cycles (shared units only;
// both indexed by core), e.g. "unit tile: RTL 1200 busy cycles, TLM 1201"
// (one core) or "core 1 unit tile: ..." (several).
std::vector<std::string> compare_unit_busy(const std::vector<std::array<uint64_t, arch::kUnitCount>>& got,
                                           const std::string& got_name, const std::vector<tlm_model::UnitLoads>& want,
                                           const std::string& want_name);

}  // namespace mgpt::cosim
