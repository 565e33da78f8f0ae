// Signals of the TLM core that a VCD trace records (trace mode only): the
// current stage, the core cycle counter, weight-memory and KV-memory port
// activity, the step's token and position. In trace mode the controller
// synchronises at every stage boundary so the signals are cycle-accurate at
// stage granularity; otherwise the core runs temporally decoupled.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>
#include <systemc>

#include "arch/stage_units.hpp"

namespace mgpt::tlm_model {

class TraceSignals : public sc_core::sc_module {
public:
    sc_core::sc_clock clk;
    sc_core::sc_signal<uint64_t> cycle;
    sc_core::sc_signal<int> stage;          // arch::Stage value (see the legend written beside the trace)
    sc_core::sc_signal<double> weight_words_per_cycle;  // average words the stage reads per cycle
    sc_core::sc_signal<double> kv_rows_per_cycle;
    sc_core::sc_signal<uint32_t> stall_cycles;         // weight-memory stall cycles in the stage
    sc_core::sc_signal<int> token, pos;
    sc_core::sc_signal<bool> busy;

    // Written by the slots' threads and the arbiter (never in the same delta).
    using Shared = sc_core::sc_signal<int, sc_core::SC_MANY_WRITERS>;
    static constexpr int kIdle = -1;  // a unit no slot holds, a slot with no step left
    // Several slots (cores x slots > 1 only): see above.
    Shared& unit_slot(int core, int unit) {
        return *unit_slot_.at(static_cast<size_t>(core * arch::kSharedUnitCount + unit));
    }
    Shared& slot_stage(int core, int slot) { return *slot_stage_.at(static_cast<size_t>(core * slots_ + slot)); }

    // Opens the VCD `vcd_path` (its name must end in ".vcd"; std::invalid_argument otherwise).
    // `cores` x `slots`: the most any job runs; more than one adds the per-unit and per-slot signals.
    TraceSignals(sc_core::sc_module_name name, const sc_core::sc_time& period, const std::string& vcd_path,
                 int cores = 1, int slots = 1);
    ~TraceSignals() override;

private:
    void count();
    sc_core::sc_trace_file* file_;
    int slots_;
    std::vector<std::unique_ptr<Shared>> unit_slot_, slot_stage_;
};

}  // namespace mgpt::tlm_model
