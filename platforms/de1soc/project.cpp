#include "project.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "arch/rom_layout.hpp"
#include "arch/rtl_parameters.hpp"
#include "cli/usage.hpp"
#include "common/foreign_folder.hpp"
#include "common/source_tree.hpp"
#include "cosim/rtl_sources.hpp"
#include "model/golden_slots.hpp"
#include "design_tag.hpp"
#include "quartus_template.hpp"
#include "regmap.hpp"

namespace fs = std::filesystem;

namespace mgpt::de1soc {

namespace {

std::string hex32(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", v);
    return buf;
}

// Copies the core's and the board's sources (rtl/core_sources.txt,
// rtl/de1soc/board_sources.txt) and the include files of both folders into
// dir/rtl, flat; returns the .sv files relative to dir.
std::vector<std::string> copy_rtl(const std::string& dir) {
    const std::string src = source_root();
    fs::create_directories(dir + "/rtl");
    const auto copy = [&dir](const fs::path& from) {
        fs::copy_file(from, dir + "/rtl/" + from.filename().string(), fs::copy_options::overwrite_existing);
        return "rtl/" + from.filename().string();
    };
    std::vector<std::string> sv;
    for (const auto& list : {cosim::core_rtl_sources(), board_rtl_sources()})
        for (const auto& f : list) sv.push_back(copy(src + "/" + f));
    for (const std::string& from : {src + "/rtl", src + "/rtl/de1soc"})
        for (const auto& e : fs::directory_iterator(from))
            if (e.is_regular_file() && e.path().extension() == ".svh") copy(e.path());
    std::sort(sv.begin(), sv.end());
    return sv;
}

std::vector<std::string> list_dir(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(prefix + e.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

// altera_pll's frequency string: exactly 50 MHz * M / (N * C), six decimals as the IP editor writes it
std::string pll_freq_string(const arch::PllSetting& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f MHz", 50.0 * p.m / (p.n * p.c));
    return buf;
}

TemplateValues values_for(const arch::DesignPoint& d, const FpgaProject& p, const cli::SamplingOptions& o,
                          const WorkloadPrediction& pred) {
    TemplateValues v;
    v["DESIGN_NAME"] = d.name;
    v["DESIGN_SHORT"] = arch::to_short_string(d);
    v["PLL_TEXT"] = pll_text(p.pll);
    v["PLL_FREQ"] = pll_freq_string(p.pll);
    v["CLOCK_HZ"] = std::to_string(static_cast<uint64_t>(50000000.0 * p.pll.m / (p.pll.n * p.pll.c)));
    char f[64];
    std::snprintf(f, sizeof f, "%.6f", 50e6 * p.pll.m / (p.pll.n * p.pll.c));
    v["F_HZ"] = f;
    v["DESIGN_TAG"] = hex32(p.design_tag);
    std::string files, roms, params;
    for (const auto& s : p.rtl_files) files += "set_global_assignment -name SYSTEMVERILOG_FILE " + s + "\n";
    for (const auto& r : p.rom_files) roms += "set_global_assignment -name MISC_FILE " + r + "\n";
    for (const auto& [name, value] : arch::rtl_parameters(d)) params += "set_parameter -name " + name + " " +
                                                                         std::to_string(value) + "\n";
    for (const auto& [name, value] : board_parameters(p.pll, p.design_tag))
        params += "set_parameter -name " + name + " " + value + "\n";
    files.pop_back();
    roms.pop_back();
    params.pop_back();
    v["SOURCE_FILES"] = files;
    v["ROM_FILES"] = roms;
    v["PARAMETERS"] = params;
    // the runner: register map, workload, the model's names and cycles for it
    namespace rm = regmap;
    for (const auto& [key, offset] : std::vector<std::pair<std::string, uint32_t>>{
             {"REG_ID", rm::kId}, {"REG_VERSION", rm::kVersion}, {"REG_CONTROL", rm::kControl},
             {"REG_CONFIG", rm::kConfig}, {"REG_SEED", rm::kSeed}, {"REG_STATUS", rm::kStatus}, {"REG_BOS", rm::kBos},
             {"REG_CYCLES", rm::kCycles}, {"REG_CLOCK_HZ", rm::kClockHz}, {"REG_DESIGN_TAG", rm::kDesignTag},
             {"REG_SLOTS", rm::kSlots}, {"REG_COUNT", rm::kCount}, {"REG_SLOT_SEL", rm::kSlotSel},
             {"REG_SLOT_SEED", rm::kSlotSeed}, {"REG_RESULT_SEL", rm::kResultSel}, {"REG_RESULT", rm::kResult},
             {"REG_TOKENS", rm::kTokens}, {"REG_RESULT_CYCLES", rm::kResultCycles},
             {"REG_UNMAPPED", rm::kWindowBytes - 4}}) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "0x%02X", offset);
        v[key] = buf;
    }
    v["COUNT"] = std::to_string(o.count);
    v["SEED"] = std::to_string(o.seed);
    char t[16];
    std::snprintf(t, sizeof t, "0x%04X", o.gen.temperature);
    v["TEMPERATURE"] = t;
    v["GREEDY"] = o.gen.greedy ? "1" : "0";
    std::string names, cycles;
    for (const auto& n : pred.names) {
        names += (names.empty() ? "" : " ") + std::string("{") + n.name + "}";
        cycles += (cycles.empty() ? "" : " ") + std::to_string(n.cycles);
    }
    v["SLOTS"] = std::to_string(d.sequences);
    v["RESULT_NAMES"] = std::to_string(rm::kResultNames);
    std::string seeds, final_seeds;
    for (int g = 0; g < d.sequences; ++g) {
        seeds += (g ? " " : "") + std::to_string(golden::slot_seed(o.seed, g));
        final_seeds += (g ? " " : "") + std::to_string(pred.final_rng.at(g));
    }
    v["SLOT_SEEDS"] = seeds;
    v["FINAL_SEEDS"] = final_seeds;
    v["EXPECTED_NAMES"] = names;
    v["EXPECTED_CYCLES"] = cycles;
    v["EXPECTED_TOKENS"] = std::to_string(pred.tokens);
    v["EXPECTED_TOTAL_CYCLES"] = std::to_string(pred.cycles);
    v["EXPECTED_TPS"] = std::to_string(static_cast<long long>(pred.tokens_per_second() + 0.5));
    return v;
}

}  // namespace

std::vector<std::string> board_rtl_sources() { return cosim::read_rtl_source_list("rtl/de1soc/board_sources.txt"); }

std::vector<std::pair<std::string, std::string>> board_parameters(const arch::PllSetting& pll, uint32_t design_tag) {
    return {{"PLL_M", std::to_string(pll.m)},
            {"PLL_N", std::to_string(pll.n)},
            {"PLL_C", std::to_string(pll.c)},
            {"DESIGN_TAG", std::to_string(design_tag)}};
}

void check_project_dir(const std::string& dir, bool force) {
    std::string shown;
    try {
        shown = foreign_folder_contents(dir, {kProjectMarker});
    } catch (const std::invalid_argument& e) {
        throw cli::UsageError(e.what());
    }
    if (force || shown.empty()) return;
    throw cli::UsageError("--out " + dir + " is a folder microgpt-dse fpga did not create and it is not empty (" + shown +
                          "): the project would delete its rtl/ and rom/ and overwrite its README.md; give a new or "
                          "empty folder, or add --force to write into it anyway");
}

FpgaProject write_fpga_project(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& workload,
                               const WorkloadPrediction& prediction, const std::string& dir, bool force) {
    check_project_dir(dir, force);
    fs::create_directories(dir);
    // First of all: a project interrupted half-way is still fpga's to rewrite.
    write_file_atomically(dir + "/" + kProjectMarker,
                          "This folder was written by microgpt-dse fpga, which may delete and rewrite its rtl/, rom/ "
                          "and project files.\n");
    FpgaProject p;
    p.dir = dir;
    p.pll = arch::solve_pll(d.pll_mhz);
    p.design_tag = design_tag(d, w);
    // generated subfolders are rewritten whole: no stale ROM or RTL file of another design survives
    fs::remove_all(dir + "/rom");
    fs::remove_all(dir + "/rtl");
    arch::write_rom_files(d, w, dir + "/rom");
    p.rom_files = list_dir(dir + "/rom", "rom/");
    p.rtl_files = copy_rtl(dir);
    write_file_atomically(dir + "/rtl/mgpt_pll_freq.svh",
                          "// generated by microgpt-dse fpga: altera_pll's output frequency for the PLL model's setting\n"
                          "// " + pll_text(p.pll) + "\nlocalparam OUT_FREQ = \"" + pll_freq_string(p.pll) + "\";\n");
    write_file_atomically(dir + "/design.cfg", arch::to_config_text(d));
    const TemplateValues v = values_for(d, p, workload, prediction);
    for (const char* name : {"de1soc_mgpt.qpf", "de1soc_mgpt.qsf", "de1soc_mgpt.sdc", "mgpt_host_qsys.tcl", "build.sh",
                             "run_on_board.tcl", "README.md"})
        write_file_atomically(dir + "/" + name, fill_template_file(name, v));
    fs::permissions(dir + "/build.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
    return p;
}

}  // namespace mgpt::de1soc
