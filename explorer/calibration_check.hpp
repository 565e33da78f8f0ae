// The resource model against the yosys figures it was fitted to: per measured
// (design point, RTL component) and per design point (the sum over the six
// components that partition the core, when all six were measured), with the
// issue's accuracy targets: ALMs and registers within 15%, DSP exact.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "calibration.hpp"
#include "fit.hpp"

namespace mgpt::explorer {

// The metrics yosys measures, in this order: alms, registers, dsp, mlabs.
constexpr std::array<Metric, 4> kYosysMetrics = {Metric::alms, Metric::registers, Metric::dsp, Metric::mlabs};

struct CheckRow {
    std::string point, group;  // group "total" = a whole point
    std::array<double, 4> measured{}, model{};  // kYosysMetrics order; model is yosys-equivalent
    double error(size_t metric) const;           // relative, 0 when both are 0
    bool meets_target(size_t metric) const;      // alms/registers within 15%, dsp exact, mlabs not targeted
};

struct CalibrationCheck {
    std::vector<CheckRow> components;  // one per measured (point, group)
    std::vector<CheckRow> points;      // one per point with every group measured
    double worst_error(const std::vector<CheckRow>& rows, size_t metric) const;  // max |relative error|
    int misses(const std::vector<CheckRow>& rows, size_t metric) const;
};

// The component groups that partition the core (resource_components()' groups).
std::vector<std::string> core_groups();

CalibrationCheck check_calibration(const std::vector<Measurement>& rows, const Calibration& c);
// Leave-one-out: for each calibration point, the component coefficients are
// refitted without that point's measurements, starting from a neutral prior
// (every component coefficient of the yosys metrics zeroed, so nothing the
// point taught the shipped fit leaks back), and the point is checked against
// its own measurements. A coefficient only that point exercises cannot be
// learnt without it: its share of the prediction is zero, and the check says so.
CalibrationCheck check_leave_one_out(const std::vector<Measurement>& rows, const Calibration& prior);
std::string calibration_check_markdown(const CalibrationCheck& check, const std::string& measurements_file);

}  // namespace mgpt::explorer
