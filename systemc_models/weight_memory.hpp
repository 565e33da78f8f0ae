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
// cycles ("beats"); every beat past the first is a stall cycle, and every
// word read past the first `bram_ports` of its bank in a step is a port
// conflict. Commands: weight_protocol.hpp; the memory answers their cost in
// cycles and leaves the delay alone (protocol.hpp, "Timing").
#pragma once
#include <cstdint>
#include <vector>
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "arch/design_point.hpp"
#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

class WeightMemory : public sc_core::sc_module {
public:
    // Several initiators (the load unit, the tile) share the memory.
    tlm_utils::multi_passthrough_target_socket<WeightMemory, 32, WeightProtocol> socket;
    WeightMemory(sc_core::sc_module_name name, const arch::DesignPoint& design);

    uint64_t words_read() const { return words_read_; }
    uint64_t stall_cycles() const { return stall_cycles_; }
    uint64_t port_conflicts() const { return port_conflicts_; }

private:
    void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void serve_m10k(uint32_t first, WeightBurst& burst);
    const arch::DesignPoint& design_;
    uint64_t words_read_ = 0;
    uint64_t stall_cycles_ = 0;
    uint64_t port_conflicts_ = 0;
    std::vector<int> per_bank_;  // scratch: words per bank in one step
};

}  // namespace mgpt::tlm_model
