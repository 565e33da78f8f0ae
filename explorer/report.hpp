// report.md: the sweep, the best feasible points against the baseline, the
// Pareto front, and why the other points lose (resources, timing, memory
// stalls), with counts and examples. Deterministic: the same rows give the
// same text (a merged run's report equals the unsharded run's).
#pragma once
#include <string>
#include <vector>

#include "calibration.hpp"
#include "point_row.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// The best feasible row (max tokens/s, then fewer ALMs, then lower index); -1 if none.
long best_feasible(const std::vector<PointRow>& rows);
// "lanes=8 sampler=parallel ..." : the keys where `d` differs from `base`.
std::string diff_keys(const arch::DesignPoint& d, const arch::DesignPoint& base);

std::string report_markdown(const std::vector<PointRow>& rows, const Sweep& sweep, const RunInfo& run,
                            const Calibration& calibration);

}  // namespace mgpt::explorer
