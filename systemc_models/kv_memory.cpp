#include "kv_memory.hpp"

#include <cstring>

#include "arch/microarch.hpp"

namespace mgpt::tlm_model {

KvMemory::KvMemory(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock)
    : sc_module(name), socket("socket"), design_(design), clock_(clock) {
    socket.register_b_transport(this, &KvMemory::b_transport);
    kv_.clear();
}

void KvMemory::b_transport(int /*port*/, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const uint64_t addr = trans.get_address();
    const uint64_t op = addr & 0xff0000, arg = addr & 0xffff;
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
    if (op == kKvClear && trans.is_write()) {
        kv_.clear();
    } else if (op == kKvWrite && trans.is_write() && arg < kContext && trans.get_data_length() == 2 * kEmbd * 2) {
        std::memcpy(kv_.k[arg], trans.get_data_ptr(), kEmbd * 2);
        std::memcpy(kv_.v[arg], trans.get_data_ptr() + kEmbd * 2, kEmbd * 2);
        delay += clock_.cycles(1);
    } else if ((op == kKvReadK || op == kKvReadV) && trans.is_read() && (arg & 0xff) <= kContext &&
               (arg >> 8) < kHeads) {
        rows_read_ += arg & 0xff;
        if (design_.kv_memory == arch::KvMemory::m10k) delay += clock_.cycles(arch::kM10kReadLatency);
    } else {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    }
}

}  // namespace mgpt::tlm_model
