#include "report.hpp"

#include <cstdio>
#include <sstream>

#include "arch/cycle_model.hpp"
#include "arch/rtl_parameters.hpp"
#include "common/text_format.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

namespace {

void clock_section(const FpgaProject& p, std::ostream& os) {
    const auto& s = p.pll;
    os << "## Clock [PLL model, arch/pll.cpp]\n\n"
       << "| requested MHz | achieved MHz | M | N | C | VCO MHz | exact |\n|---|---|---|---|---|---|---|\n"
       << "| " << fixed_decimals(s.requested_mhz, 4) << " | " << fixed_decimals(s.f_out_mhz, 4) << " | " << s.m << " | "
       << s.n << " | " << s.c << " | " << fixed_decimals(s.vco_mhz, 1) << " | " << (s.exact ? "yes" : "no") << " |\n\n"
       << pll_text(s) << ".\n\n"
       << "The top level's `mgpt_pll` gets M, N, C as parameters; Intel's `altera_pll` gets the frequency\n"
       << "(`rtl/mgpt_pll_freq.svh`) and chooses its own counters for it (see the fit report's PLL summary).\n"
       << "Whether the core closes timing at this clock is Quartus's verdict (`output_files/*.sta.rpt`).\n\n";
}

void prediction_section(const arch::DesignPoint& d, const cli::SamplingOptions& o, const WorkloadPrediction& pred,
                        std::ostream& os) {
    char t[16];
    std::snprintf(t, sizeof t, "0x%04X", o.gen.temperature);
    os << "## Throughput prediction [model: closed-form cycle model over the golden model's steps]\n\n"
       << "Workload (the board runner's default): " << o.count << " names from seed " << o.seed << ", "
       << (o.gen.greedy ? std::string("greedy") : std::string("temperature ") + t)
       << ", the RNG carried from name to name; cycles include every name's final BOS step.\n\n";
    if (pred.slots > 1)
        os << "Slots: " << pred.slots << " (" << arch::policy_name(d.schedule) << "): name i runs in slot i mod "
           << pred.slots << ", slot s from golden::slot_seed(seed, s); a name's cycles are its latency (its slot busy "
           << "on it, waits for shared units included) [model: slot schedule, arch::SlotScheduler], the total the "
           << "run's makespan.\n\n";
    os << "| name | slot | tokens | core cycles |\n|---|---|---|---|\n";
    for (const auto& n : pred.names)
        os << "| " << n.name << " | " << n.slot << " | " << n.tokens << " | " << n.cycles << " |\n";
    os << "\nTotal: " << pred.tokens << " tokens, " << pred.steps << " steps, " << pred.cycles << " cycles"
       << (pred.slots > 1 ? " (makespan)" : "") << " ("
       << fixed_decimals(pred.steps ? static_cast<double>(pred.cycles) / pred.steps : 0, 1) << " per step) = **"
       << fixed_decimals(pred.tokens_per_second(), 0) << " tokens/s** at " << fixed_decimals(pred.pll.f_out_mhz, 4)
       << " MHz.\n\n";
    const auto step = [&d](int pos, bool greedy) {
        return arch::analytic_step_cycles(d, {pos, greedy, {}}).total();
    };
    os << "Step cycles without RMS early exit [model]: position 0 " << step(0, false) << " sampled / " << step(0, true)
       << " greedy; position 15 " << step(15, false) << " / " << step(15, true) << ".\n\n";
}

void resources_section(const FpgaReport& r, double f_mhz, std::ostream& os) {
    os << "## Resources and Fmax\n\n";
    const ModelEstimate& m = r.model;
    if (m.available) {
        os << "Explorer's prediction [" << m.resource_source << ", " << m.fmax_source
           << "; explorer/calibration.csv]: " << m.alms << " ALMs, " << m.registers << " registers, " << m.dsp
           << " DSP blocks, " << m.m10k << " M10K, " << m.mlabs << " MLABs; Fmax " << fixed_decimals(m.fmax_mhz, 1)
           << " MHz (critical: " << m.critical << "), slack " << fixed_decimals(m.slack_ns, 3) << " ns at "
           << fixed_decimals(f_mhz, 4)
           << " MHz. Device: 32,070 ALMs, 87 DSP blocks, 397 M10K.\n\n";
    } else {
        os << "Explorer's prediction: not available (" << m.error << ").\n\n";
    }
    const YosysEstimate* y = r.yosys;
    if (!y) {
        os << "yosys: not run (`microgpt-dse fpga ... --yosys`, or by hand: `yosys -l yosys/yosys.log -s "
           << "yosys/synth.ys`\nin this folder). Logic-ROM weights make yosys slow on wide designs.\n\n";
    } else if (y->timed_out) {
        os << "yosys: did not finish within the time limit of " << y->timeout_seconds
           << " s (`--yosys-timeout`); no figures. Log: `" << y->log << "`.\n\n";
    } else if (!y->completed) {
        os << "yosys: failed (exit status " << y->exit_code << ") after " << fixed_decimals(y->seconds, 0)
           << " s; log: `"
           << y->log << "`.\n\n";
    } else {
        os << "[yosys] 0.23 `synth_intel_alm -family cyclonev -noiopad` (without `autoname`) of `de1soc_top` (altera_pll "
              "and the JTAG\nsystem as black boxes, M10K weight banks as placeholder cells), "
           << fixed_decimals(y->seconds, 0)
           << " s. \"ALMs (packed)\" packs yosys' LUT cells by the rule the explorer's resource model is fitted to\n"
              "(rtl/synth/synth_component.sh); the model's column is its figure before the Quartus correction. The top "
              "adds the register\nblock, sequencer and displays to the core the model describes.\n\n"
           << "| figure | yosys | model before Quartus correction | error |\n|---|---:|---:|---:|\n";
        const auto row = [&os](const char* what, long yv, long mv, bool with_model) {
            os << "| " << what << " | " << yv << " | " << (with_model ? std::to_string(mv) : std::string("-")) << " | "
               << (with_model && yv > 0 ? fixed_decimals(100.0 * (mv - yv) / yv, 1) + "%" : std::string("-")) << " |\n";
        };
        row("LUT cells", y->luts, 0, false);
        row("ALMs (packed)", y->alms_est, m.yosys_alms, m.available);
        row("flip-flops / registers", y->ffs, m.yosys_registers, m.available);
        row("DSP cells / blocks", y->dsps, m.dsp, m.available);
        row("M10K (cells or banks) / blocks", y->m10ks, m.m10k, m.available);
        row("MLAB", y->mlabs, m.mlabs, m.available);
        os << "\n<details><summary>all cells</summary>\n\n| cell | count |\n|---|---|\n";
        for (const auto& [type, n] : y->cells) os << "| " << type << " | " << n << " |\n";
        os << "\n</details>\n\n";
    }
}

}  // namespace

