// Pareto fronts: maximise one figure, minimise another, among eligible points.
#pragma once
#include <vector>

#include "point_row.hpp"

namespace mgpt::explorer {

// on_front[i]: eligible[i] and no eligible j has gain[j] >= gain[i] and
// cost[j] <= cost[i] with one of them strict. Equal points are all on the front.
std::vector<bool> pareto_front(const std::vector<double>& gain, const std::vector<double>& cost,
                               const std::vector<bool>& eligible);

// Sets PointRow::pareto (tokens/s vs ALMs) and pareto_dsp (tokens/s vs DSP
// blocks) over the feasible rows (fits and meets timing).
void mark_pareto(std::vector<PointRow>& rows);

}  // namespace mgpt::explorer
