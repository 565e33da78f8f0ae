// The calibration file as the models use it: the full schema (resource and
// Fmax coefficients) and the labels that say where the printed figures come from.
#pragma once
#include <string>

#include "calibration.hpp"

namespace mgpt::explorer {

CoefficientSchema model_schema();
Calibration load_model_calibration(const std::string& path);

// "model/quartus-reference-fit", "model/yosys-fit+quartus-correction" or
// "model/yosys+quartus-fit" (some components still hardware estimates),
// from the sources of the resource coefficients.
std::string resource_source_label(const Calibration& c);
// "model/structural-timing+quartus-factor": path terms fitted to the
// structural timing of yosys' mapped cells (no routing), scaled by one factor
// fitted to the baseline's Quartus fit.
std::string fmax_source_label(const Calibration& c);

}  // namespace mgpt::explorer
