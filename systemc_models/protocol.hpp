// What every TLM protocol of the core has in common.
//
// Commands are typed, not encoded: each socket pair speaks its own protocol
// (the core's host commands and stage commands in step_protocol.hpp, the KV
// memory's in kv_protocol.hpp, the weight memory's in weight_protocol.hpp).
// The payload is a tlm_generic_payload, but what to do travels in the
// protocol's extension; the address and data fields keep their TLM meaning
// (a memory address, real data) or are unused. Every protocol has its own
// traits class, so its sockets cannot bind to plain base-protocol sockets or
// to another protocol's (a compile error), and a target that receives a
// payload without its extension answers TLM_GENERIC_ERROR_RESPONSE and
// reports SC_REPORT_ERROR naming the missing extension.
//
// Timing: cycles are the one authority. Every model reports what it costs in
// core cycles (a stage unit in the StepContext, a memory in its command's
// `cycles`), exactly as the cycle contract (docs/MICROARCH.md) and the
// closed-form model count them. Simulated time is derived from cycles in one
// direction only, ClockDomain::cycles(), and in one place in the TLM core per
// mode: with one slot the controller annotates each stage's cycles on the
// host's delay; with several the core's SlotArbiter waits until each stage's
// end cycle (docs/SCHEDULING.md "TLM"). Targets inside
// the core (stage units, memories) leave the delay argument untouched; nothing
// converts time back into cycles.
#pragma once
#include <string>
#include <systemc>
#include <tlm>

namespace mgpt::tlm_model {

// Protocol traits: a distinct type per protocol (Tag), same payload and phases as the base protocol.
template <class Tag>
struct ProtocolTypes {
    using tlm_payload_type = tlm::tlm_generic_payload;
    using tlm_phase_type = tlm::tlm_phase;
};

// A protocol extension: clone and copy as a value (the extensions hold plain fields and pointers).
template <class T>
struct CommandExtension : tlm::tlm_extension<T> {
    tlm::tlm_extension_base* clone() const override { return new T(static_cast<const T&>(*this)); }
    void copy_from(const tlm::tlm_extension_base& e) override { static_cast<T&>(*this) = static_cast<const T&>(e); }
};

// The payload's extension T, or null after marking the payload
// TLM_GENERIC_ERROR_RESPONSE and reporting an error from `target` (which
// throws under SystemC's default actions).
template <class T>
T* required_extension(tlm::tlm_generic_payload& trans, const char* target, const char* extension) {
    T* e = trans.get_extension<T>();
    if (!e) {
        trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        SC_REPORT_ERROR(target, (std::string("payload without a ") + extension +
                                 " extension: this target speaks only its own protocol, not the plain base protocol")
                                    .c_str());
    }
    return e;
}

// An initiator's reusable payload of one protocol, owning its extension (the
// payload frees it). The generic command is TLM_IGNORE_COMMAND unless the
// protocol moves data: the extension is the command.
template <class T>
class CommandPayload {
public:
    CommandPayload() : ext_(new T) {
        trans_.set_extension(ext_);
        trans_.set_command(tlm::TLM_IGNORE_COMMAND);
        trans_.set_address(0);
        trans_.set_data_ptr(nullptr);
        trans_.set_data_length(0);
        trans_.set_streaming_width(0);
    }
    CommandPayload(const CommandPayload&) = delete;
    CommandPayload& operator=(const CommandPayload&) = delete;

    T& command() { return *ext_; }
    tlm::tlm_generic_payload& payload() { return trans_; }
    // The payload, its response status reset: call right before each transport.
    tlm::tlm_generic_payload& for_transport() {
        trans_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        return trans_;
    }

private:
    tlm::tlm_generic_payload trans_;
    T* ext_;
};

}  // namespace mgpt::tlm_model
