// Least-squares fitting of the resource model's coefficients to measured
// figures (yosys per-module or whole-design statistics, or published Quartus
// fits), used by `microgpt-dse calibrate`.
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"
#include "resource_model.hpp"

namespace mgpt::explorer {

// One measured figure: `metric` of the components of `group` (an RTL module,
// see resource_components(), or "total") for design point `design`.
struct Measurement {
    arch::DesignPoint design;
    std::string label;  // where it came from (file:line and design), for errors
    std::string point;  // the design point's name in reports (the yosys runner's point, or the design file's stem)
    std::string group;
    Metric metric = Metric::alms;
    double value = 0;
    std::string source;  // e.g. "yosys 0.23 synth_intel_alm"
};

// Per metric, the coefficients of the free components minimise the sum over
// measurements of the squared relative error (modelled group sum - measured
// value) / max(measured value, 10), subject to every coefficient >= 0 (a
// resource term costs something or nothing); all other
// coefficients stay as in `prior`. `free_components` empty = every component of
// a measured group that already has a coefficient for that metric. A
// coefficient whose units are zero in every measurement keeps its prior
// value; coefficients the measurements cannot tell apart (collinear units,
// e.g. two per-design constants in a "total" measurement) move by the
// smallest change from the prior that fits (a vanishing ridge toward it).
// Fitted rows get `source`. M10K blocks are counted, never fitted (error).
// `notes` receives one line per fitted metric.
Calibration fit_coefficients(const Calibration& prior, const std::vector<Measurement>& rows,
                             const std::vector<std::string>& free_components, const std::string& source,
                             std::vector<std::string>* notes = nullptr);

// Solves min |A x - b|^2 + ridge |x - x0|^2 (columns scaled to unit norm first).
std::vector<double> least_squares(const std::vector<std::vector<double>>& A, const std::vector<double>& b,
                                  const std::vector<double>& x0, double ridge = 1e-9);
// The same objective subject to x >= 0 (x0 clipped to x >= 0): the unconstrained
// solution when it is feasible, else Lawson and Hanson's active-set method.
std::vector<double> nonnegative_least_squares(const std::vector<std::vector<double>>& A, const std::vector<double>& b,
                                              const std::vector<double>& x0, double ridge = 1e-9);

}  // namespace mgpt::explorer
