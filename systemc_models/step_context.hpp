// The state of one token step as it travels through the TLM core: the
// datapath registers (values from the golden library), and what each stage
// spent (cycles, stall cycles, useful MACs). Shared by pointer in the core
// protocol's CoreCommand and the stage protocol's StepExtension
// (step_protocol.hpp); its cycles are the TLM's timing authority.
#pragma once
#include <array>
#include <cstdint>

#include "arch/stages.hpp"
#include "model/golden_step.hpp"

namespace mgpt::tlm_model {

struct StepContext {
    // Inputs
    const QWeights* weights = nullptr;
    const golden::KvCache* kv = nullptr;  // the slot's KV cache in the KV memory (direct access)
    int slot = 0;                         // the slot on its core (its KV cache, its arbitration index)
    golden::StepRequest req;
    // Cycles since the job's start: the cycle the step is ready (in), the end
    // of its last stage (out). Used when several slots share the core's units
    // (docs/SCHEDULING.md "TLM"); one slot alone just adds up its cycles.
    uint64_t start_cycle = 0, end_cycle = 0;
    // Datapath registers
    golden::Vec16 x{}, residual{}, normed{}, q{}, k{}, v{}, attn{}, y{};
    std::array<int16_t, kMlp> hidden{};
    uint64_t sumsq = 0;
    int16_t scale = 0;
    int rms_calls = 0;
    // Outputs
    golden::StepResult result;
    // Costs
    arch::StepCycles cycles;
    std::array<uint64_t, arch::kStageCount> macs{};         // useful multiply-accumulates
    std::array<uint32_t, arch::kStageCount> weight_words{}; // weight words read
    std::array<uint32_t, arch::kStageCount> kv_reads{};     // KV-cache rows read
    std::array<uint64_t, arch::kStageCount> waits{};        // cycles ready but waiting for the stage's unit

    void reset(const golden::StepRequest& r) {
        req = r;
        rms_calls = 0;
        result = golden::StepResult{};
        cycles = arch::StepCycles{};
        macs.fill(0);
        weight_words.fill(0);
        kv_reads.fill(0);
        waits.fill(0);
    }
    void add(arch::Stage s, uint32_t c, uint32_t stall = 0, uint32_t fill = 0) {
        cycles.cycles[static_cast<int>(s)] += c;
        cycles.stalls[static_cast<int>(s)] += stall;
        cycles.fill[static_cast<int>(s)] += fill;
    }
};

}  // namespace mgpt::tlm_model
