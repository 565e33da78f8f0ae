// One evaluated design point: the row of points.csv. Every figure family
// carries its source (TLM, TLM-proven analytic model, PLL model, resource /
// Fmax model and its calibration). Rows round-trip through CSV text exactly:
// reals are written with fixed decimals and evaluate() canonicalises through
// the same text, so a run, its resumed continuation and a merge of its shards
// compute the same fronts from the same numbers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "arch/design_point.hpp"

namespace mgpt::explorer {

struct PointRow {
    long index = 0;     // position in the sweep's plan (0 = baseline)
    std::string phase;  // baseline | grid | sample | local<R>
    arch::DesignPoint design;

    // clock (PLL model)
    int pll_m = 0, pll_n = 0, pll_c = 0;
    double pll_vco_mhz = 0, f_mhz = 0;
    bool pll_exact = false;

    // cycles on the sweep's workload (final BOS steps included)
    uint64_t steps = 0, generated_tokens = 0, total_cycles = 0, stall_cycles = 0;
    uint32_t worst_step_cycles = 0;  // sampled step at position 15, no RMS early exit
    double cycles_per_step = 0, cycles_per_token = 0, tokens_per_s = 0;
    std::string cycles_source, worst_source;
    // Many names in flight (keys sequences, cores): the cycle the workload's
    // last step ends (= total_cycles with one slot on one core; tokens/s and
    // cycles/token use it), the per-token latency (a step's end minus the
    // cycle its slot was ready for it, waits included; nearest-rank
    // percentiles), and the shared unit busy the largest share of the
    // makespan on any core (docs/SCHEDULING.md).
    uint64_t makespan_cycles = 0;
    double latency_mean_cycles = 0;
    uint64_t latency_p50_cycles = 0, latency_p99_cycles = 0;
    std::string bound_unit = "none";
    double bound_utilisation = 0;

    // resources and timing (models)
    long alms = 0, registers = 0, dsp = 0, m10k = 0, mlabs = 0;
    std::string resource_source;
    double fmax_mhz = 0, slack_ns = 0;
    std::string critical_path, fmax_source;
    // structural timing measured (rtl/synth/run_timing.sh) for this point's
    // components, times the model's mapping factor: the longest, its
    // component, and which components were measured ("none": no check)
    double structural_ns = 0;
    std::string structural_path = "none", structural_measured = "none";

    bool fits = false, meets_timing = false, feasible = false;
    std::string over_limits = "none";  // resources over their cap, '+'-joined
    bool pareto = false, pareto_dsp = false;

    std::string key() const { return arch::to_short_string(design); }
};

const std::vector<std::string>& points_csv_columns();
std::string points_csv_header();  // with the trailing newline
std::string to_csv_line(const PointRow& r);  // with the trailing newline
// `where` ("points.csv:12") prefixes errors.
PointRow parse_csv_line(const std::string& line, const std::string& where);
// Text round trip: the row as it will read back from disk.
PointRow canonical(const PointRow& r);

// Reads a points.csv (or a journal) with fast-cpp-csv-parser's line reader.
// `tolerate_torn_tail`: a journal's last line may be cut short by a kill; it is
// dropped (and reported in *torn) instead of being an error.
std::vector<PointRow> read_points_csv(const std::string& path, bool tolerate_torn_tail = false, bool* torn = nullptr);
void write_points_csv(const std::string& path, const std::vector<PointRow>& rows);  // atomically

}  // namespace mgpt::explorer
