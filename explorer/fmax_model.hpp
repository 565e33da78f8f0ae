// Fmax of a design point from the structure of its RTL. Per component family,
// the model predicts the longest register-to-register path through yosys'
// mapped Cyclone V cells (cell delays, no routing: what `mgpt-sta` measures on
// rtl/synth/run_timing.sh's netlists); the clock must cover the longest of
// them times one mapping factor fitted to the reference's Quartus fit (Quartus
// maps and routes the baseline's 18.4 ns structural tile path in 16.1 ns).
//
// Families measured by run_timing.sh (tile, M10K weight stream, RMS engine,
// divider, sampler) have terms fitted to those measurements
// (structural_paths.hpp); the others (write-back, load, vector, attention,
// argmax, controller) are not synthesized on their own yet and are counted
// from the cell library's delays. explorer/README.md documents every term.
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"

namespace mgpt::explorer {

// One fitted term of a family's path: coefficient (component "path_<family>",
// metric `name`, in ns per unit) times `units`.
struct PathTerm {
    std::string name;
    double units = 0;
};
struct PathModel {
    std::string family;
    bool measured = false;   // fitted to structural timing, or counted from cell delays only
    double fixed_ns = 0;     // counted from the cell library (carry chains of known width, cells of known kind)
    std::vector<PathTerm> terms;
};
// The families the RTL of `d` instantiates (the M10K weight stream only with M10K weights).
std::vector<PathModel> path_models(const arch::DesignPoint& d, const Calibration& c);
// fixed_ns + sum of coefficient x units: the family's structural path (ns, no routing).
double structural_ns(const PathModel& p, const Calibration& c);
// "path_tile" for "tile": the calibration component of a family's terms.
std::string path_component(const std::string& family);

struct PathDelay {
    std::string family;
    double structural_ns;  // the model's structural path
    bool measured;         // the family's terms are fitted to structural timing
};
struct FmaxEstimate {
    double fmax_mhz = 0;
    double critical_ns = 0;     // the period the clock must cover: mapping factor x structural, or a hard block's
    double mapping_factor = 0;  // Quartus period / structural path, fitted to the baseline
    std::string critical;       // family of the longest path (or m10k_block / dsp_block)
    std::vector<PathDelay> paths;
};
FmaxEstimate estimate_fmax(const arch::DesignPoint& d, const Calibration& c);
// Setup slack at `f_mhz`: period - longest path (ns).
inline double slack_ns(const FmaxEstimate& e, double f_mhz) { return 1000.0 / f_mhz - e.critical_ns; }

// The families and term names the fit knows (for the schema and the fit).
struct FamilyTerms {
    std::string family;
    std::vector<std::string> terms;
};
const std::vector<FamilyTerms>& measured_families();

// The Fmax model's part of the calibration schema.
void add_fmax_schema(CoefficientSchema& schema);

}  // namespace mgpt::explorer
