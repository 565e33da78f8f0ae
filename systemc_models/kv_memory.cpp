#include "kv_memory.hpp"

#include <cstring>

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

KvMemory::KvMemory(sc_core::sc_module_name name, const arch::DesignPoint& design)
    : sc_module(name), socket("socket"), design_(design) {
    socket.register_b_transport(this, &KvMemory::b_transport);
    for (auto& kv : kv_) kv.clear();
}

tlm::tlm_response_status KvMemory::execute(const tlm::tlm_generic_payload& trans, KvCommand& cmd) {
    constexpr unsigned kRowBytes = sizeof(int16_t) * kEmbd;  // one position's k (or v)
    if (cmd.slot < 0 || cmd.slot >= kMaxSlotsPerCore) return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    golden::KvCache& kv = kv_[static_cast<size_t>(cmd.slot)];
    switch (cmd.op) {
        case KvOp::clear:
            kv.clear();
            cmd.cycles = 0;  // between sequences, outside every step's schedule
            return tlm::TLM_OK_RESPONSE;
        case KvOp::write:
            if (!trans.is_write()) return tlm::TLM_COMMAND_ERROR_RESPONSE;
            if (trans.get_data_length() != 2 * kRowBytes) return tlm::TLM_BURST_ERROR_RESPONSE;
            if (cmd.pos < 0 || cmd.pos >= kContext) return tlm::TLM_ADDRESS_ERROR_RESPONSE;
            std::memcpy(kv.k[cmd.pos], trans.get_data_ptr(), kRowBytes);
            std::memcpy(kv.v[cmd.pos], trans.get_data_ptr() + kRowBytes, kRowBytes);
            cmd.cycles = arch::kKvWriteCycles;
            return tlm::TLM_OK_RESPONSE;
        case KvOp::read_k:
        case KvOp::read_v:
            if (!trans.is_read()) return tlm::TLM_COMMAND_ERROR_RESPONSE;
            if (cmd.head < 0 || cmd.head >= kHeads || cmd.rows < 0 || cmd.rows > kContext)
                return tlm::TLM_ADDRESS_ERROR_RESPONSE;
            rows_read_ += static_cast<uint64_t>(cmd.rows);
            cmd.cycles = design_.kv_memory == arch::KvMemory::m10k ? arch::kM10kReadLatency : 0;
            return tlm::TLM_OK_RESPONSE;
    }
    return tlm::TLM_COMMAND_ERROR_RESPONSE;
}

void KvMemory::b_transport(int /*port*/, tlm::tlm_generic_payload& trans, sc_core::sc_time& /*delay*/) {
    KvCommand* cmd = required_extension<KvCommand>(trans, name(), "KvCommand");
    if (!cmd) return;
    trans.set_response_status(execute(trans, *cmd));
}

}  // namespace mgpt::tlm_model
