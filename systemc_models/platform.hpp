// The TLM-2.0 platform: a host initiator (the board's JTAG host) driving the
// core (controller + stage units + weight and KV memories) clocked by the PLL
// model. A design of K cores of S slots each (the keys `cores`, `sequences`)
// runs S slots on each of K cores sharing each core's units
// (docs/SCHEDULING.md "TLM"). The design point can change between jobs without re-elaboration, so
// one process can simulate many design points (SystemC elaborates only once).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "arch/pll.hpp"
#include "arch/slot_schedule.hpp"
#include "arch/stages.hpp"
#include "model/golden_step.hpp"

namespace mgpt::tlm_model {

// What the host runs: `count` names from `seed`, name i in slot i mod (S x K),
// each slot's RNG from golden::slot_seed and carried across its names
// (docs/SEQUENCES.md; S = K = 1: one RNG carried across all names).
struct Workload {
    int count = 32;
    uint32_t seed = 2;
    golden::GenerationConfig gen;  // numerics here is overridden by the design's
    // Run all 16 positions of every name, feeding back each output even BOS
    // (schedule tests and benchmarks that need every position).
    bool full_context = false;
};

struct StepRecord {
    int name = 0;  // index of the generation
    int pos = 0;
    int token_in = 0;
    int token_out = 0;
    uint32_t rng_in = 0, rng_out = 0;
    golden::Logits logits{};
    std::array<bool, 3> rms_early_exit{};
    arch::StepCycles cycles;
    std::array<uint64_t, arch::kStageCount> macs{};
    // Where and when: the global slot g (slot g mod S of core g / S), its
    // core, and the step's start (the cycle its slot was ready for it) and end
    // (its last stage's end), in cycles since the job's start; end - start is
    // the latency with every wait (arch::StepSpan). waits: per stage, the
    // cycles spent ready but waiting for its unit (0 with one slot).
    int slot = 0;
    int core = 0;
    uint64_t start = 0, end = 0;
    std::array<uint64_t, arch::kStageCount> waits{};
};

// Per unit (arch::Unit, `none` last) of one core: cycles held, cycles waited for.
using UnitLoads = std::array<arch::UnitLoad, arch::kUnitCount>;

struct RunResult {
    arch::DesignPoint design;
    arch::PllSetting pll{};
    std::vector<std::string> names;
    std::vector<StepRecord> steps;  // by name in workload order, then by position
    uint64_t total_cycles = 0;      // the sum of every step's cycles (without waits)
    uint64_t stall_cycles = 0;
    uint64_t generated_tokens = 0;
    uint64_t makespan = 0;          // the last step's end over all cores (= total_cycles with one slot)
    std::vector<UnitLoads> unit_loads;  // [core]: busy and wait cycles per unit, as arch::Schedule::units
    // generated tokens x f / makespan (final BOS steps included), the reference's convention
    double tokens_per_second() const;
};

struct Job {
    arch::DesignPoint design;
    Workload workload;
};

// Elaborates the platform once, runs every job, returns one result per job.
// `vcd_path` non-empty: trace mode (cycle-accurate signals, slower), the trace
// written to exactly that file, whose name must end in ".vcd".
// Call at most once per process (SystemC cannot elaborate twice).
std::vector<RunResult> simulate_tlm(const QWeights& weights, const std::vector<Job>& jobs,
                                    const std::string& vcd_path = "");

}  // namespace mgpt::tlm_model
