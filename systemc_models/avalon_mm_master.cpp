#include "avalon_mm_master.hpp"

namespace mgpt::tlm_model {

AvalonMmMaster::AvalonMmMaster(sc_core::sc_module_name name, uint32_t window_bytes, int timeout_cycles)
    : sc_module(name), socket("socket"), clk("clk"), address("address"), writedata("writedata"),
      byteenable("byteenable"), readdata("readdata"), read("read"), write("write"), readdatavalid("readdatavalid"),
      waitrequest("waitrequest"), window_(window_bytes), timeout_(timeout_cycles) {
    socket.register_b_transport(this, &AvalonMmMaster::b_transport);
}

bool AvalonMmMaster::wait_accepted() {
    for (int i = 0; i < timeout_; ++i) {
        sc_core::wait(clk.posedge_event());
        ++bus_cycles_;
        if (!waitrequest.read()) return true;  // the pre-edge value: accepted at this edge
    }
    return false;
}

bool AvalonMmMaster::transfer(bool is_write, uint32_t addr, uint32_t wdata, uint32_t be, uint32_t& rdata) {
    sc_core::wait(clk.negedge_event());
    address.write(addr);
    byteenable.write(be);
    writedata.write(wdata);
    read.write(!is_write);
    write.write(is_write);
    bool ok = wait_accepted();
    sc_core::wait(clk.negedge_event());  // release before the next rising edge: exactly one command
    read.write(false);
    write.write(false);
    if (!ok || is_write) return ok;
    for (int i = 0; i < timeout_; ++i) {
        sc_core::wait(clk.posedge_event());
        ++bus_cycles_;
        if (readdatavalid.read()) {
            rdata = readdata.read();
            return true;
        }
    }
    return false;
}

void AvalonMmMaster::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const uint64_t addr = trans.get_address();
    if (trans.get_data_length() != 4 || trans.get_streaming_width() < 4) {
        trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    if (addr >= window_ || addr % 4 != 0) {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    sc_core::wait(delay);  // the bus runs in real simulated time: catch up with the initiator first
    delay = sc_core::SC_ZERO_TIME;
    unsigned char* data = trans.get_data_ptr();
    uint32_t be = 0xF;
    if (const unsigned char* mask = trans.get_byte_enable_ptr()) {
        be = 0;
        for (int i = 0; i < 4; ++i)
            if (mask[i % trans.get_byte_enable_length()] == TLM_BYTE_ENABLED) be |= 1u << i;
    }
    const bool is_write = trans.is_write();
    uint32_t wdata = 0, rdata = 0;
    if (is_write) wdata = uint32_t{data[0]} | uint32_t{data[1]} << 8 | uint32_t{data[2]} << 16 | uint32_t{data[3]} << 24;
    if (!transfer(is_write, static_cast<uint32_t>(addr), wdata, be, rdata)) {
        trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    ++transfers_;
    if (!is_write)
        for (int i = 0; i < 4; ++i) data[i] = static_cast<unsigned char>(rdata >> (8 * i));
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace mgpt::tlm_model
