// Structural timing of the calibration set (rtl/synth/results/structural_timing.csv,
// written by rtl/synth/run_timing.sh: the longest register-to-register path of
// each component through yosys' mapped cells) and the fit of the Fmax model's
// path terms to it (`microgpt-dse calibrate`).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"

namespace mgpt::explorer {

struct StructuralPath {
    std::string point;   // the design file <csv folder>/points/<point>.cfg
    arch::DesignPoint design;
    std::string family;  // an Fmax model family (fmax_model.hpp): the component's name
    double ns = 0;       // longest path from a register or a (registered) input to a register
    std::string label;   // file:line (point component), for errors and reports
};

// Rows with status "ok" and a register-to-register path (a logic-ROM weight
// stream has none: it is a combinational stand-in inside the tile's path).
// Throws std::runtime_error naming the file and line; an empty result is an error.
std::vector<StructuralPath> read_structural_timing(const std::string& path);

// Per measured family, its path terms (path_<family>, fmax_model.hpp) by least
// squares on the relative error, every coefficient >= 0 (a term never
// shortens a path); a term whose units are 0 on every row of its family keeps
// its prior. Then mapping_factor = the reference's Quartus period of the
// baseline / its frozen structural anchor (reference_fits.hpp, mapping_anchor).
// `notes` gets one line per family and one for the factor.
Calibration fit_structural_paths(const Calibration& prior, const std::vector<StructuralPath>& rows,
                                 const std::string& source, std::vector<std::string>* notes = nullptr);
// The path terms alone (the mapping factor stays as in `prior`).
Calibration fit_path_terms(const Calibration& prior, const std::vector<StructuralPath>& rows,
                           const std::string& source, std::vector<std::string>* notes = nullptr);

// The model's structural path of `row`'s family at `row.design` (ns, unscaled).
double modelled_ns(const StructuralPath& row, const Calibration& c);

// Per point of `rows`: the longest measured path and the model's longest path
// over the same families, both times the mapping factor (what the clock must cover).
struct PointPaths {
    std::string point;
    std::string measured_family, model_family;
    double measured_ns = 0, model_ns = 0;  // scaled by the mapping factor
    // leave_one_out: terms only this point's rows determine (family.term); a
    // prediction that uses one is not out of sample, so it is not a check
    std::vector<std::string> unlearnt;
    double error() const { return (model_ns - measured_ns) / measured_ns; }
};
std::vector<PointPaths> compare_points(const std::vector<StructuralPath>& rows, const Calibration& c);
// The same, each point predicted by path terms fitted without its rows (the
// mapping factor of `prior` kept: it scales both sides alike), naming the terms
// no other point determines (PointPaths::unlearnt).
std::vector<PointPaths> leave_one_out(const std::vector<StructuralPath>& rows, const Calibration& prior);

// Measured paths looked up by the RTL parameters each component's netlist
// depends on (rtl/synth/synth_component.sh's wrappers: the engines on their
// radix, the tile on lanes, columns and weight memory, ...): a design point's
// component is measured when any measured point shares those parameters.
class StructuralIndex {
public:
    StructuralIndex() = default;
    explicit StructuralIndex(const std::vector<StructuralPath>& rows);
    // The longest measured path of `family` at `d`'s parameters (ns, unscaled).
    std::optional<double> find(const arch::DesignPoint& d, const std::string& family) const;
    uint64_t hash() const;  // of the measurements it holds: part of a run's identity
    bool empty() const { return by_key_.empty(); }

private:
    std::map<std::string, double> by_key_;
};

// The committed structural timing of the source tree: the calibration set
// (rtl/synth/results) and the held-out set (rtl/synth/heldout/results).
std::vector<std::string> default_structural_timing_paths();
StructuralIndex load_structural_index(const std::vector<std::string>& paths);

}  // namespace mgpt::explorer
