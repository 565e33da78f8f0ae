// `microgpt-dse merge`: combines the folders of the shards of one sweep into
// one results folder, refusing shards of other sweeps, engines or
// calibrations, missing, repeated or unfinished shards, overlapping points,
// and any row that its re-evaluation does not reproduce (row_check.hpp); then
// recomputes the fronts, the report, best.cfg and the plots.
#pragma once
#include <string>
#include <vector>

#include "planner.hpp"
#include "point_row.hpp"
#include "points_output.hpp"
#include "run_digest.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

struct MergeOptions {
    std::vector<std::string> dirs;
    std::string out_dir;
    std::string sweep_path;        // empty: the sweep file named in the shards' run.cfg
    std::string calibration_path;  // empty: the calibration file named in the shards' run.cfg
    int jobs = 1;                  // threads re-evaluating the shards' rows
    uint64_t max_points = kDefaultMaxPoints;  // a sampled plan (random, local search) is held in memory
    PointsOutput points;                      // which rows the merged points.csv keeps, compressed or not
};

struct MergeResult {
    Sweep sweep;
    RunInfo run;
    RunDigest digest;
    long rows_written = 0;
    long best_index = -1;
};

// Why `out_dir` must not be written: it is one of the shard folders (merging
// would overwrite that shard's points.csv and run.cfg); "" if it is not.
std::string out_dir_is_a_shard(const MergeOptions& o);

// Throws std::invalid_argument for an --out that is a shard (out_dir_is_a_shard),
// std::runtime_error for bad shards, naming the folder, file and line.
MergeResult run_merge(const MergeOptions& o);

}  // namespace mgpt::explorer
