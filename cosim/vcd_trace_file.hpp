// Finishing a Verilator VCD trace (VerilatedVcdC or VerilatedVcdSc) that was
// opened on an OutputFile's staging path: Verilator says nothing when it cannot
// open its file, so a trace that never opened is an error naming the target,
// and a complete one replaces, or is copied into, the named file
// (common/output_file.hpp). Shared by cosim_driver and the board's fpga_sim_driver.
#pragma once
#include <stdexcept>

#include "common/output_file.hpp"

namespace mgpt::cosim {

template <class Vcd>
void finish_vcd_trace(Vcd& vcd, OutputFile& file) {
    const bool opened = vcd.isOpen();
    vcd.close();
    if (!opened) throw std::runtime_error(file.path() + ": cannot write the trace (Verilator could not open its file)");
    file.commit();
}

}  // namespace mgpt::cosim
