#include "model_estimate.hpp"

#include <exception>

#include "explorer/fmax_model.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/resource_model.hpp"

namespace mgpt::de1soc {

ModelEstimate model_estimate(const arch::DesignPoint& d, double f_mhz) {
    ModelEstimate e;
    try {
        const explorer::Calibration c = explorer::load_model_calibration(explorer::default_calibration_path());
        const explorer::Resources r = explorer::estimate_resources(d, c);
        const explorer::FmaxEstimate f = explorer::estimate_fmax(d, c);
        e.resource_source = explorer::resource_source_label(c);
        e.fmax_source = explorer::fmax_source_label(c);
        e.alms = r.alms;
        e.registers = r.registers;
        e.dsp = r.dsp;
        e.m10k = r.m10k;
        e.mlabs = r.mlabs;
        const explorer::Resources y = explorer::estimate_resources(d, c, explorer::Scale::yosys);
        e.yosys_alms = y.alms;
        e.yosys_registers = y.registers;
        e.fmax_mhz = f.fmax_mhz;
        e.slack_ns = explorer::slack_ns(f, f_mhz);
        e.critical = f.critical;
        e.available = true;
    } catch (const std::exception& ex) {
        e.error = ex.what();
    }
    return e;
}

}  // namespace mgpt::de1soc
