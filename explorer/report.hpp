// report.md: the sweep, the best feasible points against the baseline, the
// Pareto front, what each key's values buy, and why the other points lose (resources, timing, memory
// stalls), with counts and examples. Deterministic: the same rows give the
// same text (a merged run's report equals the unsharded run's).
#pragma once
#include <string>
#include <vector>

#include "calibration.hpp"
#include "point_row.hpp"
#include "run_digest.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// "lanes=8 sampler=parallel ..." : the keys where `d` differs from `base`.
std::string diff_keys(const arch::DesignPoint& d, const arch::DesignPoint& base);

std::string report_markdown(const RunDigest& digest, const Sweep& sweep, const RunInfo& run,
                            const Calibration& calibration);

}  // namespace mgpt::explorer
