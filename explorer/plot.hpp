// pareto.png and pareto.svg: tokens/s against ALMs and against DSP blocks,
// feasible and infeasible points distinguished, the fronts, the baseline and
// the best point marked, the device caps drawn. The gnuplot script is kept as
// pareto.gp beside points.csv (it reads points.csv) so a user can restyle it.
#pragma once
#include <string>
#include <vector>

#include "point_row.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// Throws std::runtime_error if gnuplot is missing or fails (naming the fix).
// `best_index` < 0: no feasible point.
void write_plots(const std::string& dir, const std::vector<PointRow>& rows, const Sweep& sweep, long best_index);

// Whether an executable named `name` is on PATH.
bool on_path(const std::string& name);

}  // namespace mgpt::explorer
