#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <sstream>

#include "design_space.hpp"
#include "evaluator.hpp"
#include "markdown_table.hpp"
#include "point_plan.hpp"
#include "model_calibration.hpp"
#include "reference_fits.hpp"
#include "resource_model.hpp"
#include "fmax_model.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

std::string diff_keys(const arch::DesignPoint& d, const arch::DesignPoint& base) {
    std::string s;
    for (const auto& k : arch::design_keys()) {
        if (!arch::is_sweepable(k)) continue;
        const std::string v = k.get(d);
        if (v != k.get(base) && !v.empty()) s += (s.empty() ? "" : " ") + k.key + "=" + v;
    }
    return s.empty() ? "(as baseline)" : s;
}

namespace {


std::string pct(double part, double whole) { return whole > 0 ? fixed_decimals(100.0 * part / whole, 1) + "%" : "-"; }

std::string stall_share(const PointRow& r) { return pct(static_cast<double>(r.stall_cycles), static_cast<double>(r.total_cycles)); }

using Table = MarkdownTable;

// A per-token latency of `cycles` at the point's clock, in microseconds.
std::string latency_us(const PointRow& r, double cycles) { return r.f_mhz > 0 ? fixed_decimals(cycles / r.f_mhz, 2) : "-"; }

std::vector<std::string> point_cells(const PointRow& r, const PointRow* base) {
    return {std::to_string(r.index),
            thousands(r.tokens_per_s),
            base && base->tokens_per_s > 0 ? fixed_decimals(r.tokens_per_s / base->tokens_per_s, 2) + "x" : "-",
            fixed_decimals(r.cycles_per_token, 1),
            fixed_decimals(r.f_mhz, 3),
            fixed_decimals(r.fmax_mhz, 1),
            fixed_decimals(r.slack_ns, 2),
            thousands(static_cast<double>(r.alms)),
            thousands(static_cast<double>(r.registers)),
            std::to_string(r.dsp),
            std::to_string(r.m10k),
            stall_share(r),
            latency_us(r, static_cast<double>(r.latency_mean_cycles)) + " / " +
                latency_us(r, static_cast<double>(r.latency_p99_cycles)),
            r.bound_unit + " " + fixed_decimals(100.0 * r.bound_utilisation, 0) + "%"};
}
const std::vector<std::string> kPointHeader = {"#", "tokens/s", "vs base", "cycles/token", "f MHz", "Fmax MHz",
                                               "slack ns", "ALMs", "regs", "DSP", "M10K", "stalls",
                                               "latency µs mean / p99", "busiest unit"};

std::string examples(const std::vector<PointRow>& v, const arch::DesignPoint& base, size_t n,
                     const std::function<std::string(const PointRow&)>& why) {
    std::string s;
    for (size_t i = 0; i < std::min(n, v.size()); ++i)
        s += "  - #" + std::to_string(v[i].index) + " `" + diff_keys(v[i].design, base) + "`: " + why(v[i]) + "\n";
    return s;
}

std::string why_resources(const PointRow& r) {
    return "over " + r.over_limits + " (" + thousands(static_cast<double>(r.alms)) + " ALMs, " + std::to_string(r.dsp) +
        " DSP, " + std::to_string(r.m10k) + " M10K, " + thousands(static_cast<double>(r.registers)) + " registers)";
}
// What limits a point that misses timing: the model's longest path, or a measured structural one.
bool model_meets_clock(const PointRow& r) { return r.f_mhz <= r.fmax_mhz; }
std::string why_timing(const PointRow& r) {
    if (model_meets_clock(r))
        return fixed_decimals(r.f_mhz, 2) + " MHz requested, model Fmax " + fixed_decimals(r.fmax_mhz, 1) +
               " MHz, but the measured structural " + r.structural_path + " path needs " +
               fixed_decimals(r.structural_ns, 2) + " ns (x mapping factor) > the " +
               fixed_decimals(1000.0 / r.f_mhz, 2) + " ns period";
    return fixed_decimals(r.f_mhz, 2) + " MHz requested, Fmax " + fixed_decimals(r.fmax_mhz, 1) + " MHz (" +
        r.critical_path + " path, slack " + fixed_decimals(r.slack_ns, 2) + " ns)";
}
// The timing evidence of a point: the model's longest path and the measured one.
std::vector<std::string> timing_cells(const PointRow& r) {
    return {"#" + std::to_string(r.index), fixed_decimals(r.f_mhz, 2) + " MHz / " + fixed_decimals(1000.0 / r.f_mhz, 2),
            r.critical_path + " " + fixed_decimals(1000.0 / r.fmax_mhz, 2),
            r.structural_path == "none" ? "not measured" : r.structural_path + " " + fixed_decimals(r.structural_ns, 2),
            r.structural_measured};
}
std::string why_stalls(const PointRow& r) {
    return stall_share(r) + " of cycles are M10K stalls (" + std::to_string(r.design.weight_banks) + " banks x " +
        std::to_string(r.design.bram_ports) + " ports for " + std::to_string(r.design.lanes * r.design.cols_per_cycle) +
        " weights/cycle), " + thousands(r.tokens_per_s) + " tokens/s";
}
// A dominated point against the cheapest front point at least as fast.
std::string why_dominated(const PointRow& r, const std::vector<const PointRow*>& front) {
    std::string s = thousands(r.tokens_per_s) + " tokens/s for " + thousands(static_cast<double>(r.alms)) + " ALMs";
    for (const auto* f : front)
        if (f->tokens_per_s >= r.tokens_per_s && f->alms <= r.alms)
            return s + "; #" + std::to_string(f->index) + " on the front gives " + thousands(f->tokens_per_s) +
                   " tokens/s for " + thousands(static_cast<double>(f->alms)) + " ALMs";
    return s;
}

// What the report is about, where its figures come from.
void write_title(std::ostream& o, const Sweep& sweep, const RunInfo& run, const Calibration& calibration) {
    o << "# Design-space exploration: `" << sweep.name << "`\n\n";
    o << "Written by `microgpt-dse explore` (do not edit; rerun to refresh). Sources of the figures: cycles come from "
      << (run.engine == "tlm" ? "the SystemC TLM (`tlm`)"
                              : "the closed-form cycle model, proven equal to the SystemC TLM on every step by the "
                                "test suite (`tlm-proven-analytic`)")
      << "; clocks from the PLL model; ALMs, registers, DSP blocks, M10K blocks, MLABs and Fmax from the models of "
         "`explorer/` with the coefficients of `"
      << shown_path(calibration.path()) << "` (" << resource_source_label(calibration) << ", " << fmax_source_label(calibration)
      << "). tokens/s = generated tokens x f / all cycles (final BOS steps included), the reference's convention; "
         "with several slots (`sequences`) or cores the cycles are the makespan, the cycle the workload's last step "
         "ends in the exact slot schedule (docs/SCHEDULING.md). Per-token latency: a step's end minus the cycle its "
         "slot was ready for it (waits for shared units included), at the point's clock; the busiest unit is the "
         "shared unit busy the largest share of the makespan. Several slots are terms of the resource and Fmax "
         "models fitted to yosys runs of the multi-slot core; several cores are counted as copies of one core "
         "(`" << kCoresCountedSuffix << "` in their sources; explorer/slot_resources.hpp): the RTL's several cores "
         "(rtl/mgpt_cores.sv) are co-simulated, never synthesized, and replicate the M10K weight banks the model "
         "shares in pairs.\n\n";
}

std::string temperature_text(const WorkloadSpec& w) {
    if (w.greedy) return "greedy";
    char b[8];
    std::snprintf(b, sizeof b, "%04x", w.temperature);
    return "temperature 0x" + std::string(b);
}

// The baseline against the reference's Quartus fit, and the 4-lane build out of sample.
void write_baseline(std::ostream& o, const PointRow& b, const Calibration& calibration) {
    const PointRow* base = &b;
    o << "## The baseline: model against the reference's Quartus fit\n\n";
    Table t({"figure", "model", "Quartus reference", "error"});
    const auto& ref = reference_builds()[0];
    t.add({"ALMs", thousands(static_cast<double>(base->alms)), thousands(ref.alms),
           pct(static_cast<double>(base->alms) - ref.alms, ref.alms)});
    t.add({"registers", thousands(static_cast<double>(base->registers)), thousands(ref.registers),
           pct(static_cast<double>(base->registers) - ref.registers, ref.registers)});
    t.add({"DSP blocks", std::to_string(base->dsp), fixed_decimals(ref.dsp, 0),
           pct(static_cast<double>(base->dsp) - ref.dsp, ref.dsp)});
    t.add({"Fmax (MHz)", fixed_decimals(base->fmax_mhz, 2), fixed_decimals(1000.0 / ref.critical_path_ns, 2),
           pct(base->fmax_mhz - 1000.0 / ref.critical_path_ns, 1000.0 / ref.critical_path_ns)});
    t.add({"slack at 56.25 MHz (ns)", fixed_decimals(base->slack_ns, 3), "1.692", "-"});
    o << t.str() << "\n";
    const auto& four = reference_builds()[1];
    const Resources r4 = estimate_resources(four.design, calibration);
    const FmaxEstimate f4 = estimate_fmax(four.design, calibration);
    o << "The ALM and register figures are the yosys-fitted model times the yosys-to-Quartus factors fitted to "
         "this build (" << fixed_decimals(calibration.get(kQuartusCorrection, "alms"), 3) << " and "
      << fixed_decimals(calibration.get(kQuartusCorrection, "registers"), 3)
      << "), so they match it by construction; DSP blocks are yosys multiplier cells of this RTL. Out of sample, "
         "the reference's 4-lane build (combinational divide and square root, modelled as radix-32 engines): "
         "model "
      << thousands(static_cast<double>(r4.alms)) << " ALMs / " << thousands(static_cast<double>(r4.registers))
      << " registers / " << r4.dsp << " DSP / Fmax " << fixed_decimals(f4.fmax_mhz, 2) << " MHz against Quartus "
      << thousands(four.alms) << " / " << thousands(four.registers) << " / " << four.dsp
      << " / 13.22 MHz (its combinational engines and datapath outside the tile differ from this RTL's: a loose check, "
         "never fitted).\n\n";
    o << "Baseline throughput on this workload: " << thousands(base->tokens_per_s) << " tokens/s at "
      << fixed_decimals(base->f_mhz, 3) << " MHz, " << fixed_decimals(base->cycles_per_step, 1)
      << " cycles/step (" << base->cycles_source << "; the reference's 51,060 tokens/s is its 6-step self-test).\n\n";
}

// The sweep's keys, workload, device, how much of its space it covered and how many points were feasible.
void write_sweep(std::ostream& o, const RunDigest& g, const Sweep& sweep, const RunInfo& run) {
    o << "## The sweep\n\n";
    o << "- sweep file: `" << shown_path(run.sweep_file) << "` (hash " << run.sweep_hash << ")\n";
    o << "- strategy: " << to_string(sweep.strategy);
    if (sweep.strategy == Strategy::random) o << ", " << sweep.samples << " samples, seed " << sweep.seed;
    o << ", " << sweep.local_search_rounds << " rounds of local search around the Pareto points\n";
    o << "- points evaluated: " << g.points() << " (";
    bool first = true;
    for (const auto& [p, n] : g.phases()) o << (first ? "" : ", ") << n << " " << p, first = false;
    o << ")\n";
    const DesignSpace grid(sweep);
    const double space = static_cast<double>(grid.size());
    if (sweep.strategy == Strategy::exhaustive)
        o << "- coverage: **exhaustive: the global optimum of the models.** Every micro-architecture (every "
             "combination of the listed values of every key but `" << kClockKey << "`) is evaluated once, at the "
             "fastest of its " << sweep.axis(kClockKey).values.size()
          << " PLL requests that meets timing; its other requests have the same resources and fewer tokens/s, or "
             "miss timing, so none of them is on a front (proven against the full grid in tests/explorer): the "
             "fronts and the best point are those of all " << thousands(space) << " grid points.\n";
    else if (sweep.strategy == Strategy::grid)
        o << "- coverage: **exhaustive: the global optimum of the models** (every one of the " << thousands(space)
          << " grid points).\n";
    else
        o << "- coverage: sampled: " << thousands(static_cast<double>(g.points())) << " of the grid's "
          << thousands(space) << " points (" << fixed_decimals(100.0 * static_cast<double>(g.points()) / space, g.points() * 1000.0 < space ? 4 : 1) << "%"
          << "); the best point is the best of these, not necessarily the models' optimum (strategy = exhaustive "
             "finds that)\n";
    o << "- keys and values:\n";
    for (const auto& a : sweep.axes) {
        if (a.values.empty()) continue;
        o << "  - `" << a.key << "`: ";
        if (a.values.size() > 12)
            o << a.values.front() << " .. " << a.values.back() << " (" << a.values.size() << " values)";
        else
            for (size_t i = 0; i < a.values.size(); ++i) o << (i ? ", " : "") << a.values[i];
        o << "\n";
    }
    const auto& w = sweep.workload;
    o << "- workload per point: " << w.names << " names, seed " << w.seed << ", " << temperature_text(w)
      << ", weights `" << shown_path(w.weights_dir) << "`\n";
    const auto& d = sweep.device;
    o << "- device: " << thousands(d.alms) << " ALMs (cap " << fixed_decimals(100 * d.max_alm_utilisation, 0)
      << "%: routing margin), " << thousands(d.registers) << " registers, " << d.dsp << " DSP blocks, " << d.m10k
      << " M10K, " << d.mlabs << " MLABs (caps " << fixed_decimals(100 * d.max_register_utilisation, 0) << "/"
      << fixed_decimals(100 * d.max_dsp_utilisation, 0) << "/" << fixed_decimals(100 * d.max_m10k_utilisation, 0)
      << "/" << fixed_decimals(100 * d.max_mlab_utilisation, 0) << "%)\n";
    o << "- feasible (fits the device and meets timing at its PLL clock): " << g.feasible() << " of " << g.points()
      << "; on the tokens/s-vs-ALMs front: " << g.alm_front().size() << "; on the tokens/s-vs-DSP front: "
      << g.dsp_front().size() << "\n\n";
}

// The share of a point's yosys-equivalent ALMs in its weight streams (logic
// ROMs, or M10K routing): the Quartus correction was fitted on a build whose
// share it knows; a point far from that share leans on the factor more.
double stream_share(const arch::DesignPoint& d, const Calibration& c) {
    const double total = estimate_group(d, c, Metric::alms, "total");
    return total > 0 ? estimate_group(d, c, Metric::alms, "weight_stream") / total : 0;
}

void write_correction_reach(std::ostream& o, const PointRow& best, const Calibration& c) {
    const auto& ref = reference_builds();
    const double fitted = stream_share(ref[0].design, c), four = stream_share(ref[1].design, c);
    const double here = stream_share(best.design, c);
    const double four_error = (static_cast<double>(estimate_resources(ref[1].design, c).alms) - ref[1].alms) / ref[1].alms;
    const double yosys = estimate_group(best.design, c, Metric::alms, "total");
    // If Quartus' whole gain over yosys were in the baseline's ROMs (its ROMs
    // free), the rest would map at this factor: an upper bound for the best point.
    const double base_yosys = estimate_group(ref[0].design, c, Metric::alms, "total");
    const double worst = ref[0].alms / (base_yosys * (1 - fitted));
    o << "How far the ALM correction reaches: it was fitted on the baseline, whose weight streams are "
      << fixed_decimals(100 * fitted, 1) << "% of its yosys-equivalent ALMs (the reference's 4-lane build's, "
      << fixed_decimals(100 * four, 1) << "%: the corrected model " << (four_error >= 0 ? "over" : "under")
      << "-predicts its Quartus fit by " << fixed_decimals(100 * std::fabs(four_error), 1)
      << "%); the best point's are "
      << fixed_decimals(100 * here, 1) << "% [model]. Were Quartus' whole gain over yosys in the baseline's ROMs, "
         "the rest would map at "
      << fixed_decimals(worst, 3) << " and the best point would need " << thousands(worst * yosys)
      << " ALMs [model bound, never measured: no Quartus run of this RTL].\n\n";
}

// The best point, against the baseline, how far the ALM correction reaches
// there, and the ten fastest feasible points.
void write_best(std::ostream& o, const RunDigest& g, const PointRow* base, const PointRow* best,
                const Calibration& calibration) {
    o << "## Best feasible points\n\n";
    if (!best) {
        o << "No point of this sweep fits the device and meets timing.\n\n";
        return;
    }
    o << "The best point (max tokens/s among feasible points, ties to fewer ALMs) is #" << best->index
      << ", written to `best.cfg`:\n\n    " << diff_keys(best->design, base ? base->design : best->design) << "\n\n";
    if (base)
        o << "against the baseline: " << fixed_decimals(best->tokens_per_s / base->tokens_per_s, 2)
          << "x the tokens/s (" << thousands(best->tokens_per_s) << " vs " << thousands(base->tokens_per_s) << "), "
          << thousands(static_cast<double>(best->alms)) << " vs " << thousands(static_cast<double>(base->alms))
          << " ALMs, " << best->dsp << " vs " << base->dsp << " DSP blocks, Fmax " << fixed_decimals(best->fmax_mhz, 1)
          << " vs " << fixed_decimals(base->fmax_mhz, 1) << " MHz; per-token latency "
          << latency_us(*best, best->latency_mean_cycles) << " µs mean, " << latency_us(*best, double(best->latency_p99_cycles))
          << " µs p99 (" << fixed_decimals(best->latency_mean_cycles, 1) << " / " << best->latency_p99_cycles
          << " cycles) vs the baseline's " << latency_us(*base, base->latency_mean_cycles) << " / "
          << latency_us(*base, double(base->latency_p99_cycles)) << " µs (" << fixed_decimals(base->latency_mean_cycles, 1)
          << " / " << base->latency_p99_cycles << " cycles); its busiest unit: " << best->bound_unit << ", "
          << fixed_decimals(100.0 * best->bound_utilisation, 1) << "% of the makespan ("
          << best->design.sequences << " slot" << (best->design.sequences > 1 ? "s" : "") << " on "
          << best->design.cores << " core" << (best->design.cores > 1 ? "s" : "") << ").\n\n";
    const auto& top = g.fastest();
    write_correction_reach(o, *best, calibration);
    o << "The ten fastest feasible points, after the baseline:\n\n";
    auto header = kPointHeader;
    header.push_back("design (keys that differ from the baseline)");
    Table t(header);
    if (base) {
        auto c = point_cells(*base, base);
        c.push_back("baseline");
        t.add(c);
    }
    for (const auto& r : top) {
        auto c = point_cells(r, base);
        c.push_back("`" + diff_keys(r.design, base ? base->design : r.design) + "`");
        t.add(c);
    }
    o << t.str() << "\n";
    o << "Their clocks against the Fmax model (the longest modelled path, its structural delay times the mapping "
         "factor) and against the structural timing measured for their components (rtl/synth/run_timing.sh, times "
         "the same factor; a point whose measured path misses its clock is never feasible):\n\n";
    Table tt({"#", "clock MHz / period ns", "model: critical path, ns", "measured: longest path, ns",
              "components measured"});
    if (base) tt.add(timing_cells(*base));
    for (const auto& r : top) tt.add(timing_cells(r));
    o << tt.str() << "\n";
}

// A front's table: at most 30 rows, spread over the whole front; "N points on
// the front (...):" and the table.
std::string front_table(const std::vector<const PointRow*>& f, const PointRow* base) {
    auto header = kPointHeader;
    header.push_back("design");
    Table t(header);
    const size_t shown = std::min<size_t>(30, f.size());
    for (size_t i = 0; i < shown; ++i) {
        const auto* r = f[f.size() <= 30 ? i : i * (f.size() - 1) / (shown - 1)];
        auto c = point_cells(*r, base);
        c.push_back("`" + diff_keys(r->design, base ? base->design : r->design) + "`");
        t.add(c);
    }
    return std::to_string(f.size()) + " points on the front" + (f.size() > 30 ? " (30 shown, spread over it)" : "") +
           ":\n\n" + t.str() + "\n";
}

// The tokens/s-vs-ALMs front.
void write_front(std::ostream& o, const RunDigest& g, const PointRow* base) {
    o << "## Pareto front: tokens/s against ALMs (feasible points)\n\n"
      << front_table(g.alm_front().rows(), base) << "![tokens/s against ALMs and DSP blocks](pareto.svg)\n\n";
}

// The tokens/s-vs-latency front.
void write_latency_front(std::ostream& o, const RunDigest& g, const PointRow* base) {
    o << "## Pareto front: tokens/s against per-token latency (feasible points)\n\n"
      << "Several names in flight raise tokens/s and each token's latency (it waits for the units other slots "
         "hold); this front is the best tokens/s at each mean latency. "
      << front_table(g.latency_front().rows(), base);
}

// The best feasible point reachable with each value of each key the sweep varies.
void write_keys(std::ostream& o, const RunDigest& g, const Sweep& sweep) {
    o << "## What each key buys\n\n";
    o << "For every key the sweep varies, the best feasible tokens/s reachable with each of its values (every other "
         "key free), the ALMs that point costs and how many evaluated points have the value. A value whose best is "
         "far below the others' costs throughput wherever it is chosen; values with equal bests do not matter at "
         "the top. The Fmax and the critical path are that point's (Fmax model: what a value moves the clock to, "
         "and which component then limits it).";
    if (sweep.strategy == Strategy::exhaustive)
        o << " The sweep is exhaustive, so each micro-architecture appears at its fastest `" << kClockKey
          << "` request that meets timing: a clock's row holds the micro-architectures whose fastest clock it is "
             "(any of them also runs at every slower request, proportionally slower).";
    o << "\n\n";
    Table t({"key", "value", "best tokens/s", "vs best", "ALMs of that point", "Fmax MHz", "critical path", "point",
             "feasible / points"});
    const double top = g.best() ? g.best()->tokens_per_s : 0;
    bool left_out = false;
    for (const auto& a : sweep.axes) {
        const auto it = g.key_values().find(a.key);
        if (it == g.key_values().end() || (it->second.size() < 2 && a.values.size() < 2)) continue;
        // the sweep's order of values (the table's for keys left to the baseline)
        std::vector<std::string> order = a.values;
        for (const auto& [v, b] : it->second)
            if (std::find(order.begin(), order.end(), v) == order.end()) order.push_back(v);
        for (const auto& v : order) {
            const auto b = it->second.find(v);
            if (b == it->second.end()) {
                // an exhaustive plan over slot variants leaves out what cannot be feasible (slot_variants.hpp)
                left_out = true;
                t.add({"`" + a.key + "`", v, "none feasible", "-", "-", "-", "-", "-", "0 / 0 (left out)"});
                continue;
            }
            const auto& k = b->second;
            const bool any = k.index >= 0;
            // Exhaustive: each micro-architecture is at its fastest clock that meets timing, so a
            // clock's row holds the micro-architectures whose fastest clock it is.
            const bool folded = sweep.strategy == Strategy::exhaustive && a.key == kClockKey;
            t.add({"`" + a.key + "`" + (folded ? " (fastest that meets timing)" : ""), v,
                   any ? thousands(k.tokens_per_s) : "none feasible",
                   any && top > 0 ? fixed_decimals(k.tokens_per_s / top, 3) + "x" : "-",
                   any ? thousands(static_cast<double>(k.alms)) : "-", any ? fixed_decimals(k.fmax_mhz, 1) : "-",
                   any ? k.critical_path : "-", any ? "#" + std::to_string(k.index) : "-",
                   thousands(static_cast<double>(k.feasible)) + " / " + thousands(static_cast<double>(k.points))});
        }
    }
    o << t.str() << "\n";
    if (left_out)
        o << "\"Left out\": the exhaustive plan has no point with this value. It leaves out every variant with "
             "several slots (`sequences` x `cores` > 1) whose resources exceed a device cap (such a point is never "
             "feasible), and with one slot per core every `schedule` and `slot_memory` but the first listed (they "
             "change nothing there): their rows count the points with several slots per core.\n\n";
}

// Why points are not feasible or not on the front, with examples.
void write_losers(std::ostream& o, const RunDigest& g, const Sweep& sweep, const PointRow* base) {
    o << "## Why the other points lose\n\n";
    const std::vector<const PointRow*> front_by_alms = g.alm_front().rows();
    const arch::DesignPoint& bd = base ? base->design : sweep.baseline;
    std::string by_res_text, by_path_text;
    for (const auto& [k, n] : g.over_by_resource()) by_res_text += (by_res_text.empty() ? "" : ", ") + k + " " + std::to_string(n);
    long by_path_total = 0;
    for (const auto& [k, n] : g.timing_by_path()) by_path_total += n;
    for (const auto& [k, n] : g.timing_by_path()) by_path_text += (by_path_text.empty() ? "" : ", ") + k + " " + std::to_string(n);
    const auto stalled = g.stalled(), dominated = g.dominated();
    o << "- **resources** (do not fit, meet timing): " << g.resources_only().count << " points; over the cap, counting every "
      << "exceeded resource of every non-fitting point: " << (by_res_text.empty() ? "none" : by_res_text) << "\n"
      << examples(g.resources_only().examples, bd, 3, why_resources);
    o << "- **timing** (fit, PLL clock above the estimated Fmax): " << g.timing_only().count
      << " points; longest path, over all " << by_path_total << " points that miss timing: " << (by_path_text.empty() ? "none" : by_path_text)
      << "\n"
      << examples(g.timing_only().examples, bd, 3, why_timing);
    o << "- **both** resources and timing: " << g.both().count << " points\n" << examples(g.both().examples, bd, 2, why_resources);
    o << "- **memory stalls** (feasible, dominated, at least 5% of cycles waiting for M10K bank ports): "
      << stalled.count << " points\n"
      << examples(stalled.examples, bd, 3, why_stalls);
    o << "- **dominated** (feasible, another point is as fast for fewer ALMs, or faster for as many): "
      << dominated.count << " points\n"
      << examples(dominated.examples, bd, 3, [&](const PointRow& r) { return why_dominated(r, front_by_alms); });
    o << "\n";
}

}  // namespace

std::string report_markdown(const RunDigest& g, const Sweep& sweep, const RunInfo& run, const Calibration& calibration) {
    std::ostringstream o;
    const PointRow* base = g.baseline() ? &*g.baseline() : nullptr;
    const PointRow* best = g.best() ? &*g.best() : nullptr;
    write_title(o, sweep, run, calibration);
    write_sweep(o, g, sweep, run);
    if (base) write_baseline(o, *base, calibration);
    write_best(o, g, base, best, calibration);
    write_front(o, g, base);
    write_latency_front(o, g, base);
    write_keys(o, g, sweep);
    write_losers(o, g, sweep, base);
    o << "Every point is in `points.csv` (one row per point, a source column per figure family; or the rows the run "
         "kept, run.cfg `points`); `pareto.gp` redraws the plots.\n";
    return o.str();
}

}  // namespace mgpt::explorer
