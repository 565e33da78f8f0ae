// microgpt-dse simulate: the SystemC TLM-2.0 model of one design point.
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "arch/microarch.hpp"
#include "arch/schedule_summary.hpp"
#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/output_file.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "cosim/steps_csv.hpp"
#include "model/weights.hpp"
#include "systemc_models/platform.hpp"
#include "systemc_models/run_schedule.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

namespace {

bool is_projection(arch::Stage s) {
    using arch::Stage;
    return s == Stage::qkv || s == Stage::wo || s == Stage::fc1 || s == Stage::fc2 || s == Stage::lm_head;
}

void print_stage_table(const tlm_model::RunResult& r, std::ostream& os) {
    std::array<uint64_t, arch::kStageCount> cycles{}, stalls{}, fill{}, macs{};
    uint64_t total_fill = 0;
    for (const auto& s : r.steps)
        for (int i = 0; i < arch::kStageCount; ++i) {
            cycles[i] += s.cycles.cycles[i];
            stalls[i] += s.cycles.stalls[i];
            fill[i] += s.cycles.fill[i];
            total_fill += s.cycles.fill[i];
            macs[i] += s.macs[i];
        }
    const double steps = static_cast<double>(r.steps.size());
    const double lanes = static_cast<double>(r.design.lanes * r.design.cols_per_cycle);
    // "pipeline fill": the cycles the tile's register stages (design key
    // `pipeline`) add, one per stage per pass: what retiming costs in cycles.
    TextTable t({"stage", "cycles/step", "share %", "MAC-lane util %", "stall cycles/step", "pipeline fill/step"});
    for (int i = 0; i < arch::kStageCount; ++i) {
        const auto st = static_cast<arch::Stage>(i);
        const std::string util =
            is_projection(st) && cycles[i] ? fixed_decimals(100.0 * macs[i] / (lanes * cycles[i]), 1) : "-";
        t.add({arch::stage_name(st), fixed_decimals(cycles[i] / steps, 1),
               fixed_decimals(100.0 * cycles[i] / r.total_cycles, 1), util, fixed_decimals(stalls[i] / steps, 1),
               fixed_decimals(fill[i] / steps, 1)});
    }
    t.add({"total", fixed_decimals(r.total_cycles / steps, 1), "100.0", "-",
           fixed_decimals(r.stall_cycles / steps, 1), fixed_decimals(total_fill / steps, 1)});
    t.print(os);
}

void print_position_table(const tlm_model::RunResult& r, std::ostream& os) {
    std::map<int, std::vector<uint32_t>> by_pos;
    for (const auto& s : r.steps) by_pos[s.pos].push_back(s.cycles.total());
    TextTable t({"pos", "steps", "min", "max", "mean"});
    for (const auto& [p, v] : by_pos) {
        uint64_t sum = 0;
        uint32_t lo = ~0u, hi = 0;
        for (uint32_t c : v) sum += c, lo = std::min(lo, c), hi = std::max(hi, c);
        t.add({std::to_string(p), std::to_string(v.size()), std::to_string(lo), std::to_string(hi),
               fixed_decimals(static_cast<double>(sum) / v.size(), 1)});
    }
    t.print(os);
}

// Several slots (sequences x cores > 1): how the cores' units were shared
// (docs/SCHEDULING.md "TLM"). Utilisation is busy / the run's makespan.
void print_slot_report(const tlm_model::RunResult& r, std::ostream& os) {
    const double mhz = r.pll.f_out_mhz;
    auto us = [mhz](double cycles) { return fixed_decimals(cycles / mhz, 3); };
    os << "\nslots [TLM]: " << r.design.sequences << " per core x " << r.design.cores << " cores, schedule "
       << arch::policy_name(r.design.schedule) << "; makespan " << r.makespan << " cycles (" << us(r.makespan)
       << " us)\n";
    os << "\nunits [TLM]:\n";
    TextTable t({"core", "unit", "busy cycles", "utilisation %", "wait cycles"});
    for (size_t c = 0; c < r.unit_loads.size(); ++c)
        for (int u = 0; u < arch::kSharedUnitCount; ++u) {
            const arch::UnitLoad& l = r.unit_loads[c][static_cast<size_t>(u)];
            t.add({std::to_string(c), arch::kUnitNames[u], std::to_string(l.busy),
                   fixed_decimals(r.makespan ? 100.0 * l.busy / r.makespan : 0.0, 1), std::to_string(l.wait)});
        }
    t.print(os);
    const arch::ScheduleSummary s = arch::summarize(tlm_model::schedule_of_run(r));
    os << "\ntoken latency over " << s.tokens << " steps, waits included [TLM]: mean " << fixed_decimals(s.latency_mean, 1)
       << ", p50 " << s.latency_p50 << ", p99 " << s.latency_p99 << ", max " << s.latency_max << " cycles; mean "
       << us(s.latency_mean) << ", p50 " << us(s.latency_p50) << ", p99 " << us(s.latency_p99) << ", max "
       << us(s.latency_max) << " us\n";
}

}  // namespace

