// A TLM-2.0 target that turns b_transport reads and writes of 32-bit words
// into Avalon-MM cycles on pins: the stand-in for Intel's JTAG-to-Avalon-MM
// master when the DE1-SoC top level is co-simulated (rtl/de1soc/de1soc_top.sv,
// its sim_* ports). The TLM address is the byte address on the bus, as
// master_read_32 / master_write_32 use it in System Console.
//
// Timing (Avalon-MM, all pins synchronous to `clk`): the master drives the
// command at a falling edge and holds it until a rising edge at which
// waitrequest is low (the command is accepted there), then releases it at the
// next falling edge. A read completes at the first rising edge with
// readdatavalid high, which latches readdata. Pins are driven at falling edges
// and sampled at rising edges, where the RTL's outputs still hold their
// pre-edge values (sc_signal updates after the evaluation phase): no race.
//
// Responses: TLM_OK_RESPONSE; TLM_ADDRESS_ERROR_RESPONSE without bus activity
// for addresses outside the bridge's window or not word-aligned (Platform
// Designer's interconnect decodes those); TLM_BURST_ERROR_RESPONSE for lengths
// other than 4; TLM_GENERIC_ERROR_RESPONSE when the slave does not answer
// within `timeout_cycles`.
#pragma once
#include <cstdint>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace mgpt::tlm_model {

class AvalonMmMaster : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<AvalonMmMaster> socket;
    sc_core::sc_in<bool> clk;
    // signals to bind to the slave's ports
    sc_core::sc_signal<uint32_t> address, writedata, byteenable, readdata;
    sc_core::sc_signal<bool> read, write, readdatavalid, waitrequest;

    AvalonMmMaster(sc_core::sc_module_name name, uint32_t window_bytes, int timeout_cycles = 1000);

    uint64_t transfers() const { return transfers_; }
    uint64_t bus_cycles() const { return bus_cycles_; }  // cycles with a command or a read pending

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    // One Avalon transfer; false on timeout.
    bool transfer(bool is_write, uint32_t addr, uint32_t wdata, uint32_t be, uint32_t& rdata);
    bool wait_accepted();
    const uint32_t window_;
    const int timeout_;
    uint64_t transfers_ = 0, bus_cycles_ = 0;
};

}  // namespace mgpt::tlm_model
