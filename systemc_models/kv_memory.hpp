// The KV cache: registers (combinational read) or M10K. M10K organisation: one
// bank per head for K and one for V, a 64-bit word holds a head's 4 channels of
// one position, so a step's k and v are written in one cycle (all 8 banks in
// parallel) and a head streams its cached positions one per cycle after one
// cycle of read latency.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "arch/design_point.hpp"
#include "clock_domain.hpp"
#include "model/golden_stages.hpp"

namespace mgpt::tlm_model {

// Addresses: kKvClear (write, host: new sequence), kKvWrite | pos (write, k and
// v as 32 int16 in the data buffer), kKvReadK / kKvReadV | head << 8 | rows
// (read burst of positions 0..rows-1 of one head; the cycles it adds are the
// read latency, the streaming itself overlaps the consumer's per-position work).
constexpr uint64_t kKvClear = 0x10000, kKvWrite = 0x20000, kKvReadK = 0x30000, kKvReadV = 0x40000;

class KvMemory : public sc_core::sc_module {
public:
    tlm_utils::multi_passthrough_target_socket<KvMemory> socket;
    KvMemory(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock);

    // Direct access for the attention datapath's values (as TLM DMI would give).
    const golden::KvCache& contents() const { return kv_; }
    uint64_t rows_read() const { return rows_read_; }

private:
    void b_transport(int port, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    const arch::DesignPoint& design_;
    const ClockDomain& clock_;
    golden::KvCache kv_;
    uint64_t rows_read_ = 0;
};

}  // namespace mgpt::tlm_model
