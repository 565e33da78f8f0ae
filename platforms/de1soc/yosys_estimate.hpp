// The yosys resource estimate of a project's top level: a script
// (yosys/synth.ys, runnable by hand from the project folder) reading the RTL
// with `QUARTUS defined and Intel's IP (altera_pll, the Platform Designer
// system) as black boxes, then `synth_intel_alm -family cyclonev` of a wrapper
// with the parameters as literals (M10K weight banks as placeholder cells,
// rtl/synth/m10k_rom_lib.txt, as the explorer's calibration runs do); and,
// when asked, a run of it under a time limit. Logic-ROM weights make yosys
// slow (minutes to hours on wide designs): the caller decides whether to run.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "arch/design_point.hpp"
#include "project.hpp"

namespace mgpt::de1soc {

struct YosysEstimate {
    bool completed = false;
    bool timed_out = false;
    int exit_code = 0;
    double seconds = 0;
    int timeout_seconds = 0;
    std::string log;                                  // relative to the project folder
    std::vector<std::pair<std::string, long>> cells;  // cell type, count (the top, flattened)
    // luts: ALUT cells and inverters; m10ks: M10K cells or placeholder banks
    long luts = 0, ffs = 0, dsps = 0, m10ks = 0, mlabs = 0;
    // ALMs packed from the LUT cells by rtl/synth/yosys_stat.awk, the rule of the calibration runs
    // (the figure the explorer's resource model is fitted to): an ALUT6 fills an ALM, two smaller
    // LUTs or two arithmetic bits share one, never fewer than a quarter of the flip-flops.
    long alms_est = 0;
};

// Writes yosys/synth.ys and yosys/ip_blackboxes.v.
void write_yosys_script(const arch::DesignPoint& d, const FpgaProject& p);
// Runs the script (nice, `timeout`); never throws for a failed or slow run.
YosysEstimate run_yosys(const FpgaProject& p, int timeout_seconds);

}  // namespace mgpt::de1soc
