// The co-simulation driver, compiled once per RTL configuration together with
// that configuration's Verilated model (Vmgpt_core). `microgpt-dse cosim`
// builds it (CMake + verilate(), cosim/rtl_build_cache) into its cache and runs
// it with its own arguments; the main build compiles it with the baseline. It
// elaborates the RTL core in the same SystemC kernel as the TLM platform, runs
// the workload and checks RTL against TLM and golden model.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <verilated.h>
#include <verilated_vcd_sc.h>

#include "Vmgpt_core.h"
#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "common/output_file.hpp"
#include "cosim/cosim_report.hpp"
#include "cosim/driver_config.hpp"
#include "model/weights.hpp"
#include "systemc_models/cosim_platform.hpp"

namespace po = boost::program_options;
using namespace mgpt;

namespace {

int run(int argc, char** argv) {
    po::options_description desc("cosim options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    cli::add_sampling_options(desc, false);
    desc.add_options()
        ("mode", po::value<std::string>()->default_value("compare"), "compare | refine")
        ("steps-csv", po::value<std::string>(), "per-step CSV")
        ("trace", po::value<std::string>(), "VCD of the RTL side")
        ("summary", po::bool_switch(), "print the summary only (no per-step table)");
    po::variables_map vm;
    const cli::Args args(argv + 1, argv + argc);
    if (!cli::parse_or_help("cosim", "(driver) see microgpt-dse cosim --help", args, desc, vm)) return 0;
    const arch::DesignPoint d = cli::read_design_options(vm);
    cosim::check_built_configuration(d, "microgpt-dse cosim");
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    const std::string mode_s = vm["mode"].as<std::string>();
    if (mode_s != "compare" && mode_s != "refine")
        throw cli::UsageError("--mode '" + mode_s + "' is not legal (legal: compare, refine)");
    const auto mode = mode_s == "compare" ? tlm_model::CosimMode::compare : tlm_model::CosimMode::refine;
    const std::string trace = cli::output_file_option(vm, "trace");
    const std::string csv = cli::output_file_option(vm, "steps-csv");
    const QWeights w = load_rom_dir(o.weights_dir);

    Vmgpt_core rtl("rtl");
    std::unique_ptr<VerilatedVcdSc> vcd;
    // Verilator writes the trace to a temporary file (and says nothing if it
    // cannot open it): it replaces, or is copied into, the named file once complete.
    std::optional<OutputFile> trace_file;
    if (!trace.empty()) {
        trace_file.emplace(trace, cli::kVcdExtension);
        Verilated::traceEverOn(true);
    }
    const tlm_model::Job job{d, {o.count, o.seed, o.gen}};
    const auto run = tlm_model::simulate_cosim(
        w, job, mode,
        [&](tlm_model::RtlCoreBridge& b, sc_core::sc_clock& clk) {
            rtl.clk(clk);
            rtl.rst(b.rst);
            rtl.start(b.start);
            rtl.token_in(b.token_in);
            rtl.pos(b.pos);
            rtl.rng_in(b.rng_in);
            rtl.greedy(b.greedy);
            rtl.temperature(b.temperature);
            rtl.busy(b.busy);
            rtl.done(b.done);
            rtl.stage(b.stage);
            rtl.token_out(b.token_out);
            rtl.rng_out(b.rng_out);
            rtl.logits_flat(b.logits_flat);
        },
        [&] {
            if (trace.empty()) return;
            vcd.reset(new VerilatedVcdSc);
            rtl.trace(vcd.get(), 99);
            vcd->open(trace_file->staging_path().c_str());
        });
    if (vcd) {
        const bool opened = vcd->isOpen();
        vcd->close();
        if (!opened) throw std::runtime_error(trace + ": cannot write the trace (Verilator could not open its file)");
        trace_file->commit();
    }
    const bool ok = cosim::report_cosim(run, w, job, mode, csv, trace, vm["summary"].as<bool>(), std::cout);
    return ok ? 0 : 3;
}

}  // namespace

int sc_main(int argc, char** argv) {
    cosim::use_driver_tree();
    return cli::run_guarded("microgpt-dse cosim", [&] { return run(argc, argv); });
}
