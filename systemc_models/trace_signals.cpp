#include "trace_signals.hpp"

#include "arch/stages.hpp"

namespace mgpt::tlm_model {

TraceSignals::TraceSignals(sc_core::sc_module_name name, const sc_core::sc_time& period, const std::string& vcd_path)
    : sc_module(name), clk("clk", period), cycle("cycle"), stage("stage"),
      weight_words_per_cycle("weight_words_per_cycle"), kv_rows_per_cycle("kv_rows_per_cycle"),
      stall_cycles("stall_cycles"), token("token"), pos("pos"), busy("busy") {
    SC_HAS_PROCESS(TraceSignals);
    SC_METHOD(count);
    sensitive << clk.negedge_event();  // mid-cycle: no race with the stage boundaries on the rising edge
    dont_initialize();
    std::string base = vcd_path;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".vcd") == 0) base.resize(base.size() - 4);
    file_ = sc_core::sc_create_vcd_trace_file(base.c_str());
    file_->set_time_unit(1, sc_core::SC_PS);
    sc_core::sc_trace(file_, clk, "core.clk");
    sc_core::sc_trace(file_, cycle, "core.cycle");
    sc_core::sc_trace(file_, stage, "core.stage");
    sc_core::sc_trace(file_, busy, "core.busy");
    sc_core::sc_trace(file_, token, "core.token_in");
    sc_core::sc_trace(file_, pos, "core.pos");
    sc_core::sc_trace(file_, weight_words_per_cycle, "weight_mem.words_per_cycle");
    sc_core::sc_trace(file_, stall_cycles, "weight_mem.stall_cycles");
    sc_core::sc_trace(file_, kv_rows_per_cycle, "kv_mem.rows_per_cycle");
}

TraceSignals::~TraceSignals() { sc_core::sc_close_vcd_trace_file(file_); }

void TraceSignals::count() {
    if (busy.read()) cycle.write(cycle.read() + 1);
}

}  // namespace mgpt::tlm_model
