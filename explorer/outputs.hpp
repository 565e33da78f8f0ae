// Everything a finished run (or merge) leaves in its folder, each file written
// atomically: points.csv and run.cfg (every run, shards included), then
// report.md, best.cfg and pareto.gp/.svg/.png (whole sweeps only).
#pragma once
#include <string>
#include <vector>

#include "calibration.hpp"
#include "point_row.hpp"
#include "points_output.hpp"
#include "run_digest.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

// Removes what a killed run left half-written in `dir`: the temporary files
// (NAME.tmp.PID) of the folder's outputs and of the plots being drawn. Call it
// holding the folder's lock (folder_lock.hpp): no other run is writing them.
// Returns how many it removed.
int remove_stale_temporaries(const std::string& dir);

// Streams the rows of `source` (the journal, or a finished run's whole
// points file) into the points file `out` names, the fronts of `digest`
// marked, then writes run.cfg. Returns the rows written.
long write_points_and_run(const std::string& dir, const std::string& source, const PointsOutput& out,
                          const RunDigest& digest, const RunInfo& run);

// report.md, best.cfg (the best feasible point; none if no point is feasible)
// and the plots. Returns the best point's index (-1: none). Throws, after
// writing the rest, if gnuplot is missing or fails.
long write_reports(const std::string& dir, const RunDigest& digest, const Sweep& sweep, const RunInfo& run,
                   const Calibration& calibration);

}  // namespace mgpt::explorer