void write_fpga_report(const arch::DesignPoint& d, const FpgaProject& p, const cli::SamplingOptions& workload,
                       const WorkloadPrediction& pred, const FpgaReport& extra) {
    std::ostringstream os;
    os << "# " << d.name << ": DE1-SoC build report\n\n"
       << "Generated by `microgpt-dse fpga`. Every figure names its source: PLL model, model (closed-form\n"
       << "cycle model = TLM), yosys, RTL co-simulation.\n\n"
       << "## Design point\n\n`" << arch::to_short_string(d) << "`\n\nRTL parameters:";
    for (const auto& [name, value] : arch::rtl_parameters(d)) os << " " << name << "=" << value;
    char tag[16];
    std::snprintf(tag, sizeof tag, "0x%08X", p.design_tag);
    os << "; DESIGN_TAG " << tag << ".\n\n";
    clock_section(p, os);
    prediction_section(d, workload, pred, os);
    resources_section(extra, p.pll.f_out_mhz, os);
    os << "## Board-level co-simulation [RTL co-simulation]\n\n";
    if (extra.simulation_md.empty())
        os << "Not run (`microgpt-dse fpga ... --simulate`).\n";
    else
        os << "de1soc_top Verilated, driven through its Avalon-MM port by the register sequence of "
              "`run_on_board.tcl`:\n\n"
           << extra.simulation_md;
    write_file_atomically(p.dir + "/report.md", os.str());
}

}  // namespace mgpt::de1soc
