// microgpt-dse fpga: writes the Quartus Prime project of a design point for
// the DE1-SoC (docs/FPGA.md), optionally a yosys resource estimate of its top
// level (--yosys) and the register-level co-simulation of that top level
// (--simulate); report.md collects the figures, each labelled with its source.
#include <iostream>
#include <thread>

#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/text_format.hpp"
#include "arch/rtl_parameters.hpp"
#include "cosim/rtl_build_cache.hpp"
#include "platforms/de1soc/board_host.hpp"
#include "platforms/de1soc/board_simulation.hpp"
#include "platforms/de1soc/model_estimate.hpp"
#include "platforms/de1soc/prediction.hpp"
#include "platforms/de1soc/project.hpp"
#include "platforms/de1soc/report.hpp"
#include "platforms/de1soc/yosys_estimate.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_fpga(const Args& args) {
    po::options_description desc("fpga options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    cli::add_sampling_options(desc, false);
    // computed before po::value allocates: a default that throws (no tree found) must not leak it
    const std::string cache_default = cosim::default_rtl_cache();
    desc.add_options()
        ("out", po::value<std::string>()->required(),
         "project folder: new, empty, or fpga's own earlier output (its rom/ and rtl/ are rewritten)")
        ("force", po::bool_switch(), "write into a non-empty folder fpga did not create (deletes its rom/ and rtl/)")
        ("yosys", po::bool_switch(), "run the yosys estimate of the top level (slow with logic-ROM weights)")
        ("yosys-timeout", po::value<int>()->default_value(3600), "seconds before the yosys run is abandoned")
        ("simulate", po::bool_switch(),
         "co-simulate the Verilated top level through its register interface (--count names) against the TLM")
        ("trace", po::value<std::string>(), "with --simulate: write a VCD of the top level")
        ("cache", po::value<std::string>()->default_value(cache_default),
         "Verilated-model cache directory")
        ("build-jobs", po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
         "parallel compile jobs when building the co-simulation");
    po::variables_map vm;
    if (!cli::parse_or_help("fpga", "--design FILE [--set key=value ...] --out DIR [--force] [--count N] [--seed S] "
                               "[--temperature T] [--greedy] [--yosys] [--simulate]",
                       args, desc, vm))
        return 0;
    // the board drives every slot of one core (docs/FPGA.md): any sequences, one core
    const arch::DesignPoint d = cli::read_rtl_design_options(vm, arch::RtlFlow::board);
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    de1soc::host_settings(d, o);  // refuses a workload one run cannot hold
    // the runner carries the model's names and cycles for the workload: keep it a readable script
    if (o.count > 10000)
        throw UsageError("--count " + std::to_string(o.count) + " is out of range for fpga (legal: 1..10000)");
    const int timeout = vm["yosys-timeout"].as<int>();
    if (timeout < 1) throw UsageError("--yosys-timeout " + std::to_string(timeout) + " must be at least 1");
    if (vm.count("trace") && !vm["simulate"].as<bool>()) throw UsageError("--trace needs --simulate");
    const std::string trace = cli::output_file_option(vm, "trace");  // a file that cannot be written: refused now
    const std::string out = vm["out"].as<std::string>();
    const bool force = vm["force"].as<bool>();
    de1soc::check_project_dir(out, force);  // before any work
    const QWeights w = load_rom_dir(o.weights_dir);

    const de1soc::WorkloadPrediction pred = de1soc::predict_workload(d, w, o);
    const de1soc::FpgaProject p = de1soc::write_fpga_project(d, w, o, pred, out, force);
    de1soc::write_yosys_script(d, p);
    de1soc::FpgaReport extra;
    extra.model = de1soc::model_estimate(d, p.pll.f_out_mhz);
    de1soc::write_fpga_report(d, p, o, pred, extra);  // complete already: later steps only add to it
    std::cout << "wrote the DE1-SoC project of " << d.name << " (" << arch::to_short_string(d) << ") to " << p.dir
              << ": de1soc_mgpt.qpf/.qsf/.sdc, mgpt_host_qsys.tcl, build.sh, run_on_board.tcl, README.md, report.md, "
              << p.rtl_files.size() << " RTL files, " << p.rom_files.size() << " ROM files\n"
              << "clock [PLL model]: " << de1soc::pll_text(p.pll) << "\n"
              << "prediction [model: closed-form cycles over the golden workload]: " << pred.tokens << " tokens in "
              << pred.cycles << " cycles = " << fixed_decimals(pred.tokens_per_second(), 0) << " tokens/s\n";
    if (extra.model.available)
        std::cout << "resources [" << extra.model.resource_source << "]: " << extra.model.alms << " ALMs, "
                  << extra.model.registers << " registers, " << extra.model.dsp << " DSP, " << extra.model.m10k
                  << " M10K; Fmax [" << extra.model.fmax_source << "]: " << fixed_decimals(extra.model.fmax_mhz, 1)
                  << " MHz, slack " << fixed_decimals(extra.model.slack_ns, 3) << " ns; before the Quartus correction "
                  << extra.model.yosys_alms << " ALMs, " << extra.model.yosys_registers << " registers (yosys-equivalent)\n";

    de1soc::YosysEstimate y;
    if (vm["yosys"].as<bool>()) {
        std::cout << "yosys: running synth_intel_alm on de1soc_top (limit " << timeout << " s)..." << std::endl;
        y = de1soc::run_yosys(p, timeout);
        extra.yosys = &y;
        if (y.completed)
            std::cout << "resources [yosys]: " << y.luts << " LUT cells (" << y.alms_est << " ALMs packed), " << y.ffs
                      << " flip-flops, " << y.dsps
                      << " DSP cells, " << y.m10ks << " M10K, " << y.mlabs << " MLAB (" << fixed_decimals(y.seconds, 0)
                      << " s)\n";
        else if (y.timed_out)
            std::cout << "yosys: did not finish within " << timeout << " s (see " << p.dir << "/" << y.log << ")\n";
        else
            std::cout << "yosys: failed with status " << y.exit_code << " (see " << p.dir << "/" << y.log << ")\n";
    }
    int rc = 0;
    if (vm["simulate"].as<bool>()) {
        de1soc::SimulationOptions s;
        s.cache = vm["cache"].as<std::string>();
        s.jobs = vm["build-jobs"].as<int>();
        s.trace = trace;
        const de1soc::SimulationResult r = de1soc::run_board_simulation(d, w, o, p, s);
        extra.simulation_md = r.summary_md.empty() ? "The driver wrote no summary (exit status " +
                                                         std::to_string(r.exit_code) + ").\n"
                                                   : r.summary_md;
        rc = r.exit_code;
    }
    de1soc::write_fpga_report(d, p, o, pred, extra);
    std::cout << "report: " << p.dir << "/report.md\n"
              << "on a machine with Quartus Prime Lite: bash " << p.dir << "/build.sh\n";
    return rc;
}

}  // namespace mgpt::app
