// The baseline RTL core under a plain Verilator C++ harness (no SystemC):
// Verilator's class Vmgpt_core clocked directly by cosim/core_clock.hpp on
// the golden model's step requests of a workload, every result checked
// against the golden model's. The reference figure the co-simulation's RTL
// speed is compared with (bench_throughput).
#pragma once
#include <cstdint>
#include <string>

#include "model/golden_step.hpp"

namespace mgpt::bench {

struct PlainRtlRun {
    uint64_t steps = 0;
    uint64_t clocks = 0;     // every clock edge pair simulated (reset included)
    double seconds = 0;      // wall clock of the clocked steps only
    std::string mismatch;    // the first step whose token, RNG state or logits differ; empty if none
};

// Runs `names` generations (seed `seed`, `gen`) of the golden model, then the
// same step requests through a fresh Verilated baseline core (ROM files in the
// folder it was Verilated with).
PlainRtlRun run_plain_rtl(const QWeights& w, const golden::GenerationConfig& gen, int names, uint32_t seed);

}  // namespace mgpt::bench
