// The board-level co-simulation driver, compiled once per design point
// together with that point's Verilated DE1-SoC top level (Vde1soc_top).
// `microgpt-dse fpga --simulate` builds it (cosim/rtl_build_cache) and runs it;
// the main build compiles it with the baseline.
//
// The kernel holds: CLOCK_50 (driven at the PLL model's output frequency: the
// simulation PLL is a pass-through, rtl/de1soc/mgpt_pll.sv), the Verilated top
// level, the Avalon-MM master bridge in place of the JTAG-to-Avalon-MM master
// (systemc_models/avalon_mm_master), and the board host (board_host.hpp),
// which runs the System Console runner's register sequence over TLM and flips
// the switches. The report checks the names and cycle counters read from the
// registers against the golden model, the closed-form model and the TLM.
#include <iostream>
#include <memory>
#include <optional>

#include <verilated.h>
#include <verilated_vcd_sc.h>

#include "Vde1soc_top.h"
#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "common/output_file.hpp"
#include "cosim/driver_config.hpp"
#include "cosim/vcd_trace_file.hpp"
#include "platforms/de1soc/board_host.hpp"
#include "platforms/de1soc/board_report.hpp"
#include "platforms/de1soc/design_tag.hpp"
#include "platforms/de1soc/regmap.hpp"
#include "systemc_models/avalon_mm_master.hpp"
#include "systemc_models/clock_domain.hpp"

namespace po = boost::program_options;
using namespace mgpt;

namespace {

int run(int argc, char** argv) {
    po::options_description desc("fpga co-simulation options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    cli::add_sampling_options(desc, false);
    desc.add_options()
        ("tlm-steps", po::value<std::string>(), "the TLM's per-step CSV of the same workload (simulate --steps-csv)")
        ("summary-md", po::value<std::string>(), "write a Markdown summary (for the project's report.md)")
        ("trace", po::value<std::string>(), "write a VCD of the top level")
        ("poll-cycles", po::value<int>()->default_value(64), "core cycles between two STATUS polls")
        ("no-busy-writes", po::bool_switch(), "skip the writes into running generations");
    po::variables_map vm;
    const cli::Args args(argv + 1, argv + argc);
    if (!cli::parse_or_help("fpga", "(driver) see microgpt-dse fpga --help", args, desc, vm)) return 0;
    const arch::DesignPoint d = cli::read_design_options(vm);
    cosim::check_built_configuration(d, "microgpt-dse fpga --simulate");
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    const QWeights w = load_rom_dir(o.weights_dir);
    de1soc::HostSettings hs = de1soc::host_settings(d, o);
    hs.poll_cycles = vm["poll-cycles"].as<int>();
    hs.write_while_busy = !vm["no-busy-writes"].as<bool>();
    if (hs.poll_cycles < 1) throw cli::UsageError("--poll-cycles must be at least 1");
    std::unique_ptr<de1soc::TlmPrediction> tlm;
    if (vm.count("tlm-steps"))
        tlm.reset(new de1soc::TlmPrediction(de1soc::read_tlm_steps(vm["tlm-steps"].as<std::string>())));
    const std::string trace = cli::output_file_option(vm, "trace");  // refused here if it cannot be written

    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    const tlm_model::ClockDomain clock(d.pll_mhz);
    if (!trace.empty()) Verilated::traceEverOn(true);
    sc_core::sc_clock clk("CLOCK_50", clock.period);  // the PLL model's output clock: see mgpt_pll.sv
    Vde1soc_top top("de1soc_top");
    tlm_model::AvalonMmMaster avalon("avalon", de1soc::regmap::kWindowBytes);
    sc_core::sc_signal<uint32_t> sw("SW"), ledr("LEDR");
    std::array<sc_core::sc_signal<uint32_t>, 6> hex;
    de1soc::BoardRun result;
    de1soc::BoardHost host(
        "host", hs, clock.period, [&sw](uint32_t v) { sw.write(v); },
        [&] {
            de1soc::BoardPins p;
            p.ledr = ledr.read();
            for (int i = 0; i < 6; ++i) p.hex[i] = hex[i].read();
            return p;
        },
        result);
    top.CLOCK_50(clk);
    top.SW(sw);
    top.LEDR(ledr);
    top.HEX0(hex[0]);
    top.HEX1(hex[1]);
    top.HEX2(hex[2]);
    top.HEX3(hex[3]);
    top.HEX4(hex[4]);
    top.HEX5(hex[5]);
    top.sim_address(avalon.address);
    top.sim_read(avalon.read);
    top.sim_write(avalon.write);
    top.sim_writedata(avalon.writedata);
    top.sim_byteenable(avalon.byteenable);
    top.sim_readdata(avalon.readdata);
    top.sim_readdatavalid(avalon.readdatavalid);
    top.sim_waitrequest(avalon.waitrequest);
    avalon.clk(clk);
    host.bus.bind(avalon.socket);

    // As in cosim: Verilator writes to a temporary file (and says nothing if it
    // cannot open it), which replaces, or is copied into, the named file once complete.
    std::optional<OutputFile> trace_file;
    if (!trace.empty()) trace_file.emplace(trace, cli::kVcdExtension);
    std::unique_ptr<VerilatedVcdSc> vcd;
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
    if (!trace.empty()) {
        vcd.reset(new VerilatedVcdSc);
        top.trace(vcd.get(), 99);
        vcd->open(trace_file->staging_path().c_str());
    }
    sc_core::sc_start();
    if (vcd) cosim::finish_vcd_trace(*vcd, *trace_file);
    const bool ok = de1soc::report_board_run(result, w, d, hs, tlm.get(), de1soc::design_tag(d, w),
                                          vm.count("summary-md") ? vm["summary-md"].as<std::string>() : "", std::cout);
    if (!trace.empty()) std::cout << "trace: " << trace << "\n";
    return ok ? 0 : 3;
}

}  // namespace

int sc_main(int argc, char** argv) {
    cosim::use_driver_tree();
    return cli::run_guarded("microgpt-dse fpga", [&] { return run(argc, argv); });
}
