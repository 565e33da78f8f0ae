// `microgpt-dse merge`: combines the folders of the shards of one sweep into
// one results folder, refusing shards of other sweeps, engines or
// calibrations, missing, repeated or unfinished shards, and overlapping points;
// then recomputes the fronts, the report, best.cfg and the plots.
#pragma once
#include <string>
#include <vector>

#include "point_row.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

struct MergeOptions {
    std::vector<std::string> dirs;
    std::string out_dir;
    std::string sweep_path;        // empty: the sweep file named in the shards' run.cfg
    std::string calibration_path;  // empty: the calibration file named in the shards' run.cfg
};

struct MergeResult {
    Sweep sweep;
    RunInfo run;
    std::vector<PointRow> rows;
    long best_index = -1;
};

MergeResult run_merge(const MergeOptions& o);

}  // namespace mgpt::explorer
