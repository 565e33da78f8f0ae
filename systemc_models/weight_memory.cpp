#include "weight_memory.hpp"

#include <algorithm>
#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

WeightMemory::WeightMemory(sc_core::sc_module_name name, const arch::DesignPoint& design)
    : sc_module(name), socket("socket"), design_(design) {
    socket.register_b_transport(this, &WeightMemory::b_transport);
}

// Per step: count the step's words in each bank; the busiest bank sets the
// step's beats, and a bank's words beyond its ports wait (conflicts).
void WeightMemory::serve_m10k(uint32_t first, WeightBurst& burst) {
    const int banks = design_.weight_banks, ports = design_.bram_ports;
    std::vector<int>& per_bank = per_bank_;
    per_bank.assign(static_cast<size_t>(banks), 0);
    for (int s = 0; s < burst.steps; ++s) {
        std::fill(per_bank.begin(), per_bank.end(), 0);
        const uint32_t w0 = first + static_cast<uint32_t>(s * burst.words_per_step);
        for (int i = 0; i < burst.words_per_step; ++i) ++per_bank[(w0 + i) % banks];
        int busiest = 0;
        for (int n : per_bank) {
            busiest = std::max(busiest, n);
            if (n > ports) burst.conflicts += static_cast<uint32_t>(n - ports);
        }
        const int beats = arch::ceil_div(busiest, ports);
        burst.cycles += static_cast<uint32_t>(beats);
        burst.stalls += static_cast<uint32_t>(beats - 1);
    }
    burst.cycles += arch::kM10kReadLatency;  // the registered address of the first read
}

void WeightMemory::b_transport(int /*port*/, tlm::tlm_generic_payload& trans, sc_core::sc_time& /*delay*/) {
    WeightBurst* burst = required_extension<WeightBurst>(trans, name(), "WeightBurst");
    if (!burst) return;
    const uint64_t addr = trans.get_address();
    if (trans.get_command() != tlm::TLM_READ_COMMAND) {
        trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
        return;
    }
    if (weight_store(addr) >= kMatrixCount || burst->words_per_step < 0 || burst->steps < 0) {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    burst->cycles = burst->stalls = burst->conflicts = 0;
    if (design_.weight_memory == arch::WeightMemory::logic)
        burst->cycles = static_cast<uint32_t>(burst->steps);  // every word of a step is there in the same cycle
    else
        serve_m10k(weight_word(addr), *burst);
    words_read_ += static_cast<uint64_t>(burst->words_per_step) * burst->steps;
    stall_cycles_ += burst->stalls;
    port_conflicts_ += burst->conflicts;
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
