// `microgpt-dse explore` as a library call: plan the sweep, evaluate the
// points this process owns (its shard, minus what a resumed journal already
// holds) with the analytic or the TLM engine, stream every row to the
// journal as it is done (in plan order, a block at a time), gather the
// digest the report and plots need, and write the results folder.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "planner.hpp"
#include "point_row.hpp"
#include "points_output.hpp"
#include "run_digest.hpp"
#include "run_info.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

struct ExploreOptions {
    std::string sweep_path;
    std::string out_dir;           // empty: results/<name>, or results/<name>.shard<I>of<N>
    std::string calibration_path;  // empty: explorer/calibration.csv
    std::string engine = "analytic";  // analytic | tlm
    int jobs = 1;
    int shard_index = 0, shard_count = 1;
    bool resume = false;
    // the most points this process may hold in memory: a sampled plan (random,
    // local search) or the TLM engine's points (planner.hpp, check_plan_size)
    uint64_t max_points = kDefaultMaxPoints;
    PointsOutput points;  // which rows points.csv keeps (a shard keeps every row), compressed or not
    long stop_after = -1;  // testing: stop after journaling this many new rows (a simulated kill)
    bool progress = true;
    // Called once before any point is evaluated with the plan's size, the
    // estimated time and disk (explore prints it on stderr).
    std::function<void(const std::string&)> announce;
};

struct ExploreResult {
    std::string out_dir;
    Sweep sweep;
    RunInfo run;
    RunDigest digest;            // this folder's rows, summarised (fronts, best, counts)
    std::string points_path;     // points.csv or points.csv.gz
    long rows_written = 0;       // rows in it
    long resumed_rows = 0;       // rows taken from a journal or a finished run
    long evaluated = 0;          // points evaluated by this process (planning and checks included)
    double evaluation_seconds = 0;
    long tlm_points = 0;         // points run through the TLM (engine tlm)
    double tlm_seconds = 0;
    long best_index = -1;
    bool interrupted = false;    // stopped by stop_after
    std::vector<std::string> notes;  // warnings for the user
};

// Throws std::runtime_error on bad input (naming files and lines), a sweep
// too large for max_points or for the disk, or a folder another process is writing.
ExploreResult run_explore(const ExploreOptions& o);

// "results/NAME" or "results/NAME.shard<I>of<N>".
std::string default_out_dir(const std::string& sweep_name, int shard_index, int shard_count);

}  // namespace mgpt::explorer
