#include "kv_protocol.hpp"

#include <algorithm>

namespace mgpt::tlm_model {

uint32_t KvPort::transport(tlm::tlm_fw_transport_if<KvProtocol>& memory, tlm::tlm_command command,
                           const char* who) {
    tlm::tlm_generic_payload& trans = cmd_.for_transport();
    trans.set_command(command);
    sc_core::sc_time unused = sc_core::SC_ZERO_TIME;  // the cost comes back in cycles (protocol.hpp)
    memory.b_transport(trans, unused);
    if (trans.is_response_error()) SC_REPORT_ERROR(who, "the KV memory rejected a command");
    return cmd_.command().cycles;
}

uint32_t KvPort::clear(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, const char* who) {
    cmd_.command().op = KvOp::clear;
    cmd_.command().slot = slot;
    cmd_.payload().set_data_length(0);
    return transport(memory, tlm::TLM_IGNORE_COMMAND, who);
}

uint32_t KvPort::write(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, int pos, const golden::Vec16& k,
                       const golden::Vec16& v, const char* who) {
    std::copy(k.begin(), k.end(), row_);
    std::copy(v.begin(), v.end(), row_ + kEmbd);
    KvCommand& c = cmd_.command();
    c.op = KvOp::write;
    c.slot = slot;
    c.pos = pos;
    tlm::tlm_generic_payload& trans = cmd_.payload();
    trans.set_data_ptr(reinterpret_cast<unsigned char*>(row_));
    trans.set_data_length(sizeof row_);
    trans.set_streaming_width(sizeof row_);
    return transport(memory, tlm::TLM_WRITE_COMMAND, who);
}

uint32_t KvPort::read(tlm::tlm_fw_transport_if<KvProtocol>& memory, int slot, KvOp op, int head, int rows,
                      const char* who) {
    KvCommand& c = cmd_.command();
    c.op = op;
    c.slot = slot;
    c.head = head;
    c.rows = rows;
    cmd_.payload().set_data_length(0);
    return transport(memory, tlm::TLM_READ_COMMAND, who);
}

}  // namespace mgpt::tlm_model
