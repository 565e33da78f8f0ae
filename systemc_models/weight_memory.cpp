#include "weight_memory.hpp"

#include <algorithm>
#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

WeightReader::WeightReader() : burst_(new WeightBurst) { trans_.set_extension(burst_); }

std::pair<uint32_t, uint32_t> WeightReader::read(tlm::tlm_fw_transport_if<>& memory, Matrix m, int block,
                                                 int words_per_step, int steps, const char* who) {
    burst_->words_per_step = words_per_step;
    burst_->steps = steps;
    trans_.set_command(tlm::TLM_READ_COMMAND);
    trans_.set_address(weight_address(m, static_cast<uint32_t>(block * steps * words_per_step)));
    trans_.set_data_length(0);
    trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time scratch = sc_core::SC_ZERO_TIME;  // the initiator composes the timing from the cycles
    memory.b_transport(trans_, scratch);
    if (trans_.is_response_error()) SC_REPORT_ERROR(who, "the weight memory rejected a read");
    return {burst_->cycles, burst_->stalls};
}

WeightMemory::WeightMemory(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock)
    : sc_module(name), socket("socket"), design_(design), clock_(clock) {
    socket.register_b_transport(this, &WeightMemory::b_transport);
}

void WeightMemory::b_transport(int /*port*/, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    WeightBurst* burst = nullptr;
    trans.get_extension(burst);
    const uint64_t addr = trans.get_address();
    if (!burst || trans.get_command() != tlm::TLM_READ_COMMAND || (addr >> 24) >= kMatrixCount) {
        trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    const uint32_t first = static_cast<uint32_t>(addr & 0xffffff);
    uint32_t cycles = 0, stalls = 0;
    if (design_.weight_memory == arch::WeightMemory::logic) {
        cycles = static_cast<uint32_t>(burst->steps);  // every word of a step is there in the same cycle
    } else {
        const int banks = design_.weight_banks, ports = design_.bram_ports;
        std::vector<int>& per_bank = per_bank_;
        per_bank.assign(static_cast<size_t>(banks), 0);
        for (int s = 0; s < burst->steps; ++s) {
            std::fill(per_bank.begin(), per_bank.end(), 0);
            const uint32_t w0 = first + static_cast<uint32_t>(s * burst->words_per_step);
            for (int i = 0; i < burst->words_per_step; ++i) ++per_bank[(w0 + i) % banks];
            const int busiest = *std::max_element(per_bank.begin(), per_bank.end());
            const int beats = arch::ceil_div(busiest, ports);
            cycles += static_cast<uint32_t>(beats);
            stalls += static_cast<uint32_t>(beats - 1);
        }
        cycles += arch::kM10kReadLatency;  // the registered address of the first read
    }
    burst->cycles = cycles;
    burst->stalls = stalls;
    words_read_ += static_cast<uint64_t>(burst->words_per_step) * burst->steps;
    stall_cycles_ += stalls;
    delay += clock_.cycles(cycles);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
