// The weight store: logic ROMs (combinational, any number of words per cycle)
// or M10K banks (synchronous read, `bram_ports` words per bank per cycle).
//
// Layout (docs/MICROARCH.md "M10K mapping"): every matrix has its own
// `weight_banks` banks. Its weights are stored in the order its consumer reads
// them, two per 32-bit word, and word w lives in bank w mod B at address
// w div B. A streamed read of one step (the weights all lanes need in one
// cycle) is a run of consecutive words; the memory counts the words that fall
// into each bank and serves a bank's requests `bram_ports` at a time, lowest
// word first: a step takes max over banks of ceil(words in bank / ports)
// cycles ("beats"); every beat past the first is a stall cycle.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "arch/design_point.hpp"
#include "clock_domain.hpp"
#include "model/topology.hpp"

namespace mgpt::tlm_model {

// A streamed read: `steps` steps of `words_per_step` consecutive words each,
// starting at the payload's address (store << 24 | first word).
struct WeightBurst : tlm::tlm_extension<WeightBurst> {
    int words_per_step = 1;
    int steps = 1;
    uint32_t cycles = 0;  // out: cycles the burst occupies the ports, latency included
    uint32_t stalls = 0;  // out: cycles lost to bank/port conflicts
    tlm::tlm_extension_base* clone() const override { return new WeightBurst(*this); }
    void copy_from(const tlm::tlm_extension_base& e) override { *this = static_cast<const WeightBurst&>(e); }
};

constexpr uint64_t weight_address(Matrix m, uint32_t word) {
    return (static_cast<uint64_t>(m) << 24) | word;
}

// An initiator's side of a streamed read: `passes`-th block of `steps` steps of
// `words_per_step` words of matrix m (read-order layout). Owns its payload.
class WeightReader {
public:
    WeightReader();
    // Returns the burst's cycles and stall cycles; reports an error naming `who` if rejected.
    std::pair<uint32_t, uint32_t> read(tlm::tlm_fw_transport_if<>& memory, Matrix m, int block, int words_per_step,
                                       int steps, const char* who);

private:
    tlm::tlm_generic_payload trans_;
    WeightBurst* burst_;
};

class WeightMemory : public sc_core::sc_module {
public:
    // Several initiators (the load unit, the tile) share the memory.
    tlm_utils::multi_passthrough_target_socket<WeightMemory> socket;
    WeightMemory(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock);

    uint64_t words_read() const { return words_read_; }
    uint64_t stall_cycles() const { return stall_cycles_; }

private:
    void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    const arch::DesignPoint& design_;
    const ClockDomain& clock_;
    uint64_t words_read_ = 0;
    uint64_t stall_cycles_ = 0;
    std::vector<int> per_bank_;  // scratch: words per bank in one step
};

}  // namespace mgpt::tlm_model
