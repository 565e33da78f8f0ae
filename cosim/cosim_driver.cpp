// The co-simulation driver, compiled once per RTL configuration together with
// that configuration's Verilated model (Vmgpt_core). `microgpt-dse cosim`
// builds it (CMake + verilate(), cosim/rtl_build_cache) into its cache and runs
// it with its own arguments; the main build compiles it with the baseline. The
// model is Verilated as plain C++ and clocked by the bridge's RtlCore
// (cosim/verilated_rtl_core.hpp) from inside the same SystemC kernel as the
// TLM platform; it runs the workload and checks RTL against TLM and golden model.
// A point with several slots or cores (sequences x cores > 1; several cores:
// the model is rtl/mgpt_cores.sv, still class Vmgpt_core) runs through
// cosim/verilated_slot_core.hpp and systemc_models/cosim_slots_platform.hpp.
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <verilated.h>
#include <verilated_vcd_c.h>

#include "Vmgpt_core.h"
#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "common/output_file.hpp"
#include "cosim/cosim_report.hpp"
#include "cosim/driver_config.hpp"
#include "cosim/slot_cosim_report.hpp"
#include "cosim/vcd_trace_file.hpp"
#include "cosim/verilated_rtl_core.hpp"
#include "cosim/verilated_slot_core.hpp"
#include "model/weights.hpp"
#include "systemc_models/clock_domain.hpp"
#include "systemc_models/cosim_platform.hpp"
#include "systemc_models/cosim_slots_platform.hpp"

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
    const arch::DesignPoint d = cli::read_rtl_design_options(vm, arch::RtlFlow::cosim);
    cosim::check_built_configuration(d, "microgpt-dse cosim");
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    const std::string mode_s = vm["mode"].as<std::string>();
    if (mode_s != "compare" && mode_s != "refine")
        throw cli::UsageError("--mode '" + mode_s + "' is not legal (legal: compare, refine)");
    const auto mode = mode_s == "compare" ? tlm_model::CosimMode::compare : tlm_model::CosimMode::refine;
    const std::string trace = cli::output_file_option(vm, "trace");
    const std::string csv = cli::output_file_option(vm, "steps-csv");
    const QWeights w = load_rom_dir(o.weights_dir);

    // Verilator writes the trace to a temporary file (and says nothing if it
    // cannot open it): it replaces, or is copied into, the named file once complete.
    std::optional<OutputFile> trace_file;
    if (!trace.empty()) {
        trace_file.emplace(trace, cli::kVcdExtension);
        Verilated::traceEverOn(true);
    }
    Vmgpt_core rtl;
    std::unique_ptr<VerilatedVcdC> vcd;
    if (trace_file) {
        vcd.reset(new VerilatedVcdC);
        rtl.trace(vcd.get(), 99);
        vcd->set_time_unit("1ps");
        vcd->set_time_resolution("1ps");
        vcd->open(trace_file->staging_path().c_str());
    }
    // The trace's time line is the RTL's own: its clock runs only while a step does.
    const auto period_ps = static_cast<uint64_t>(tlm_model::ClockDomain(d.pll_mhz).period.to_seconds() * 1e12 + 0.5);
    const tlm_model::Job job{d, {o.count, o.seed, o.gen}};
    const bool summary = vm["summary"].as<bool>();
    bool ok = false;
    if (d.sequences * d.cores == 1) {
        cosim::VerilatedRtlCore<Vmgpt_core, VerilatedVcdC> core(rtl, vcd.get(), period_ps);
        const auto run = tlm_model::simulate_cosim(w, job, mode, core);
        rtl.final();
        if (vcd) cosim::finish_vcd_trace(*vcd, *trace_file);
        ok = cosim::report_cosim(run, w, job, mode, csv, trace, summary, std::cout);
    } else {
        // several slots or cores (checked: the driver's SLOTS is d.sequences, its CORES d.cores)
        cosim::VerilatedSlotCore<Vmgpt_core, VerilatedVcdC> core(rtl, d.sequences * d.cores, d.cores, vcd.get(),
                                                                 period_ps);
        const auto run = tlm_model::simulate_cosim_slots(w, job, mode, core);
        rtl.final();
        if (vcd) cosim::finish_vcd_trace(*vcd, *trace_file);
        ok = cosim::report_slot_cosim(run, w, job, mode, csv, trace, summary, std::cout);
    }
    return ok ? 0 : 3;
}

}  // namespace

int sc_main(int argc, char** argv) {
    cosim::use_driver_tree();
    return cli::run_guarded("microgpt-dse cosim", [&] { return run(argc, argv); });
}
