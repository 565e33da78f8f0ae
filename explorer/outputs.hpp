// Everything a finished run (or merge) leaves in its folder, each file written
// atomically: points.csv and run.cfg (every run, shards included), then
// report.md, best.cfg and pareto.gp/.svg/.png (whole sweeps only).
#pragma once
#include <string>
#include <vector>

#include "calibration.hpp"
#include "point_row.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// Removes what a killed run left half-written in `dir`: the temporary files
// (NAME.tmp.PID) of the folder's outputs and of the plots being drawn. Call it
// holding the folder's lock (folder_lock.hpp): no other run is writing them.
// Returns how many it removed.
int remove_stale_temporaries(const std::string& dir);

// Marks the Pareto fronts of `rows` (sorted by index; a shard's fronts are its
// own, merge recomputes them) and writes points.csv, then run.cfg.
void write_points_and_run(const std::string& dir, std::vector<PointRow>& rows, const RunInfo& run);

// report.md, best.cfg (the best feasible point; none if no point is feasible)
// and the plots. Returns the best point's index (-1: none). Throws, after
// writing the rest, if gnuplot is missing or fails.
long write_reports(const std::string& dir, const std::vector<PointRow>& rows, const Sweep& sweep, const RunInfo& run,
                   const Calibration& calibration);

}  // namespace mgpt::explorer
