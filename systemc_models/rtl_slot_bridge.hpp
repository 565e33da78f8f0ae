// The bridge in front of a multi-slot RTL core (or several: rtl/mgpt_cores.sv)
// clocked by an RtlSlotClock: the core protocol's target (step_protocol.hpp)
// in place of a TLM core behind the host's slot threads. One bridge per core:
// a step command of the core's slot s starts global slot first_slot + s in the
// RTL (its accept is the command's start cycle, checked) and returns in the
// slot's DONE cycle with the RTL's token, RNG state, logits, per-stage cycles
// and waits, and start (accept) and end cycle, at the time the TLM core would
// return it (rtl_slot_clock.hpp: the host's next command, in a later delta, is
// the start the DONE cycle samples). A clear command needs no pin activity: a
// slot only reads the cache rows its current name wrote.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "rtl_slot_clock.hpp"
#include "step_protocol.hpp"

namespace mgpt::tlm_model {

class RtlSlotBridge : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<RtlSlotBridge, 32, CoreProtocol> socket;

    // `first_slot`: the global slot of the core's slot 0 (core k of S slots: k x S).
    RtlSlotBridge(sc_core::sc_module_name name, RtlSlotClock& clock, int first_slot = 0);

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    RtlSlotClock& clock_;
    int first_slot_;
};

}  // namespace mgpt::tlm_model
