// The reference design's published Quartus fits (docs/DEVICE.md, "Published
// calibration points") and the fit of the models' anchor coefficients to them,
// which turn the yosys-equivalent resource model into Quartus figures and
// anchor the Fmax model (`microgpt-dse calibrate` ends with this fit;
// `calibrate --reference` does only this).
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"

namespace mgpt::explorer {

struct ReferenceBuild {
    std::string name;
    arch::DesignPoint design;  // as close as the design space gets to that build
    double alms, registers, dsp;
    double critical_path_ns;   // from the published slack or Fmax
    std::string note;
};

// 0: the 16-lane build (= the baseline design point), 56.25 MHz, slack +1.692 ns.
// 1: the 4-lane build with a combinational divider and square root (modelled as
//    radix 32 engines, one attention divider), Fmax 13.22 MHz. Its engines are
//    the reference's RTL, not this project's: a loose check, never a fit.
const std::vector<ReferenceBuild>& reference_builds();

// The Fmax model's mapping factor is Quartus' period of the baseline build over
// the structural path (yosys 0.23 cells, mgpt-sta) of the same logic in this
// project's RTL: the baseline design point's tile as of commit 2c3c763, whose
// weight -> multiply -> accumulate cycle is the reference's
// (rtl/synth/results/timing/baseline.tile.txt). The pair is frozen here, so
// that a faster RTL of the baseline design point does not silently rescale
// every Fmax: the factor describes the tools, not this RTL.
struct MappingAnchor {
    double quartus_ns;     // reference_builds()[0].critical_path_ns
    double structural_ns;  // 18.409 ns: the baseline tile at commit 2c3c763
    const char* what;
};
const MappingAnchor& mapping_anchor();

// yosys and Quartus count the same logic within a factor of ten either way
// (the shipped factors are 0.56 for ALMs, 1.07 for registers, 0.87 for the
// structural path): a fitted quartus_correction or mapping_factor outside
// these bounds comes from broken measurements, and calibrate refuses it.
constexpr double kMinQuartusFactor = 0.1, kMaxQuartusFactor = 10.0;
// Throws std::runtime_error "<what> = <factor>: ... <why>" unless the factor is
// finite and within the bounds above.
void check_quartus_factor(const std::string& what, double factor, const std::string& why);

// Refits, from `prior`: the yosys-to-Quartus factors quartus_correction,alms
// and quartus_correction,registers to the baseline build (the 4-lane build is
// the out-of-sample check). The component coefficients (fitted to yosys) and
// the Fmax model (fitted to structural timing, its mapping factor to the
// baseline: structural_paths.hpp) stay. `notes` gets the factors, the
// residuals and both builds' Fmax, model against Quartus. Throws when the
// model's figure of the baseline is not a positive number or a factor is out
// of bounds (a degenerate fit: e.g. all-zero yosys figures).
Calibration fit_to_reference(const Calibration& prior, std::vector<std::string>* notes);

}  // namespace mgpt::explorer
