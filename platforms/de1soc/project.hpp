// Writes the Quartus Prime project of a design point for the DE1-SoC into a
// folder: ROM files, a copy of the RTL, the PLL frequency include, the
// .qpf/.qsf/.sdc, the Platform Designer script, build.sh, the System Console
// runner, README.md and design.cfg (docs/FPGA.md, "The project").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "cli/sampling_options.hpp"
#include "model/weights.hpp"
#include "prediction.hpp"

namespace mgpt::de1soc {

struct FpgaProject {
    std::string dir;
    std::vector<std::string> rtl_files;  // relative to dir, the .sv compiled (sorted)
    std::vector<std::string> rom_files;  // relative to dir
    arch::PllSetting pll{};
    uint32_t design_tag = 0;
};

// The top level's parameters beyond the core's: PLL_M, PLL_N, PLL_C, DESIGN_TAG.
std::vector<std::pair<std::string, std::string>> board_parameters(const arch::PllSetting& pll, uint32_t design_tag);
// The top level's sources beyond the core's (rtl/de1soc/board_sources.txt), relative to the source tree.
std::vector<std::string> board_rtl_sources();

// The file a project folder gets when `fpga` creates it (or fills an empty
// one): fpga rewrites its rtl/, rom/ and top files only in such a folder.
constexpr const char* kProjectMarker = ".microgpt-dse-fpga";

// Whether `dir` may receive a project: it does not exist, is an empty folder,
// or holds kProjectMarker (fpga's own previous output); `force` allows any
// folder. Otherwise throws cli::UsageError naming the folder, what is in it,
// and --force. Writes nothing.
void check_project_dir(const std::string& dir, bool force);

// `workload` and `prediction` give the runner its default workload and the
// model's names and cycles for it. Checks `dir` first (check_project_dir).
FpgaProject write_fpga_project(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& workload,
                               const WorkloadPrediction& prediction, const std::string& dir, bool force = false);

}  // namespace mgpt::de1soc
