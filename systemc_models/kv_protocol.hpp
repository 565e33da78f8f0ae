// The KV memory's protocol: a typed KvCommand per transaction.
// Every command names the slot (docs/SEQUENCES.md) whose cache it touches:
// each slot of a core has its own K and V rows.
//   clear   (TLM_IGNORE_COMMAND)  a new sequence in the slot
//   write   (TLM_WRITE_COMMAND)   position `pos`'s k and v: the payload's data,
//                                 2 x kEmbd int16 (k then v)
//   read_k, read_v (TLM_READ_COMMAND, no data)
//                                 a burst of positions 0..rows-1 of `head`; the
//                                 values reach the attention datapath by direct
//                                 access (KvMemory::contents(), as DMI would)
// The memory answers the command's cost in core cycles (`cycles`): the write's
// cycle, or a read stream's latency (the streaming itself overlaps the
// consumer's per-position work). The address is unused (0).
#pragma once
#include <cstdint>
#include <tlm>

#include "model/golden_stages.hpp"
#include "protocol.hpp"

namespace mgpt::tlm_model {

using KvProtocol = ProtocolTypes<struct KvProtocolTag>;

enum class KvOp { clear, write, read_k, read_v };

struct KvCommand : CommandExtension<KvCommand> {
    KvOp op = KvOp::clear;
    int slot = 0;         // the slot's cache, 0 .. kMaxSlotsPerCore-1
    int pos = 0;          // write: the position
    int head = 0;         // reads: the head
    int rows = 0;         // reads: positions 0..rows-1
    uint32_t cycles = 0;  // out: core cycles the command costs its initiator
};

// An initiator's side of the KV protocol: one reusable payload. Every call
// returns the command's cycles; a rejected command is reported as an error
// naming `who`.
class KvPort {
public:
    uint32_t clear(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, const char* who);
    uint32_t write(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, int pos, const golden::Vec16& k,
                   const golden::Vec16& v, const char* who);
    uint32_t read(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, KvOp op, int head, int rows,
                  const char* who);

private:
    uint32_t transport(tlm::tlm_fw_transport_if<KvProtocol>& memory, tlm::tlm_command command, const char* who);
    CommandPayload<KvCommand> cmd_;
    int16_t row_[2 * kEmbd] = {};  // the write's data: k then v
};

}  // namespace mgpt::tlm_model
