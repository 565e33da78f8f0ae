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
    std::string critical_family;  // the Fmax model family taken to be its longest path
    std::string note;
};

// 0: the 16-lane build (= the baseline design point), 56.25 MHz, slack +1.692 ns.
// 1: the 4-lane build with a combinational divider and square root (modelled as
//    radix 32 engines, one attention divider), Fmax 13.22 MHz.
const std::vector<ReferenceBuild>& reference_builds();

// Refits, from `prior`: the yosys-to-Quartus factors quartus_correction,alms
// and quartus_correction,registers to the baseline build (the 4-lane build is
// the out-of-sample check); routing_factor to the 4-lane build's divider path;
// tile_routing to the baseline's tile path. The component coefficients (fitted
// to yosys) stay. `notes` gets the factors and the residuals.
Calibration fit_to_reference(const Calibration& prior, std::vector<std::string>* notes);

}  // namespace mgpt::explorer
