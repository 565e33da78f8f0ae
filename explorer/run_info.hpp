// run.cfg: the identity of a results folder (which sweep, engine, calibration,
// shard), written beside points.csv so that --resume and merge can refuse to
// mix runs that do not belong together. Files inside the source tree are
// written relative to it and read back as absolute paths of this tree.
#pragma once
#include <string>

namespace mgpt::explorer {

struct RunInfo {
    std::string sweep_name, sweep_file, sweep_hash;
    std::string engine;  // analytic | tlm
    std::string calibration_file, calibration_hash;
    std::string structural_hash;  // of the measured structural timing the feasibility check used
    int shard_index = 0, shard_count = 1;
    long points_planned = 0;   // points of the whole sweep (every shard)
    long points_in_run = 0;    // points this folder holds when complete
    std::string points_kept = "whole";  // rows points.csv keeps: whole | feasible | front
    bool points_gzip = false;           // points.csv.gz instead of points.csv
    std::string status;        // running | complete | merged
};

void write_run_info(const std::string& path, const RunInfo& r);  // atomically
RunInfo read_run_info(const std::string& path);  // throws naming the file and line
// Why two runs do not belong together ("" if they do): sweep, engine, calibration, structural timing.
std::string run_mismatch(const RunInfo& a, const RunInfo& b);

}  // namespace mgpt::explorer
