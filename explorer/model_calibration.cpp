#include "model_calibration.hpp"

#include "fmax_model.hpp"
#include "resource_model.hpp"

namespace mgpt::explorer {

CoefficientSchema model_schema() {
    CoefficientSchema s;
    add_resource_schema(s);
    add_fmax_schema(s);
    return s;
}

Calibration load_model_calibration(const std::string& path) { return Calibration::load(path, model_schema()); }

std::string resource_source_label(const Calibration& c) {
    bool yosys = false, other = false;
    for (const auto& comp : resource_components())
        for (const auto& r : c.rows())
            // structural counts (a flip-flop per register bit, a mux's packed ALMs) are neither
            if (r.component == comp.name && r.metric != "m10k" && !r.is_count()) {
                const bool y = r.source.find("yosys") != std::string::npos;
                yosys |= y;
                other |= !y;
            }
    // ALMs and registers are then corrected to Quartus (quartus_correction)
    if (yosys && !other) return "model/yosys-fit+quartus-correction";
    if (yosys) return "model/yosys+quartus-fit";
    return "model/quartus-reference-fit";
}

std::string fmax_source_label(const Calibration&) { return "model/structural-timing+quartus-factor"; }

}  // namespace mgpt::explorer