int cmd_simulate(const Args& args) {
    po::options_description desc("simulate options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    cli::add_sampling_options(desc, /*with_numerics=*/false);
    desc.add_options()
        ("steps-csv", po::value<std::string>(),
         "write one row per step (name,pos,token_in,token_out,cycles,stall_cycles,...,slot,core,start,end)")
        ("trace", po::value<std::string>(),
         "write a VCD trace (stage, cycle counter, memory port activity; with several slots which slot holds "
         "each unit) to exactly FILE");
    po::variables_map vm;
    if (!cli::parse_or_help("simulate", "--design FILE [--set key=value ...] [--weights DIR] [--count N] [--seed S] "
                                   "[--temperature T] [--greedy] [--steps-csv FILE] [--trace FILE.vcd]",
                       args, desc, vm))
        return 0;
    const arch::DesignPoint design = cli::read_design_options(vm);
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    if (vm.count("trace") && o.count > 50)
        throw UsageError("--trace records every cycle: use --count 50 or fewer (got " + std::to_string(o.count) + ")");
    const std::string trace = cli::output_file_option(vm, "trace");
    const std::string steps_csv = cli::output_file_option(vm, "steps-csv");
    const QWeights w = load_rom_dir(o.weights_dir);

    tlm_model::Workload wl{o.count, o.seed, o.gen};
    // The kernel writes the trace to a temporary file; it replaces (or is
    // copied into) the named one only when the run is complete.
    std::optional<OutputFile> trace_file;
    if (!trace.empty()) trace_file.emplace(trace, cli::kVcdExtension);
    const auto results = tlm_model::simulate_tlm(w, {{design, wl}}, trace_file ? trace_file->staging_path() : "");
    const tlm_model::RunResult& r = results.front();
    if (!steps_csv.empty()) cosim::write_steps_csv(steps_csv, r);
    if (trace_file) trace_file->commit();

    std::ostringstream os;
    os << "design: " << design.name << " (" << arch::to_short_string(design) << ")\n";
    os << "workload: " << o.count << " names, seed " << o.seed << ", "
       << (o.gen.greedy ? std::string("greedy") : "temperature 0x" + [&] {
              std::ostringstream h;
              h << std::hex << o.gen.temperature;
              return h.str();
          }()) << ", weights " << o.weights_dir << "\n\n";
    os << "generated names [TLM]:\n";
    for (const auto& n : r.names) os << "  " << (n.empty() ? "(empty)" : n) << "\n";
    os << "\ncycles per step by position [TLM]:\n";
    print_position_table(r, os);
    os << "\nstages, averaged over " << r.steps.size() << " steps [TLM]:\n";
    print_stage_table(r, os);
    const auto& p = r.pll;
    os << "\nclock [PLL model]: requested " << design.pll_mhz << " MHz -> " << fixed_decimals(p.f_out_mhz, 6) << " MHz "
       << (p.exact ? "(exact)" : "(nearest reachable)") << ": 50 MHz x M " << p.m << " / (N " << p.n << " x C " << p.c
       << "), VCO " << fixed_decimals(p.vco_mhz, 3) << " MHz\n";
    const double mean = static_cast<double>(r.total_cycles) / r.steps.size();
    if (design.sequences * design.cores == 1) {
        os << "throughput [TLM cycles at the PLL clock]: " << fixed_decimals(r.tokens_per_second(), 0) << " tokens/s ("
           << r.generated_tokens << " tokens in " << r.total_cycles << " cycles, final BOS steps included); "
           << fixed_decimals(p.f_out_mhz * 1e6 / mean, 0) << " steps/s (" << fixed_decimals(mean, 1) << " cycles/step)\n";
    } else {
        print_slot_report(r, os);
        os << "throughput [TLM cycles at the PLL clock]: " << fixed_decimals(r.tokens_per_second(), 0)
           << " tokens/s in all (" << r.generated_tokens << " tokens in a makespan of " << r.makespan
           << " cycles, final BOS steps included); "
           << fixed_decimals(p.f_out_mhz * 1e6 * r.steps.size() / r.makespan, 0) << " steps/s (the steps' own cycles, without waits: " << fixed_decimals(mean, 1) << " per step)\n";
    }
    if (!trace.empty()) os << "trace: " << trace << " (stage encoding: " << [] {
        std::string s;
        for (int i = 0; i < arch::kStageCount; ++i) s += (i ? ", " : "") + std::to_string(i) + "=" + arch::kStageNames[i];
        return s;
    }() << (design.sequences * design.cores > 1
                ? "; coreC.UNIT_slot: the slot holding the unit, coreC.slotS_stage: the slot's stage, -1: idle"
                : "")
       << ")\n";
    std::cout << os.str();
    return 0;
}

}  // namespace mgpt::app
