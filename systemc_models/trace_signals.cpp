#include "trace_signals.hpp"

#include <stdexcept>

#include "arch/stages.hpp"

namespace mgpt::tlm_model {

TraceSignals::TraceSignals(sc_core::sc_module_name name, const sc_core::sc_time& period, const std::string& vcd_path,
                           int cores, int slots)
    : sc_module(name), clk("clk", period), cycle("cycle"), stage("stage"),
      weight_words_per_cycle("weight_words_per_cycle"), kv_rows_per_cycle("kv_rows_per_cycle"),
      stall_cycles("stall_cycles"), token("token"), pos("pos"), busy("busy"), slots_(slots) {
    SC_HAS_PROCESS(TraceSignals);
    SC_METHOD(count);
    sensitive << clk.negedge_event();  // mid-cycle: no race with the stage boundaries on the rising edge
    dont_initialize();
    // SystemC appends ".vcd" to the name it is given: the file is written under
    // exactly `vcd_path` only if that ends in it (the command line hands over a
    // temporary file that does, then moves it to the name the user gave).
    const std::string ext = ".vcd";
    if (vcd_path.size() <= ext.size() || vcd_path.compare(vcd_path.size() - ext.size(), ext.size(), ext) != 0)
        throw std::invalid_argument("trace file '" + vcd_path + "': the name must end in " + ext);
    file_ = sc_core::sc_create_vcd_trace_file(vcd_path.substr(0, vcd_path.size() - ext.size()).c_str());
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
    if (cores * slots == 1) return;
    auto add = [this](std::vector<std::unique_ptr<Shared>>& list, const std::string& trace_name) {
        std::string signal_name = trace_name;  // SystemC object names may not contain dots
        for (char& c : signal_name)
            if (c == '.') c = '_';
        list.emplace_back(new Shared(signal_name.c_str(), kIdle));
        sc_core::sc_trace(file_, *list.back(), trace_name);
    };
    for (int c = 0; c < cores; ++c) {
        const std::string core = "core" + std::to_string(c) + ".";
        for (int u = 0; u < arch::kSharedUnitCount; ++u) add(unit_slot_, core + arch::kUnitNames[u] + "_slot");
        for (int s = 0; s < slots; ++s) add(slot_stage_, core + "slot" + std::to_string(s) + "_stage");
    }
}

TraceSignals::~TraceSignals() { sc_core::sc_close_vcd_trace_file(file_); }

void TraceSignals::count() {
    if (busy.read()) cycle.write(cycle.read() + 1);
}

}  // namespace mgpt::tlm_model
