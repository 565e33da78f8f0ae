// pareto.png and pareto.svg: tokens/s against ALMs and against DSP blocks:
// every point as a cell of a density cloud (feasible and infeasible shaded
// apart; bounded in size however many points the sweep has), the fronts, the
// baseline and the best point exactly, the device caps drawn. The gnuplot
// script is kept as pareto.gp (its data inline) so a user can restyle it.
#pragma once
#include <string>
#include <vector>

#include "point_row.hpp"
#include "run_digest.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// Throws std::runtime_error if gnuplot is missing or fails (naming the fix).
void write_plots(const std::string& dir, const RunDigest& digest, const Sweep& sweep);

// Whether an executable named `name` is on PATH.
bool on_path(const std::string& name);

}  // namespace mgpt::explorer
