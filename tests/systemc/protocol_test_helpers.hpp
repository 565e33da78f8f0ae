// What the SystemC protocol tests share: one TLM command sent to a target,
// with the response status, the error it reported (if any) and the delay.
#pragma once
#include <string>

#include <systemc>
#include <tlm>

namespace mgpt::test {

struct Sent {
    tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
    std::string error;  // what SC_REPORT_ERROR said, if it did
    sc_core::sc_time delay;
};

// One command, catching the error a target reports.
template <class Protocol>
Sent send(tlm::tlm_fw_transport_if<Protocol>& target, tlm::tlm_generic_payload& trans) {
    Sent s;
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    try {
        target.b_transport(trans, delay);
    } catch (const sc_core::sc_report& r) {
        s.error = r.what();
    }
    s.status = trans.get_response_status();
    s.delay = delay;
    return s;
}

}  // namespace mgpt::test
