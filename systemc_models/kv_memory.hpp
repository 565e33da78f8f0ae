// The KV caches of a core's slots (docs/SEQUENCES.md: each slot has its own),
// kMaxSlotsPerCore of them, each: registers (combinational read) or M10K. M10K organisation: one
// bank per head for K and one for V, a 64-bit word holds a head's 4 channels of
// one position, so a step's k and v are written in one cycle (all 8 banks in
// parallel) and a head streams its cached positions one per cycle after one
// cycle of read latency. Commands: kv_protocol.hpp; the memory answers their
// cost in cycles and leaves the delay alone (protocol.hpp, "Timing").
#pragma once
#include <array>
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "arch/design_point.hpp"
#include "kv_protocol.hpp"
#include "model/golden_stages.hpp"

namespace mgpt::tlm_model {

// The most slots a core has (the design key `sequences`).
constexpr int kMaxSlotsPerCore = 16;

class KvMemory : public sc_core::sc_module {
public:
    // The controller clears a slot's cache, the attention unit writes and reads it.
    tlm_utils::multi_passthrough_target_socket<KvMemory, 32, KvProtocol> socket;
    KvMemory(sc_core::sc_module_name name, const arch::DesignPoint& design);

    // Direct access for the attention datapath's values (as TLM DMI would give).
    const golden::KvCache& contents(int slot = 0) const { return kv_.at(static_cast<size_t>(slot)); }
    uint64_t rows_read() const { return rows_read_; }

private:
    void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    // Runs the command and sets its cycles; an error status (nothing done) if it is malformed.
    tlm::tlm_response_status execute(const tlm::tlm_generic_payload& trans, KvCommand& cmd);
    const arch::DesignPoint& design_;
    std::array<golden::KvCache, kMaxSlotsPerCore> kv_;
    uint64_t rows_read_ = 0;
};

}  // namespace mgpt::tlm_model
