#include "merge_run.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "evaluator.hpp"
#include "folder_lock.hpp"
#include "gzip_pipe.hpp"
#include "journal.hpp"
#include "point_plan.hpp"
#include "model_calibration.hpp"
#include "outputs.hpp"
#include "row_check.hpp"
#include "text_util.hpp"

namespace fs = std::filesystem;

namespace mgpt::explorer {

std::string out_dir_is_a_shard(const MergeOptions& o) {
    std::error_code ec;
    for (const auto& dir : o.dirs)
        if (fs::exists(dir, ec) && fs::exists(o.out_dir, ec) && fs::equivalent(dir, o.out_dir, ec)) {
            std::string which;
            try {
                const RunInfo info = read_run_info(dir + "/run.cfg");
                which = " (shard " + std::to_string(info.shard_index) + "/" + std::to_string(info.shard_count) + ")";
            } catch (const std::exception&) {
            }
            return "--out " + o.out_dir + " is the shard folder " + dir + which +
                   ": merging into it would overwrite that shard's points.csv and run.cfg; give a new folder, "
                   "e.g. --out results/<sweep name>";
        }
    return "";
}

namespace {

// One shard's rows, read in order as the merge walks the plan.
struct ShardStream {
    std::string dir;
    RunInfo info;
    std::unique_ptr<LineSource> in;
};

}  // namespace

MergeResult run_merge(const MergeOptions& o) {
    if (o.dirs.empty()) throw std::invalid_argument("no shard folders given");
    if (const std::string why = out_dir_is_a_shard(o); !why.empty()) throw std::invalid_argument(why);
    check_results_folder(o.out_dir, "merge");
    MergeResult res;
    std::vector<ShardStream> shards;
    std::map<int, std::string> shard_dir;
    for (const auto& dir : o.dirs) {
        const RunInfo info = read_run_info(dir + "/run.cfg");
        if (!shards.empty()) {
            const RunInfo& f = shards.front().info;
            const std::string why = run_mismatch(f, info);
            if (!why.empty()) throw std::runtime_error(dir + " and " + o.dirs.front() + " are not shards of one run: " + why);
            if (info.shard_count != f.shard_count)
                throw std::runtime_error(dir + " is shard " + std::to_string(info.shard_index) + "/" +
                                         std::to_string(info.shard_count) + " but " + o.dirs.front() + " is one of " +
                                         std::to_string(f.shard_count) + " shards");
        }
        if (info.status != "complete" || fs::exists(dir + "/points.partial.csv"))
            throw std::runtime_error(dir + ": shard " + std::to_string(info.shard_index) + "/" +
                                     std::to_string(info.shard_count) +
                                     " has not finished (rerun it with --resume)");
        if (info.points_kept != "whole")
            throw std::runtime_error(dir + "/run.cfg: the shard kept only its " + info.points_kept +
                                     " rows: merge checks every row: rerun the shard (shards always keep every row)");
        const auto [it, fresh] = shard_dir.emplace(info.shard_index, dir);
        if (!fresh)
            throw std::runtime_error(dir + " and " + it->second + " are both shard " + std::to_string(info.shard_index) +
                                     "/" + std::to_string(info.shard_count));
        shards.push_back({dir, info, nullptr});
    }
    const RunInfo first = shards.front().info;
    std::string missing;
    for (int i = 0; i < first.shard_count; ++i)
        if (!shard_dir.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
    if (!missing.empty())
        throw std::runtime_error("missing shards " + missing + " of " + std::to_string(first.shard_count) +
                                 " (sweep " + first.sweep_name + ")");
    long held = 0;
    for (const auto& s : shards) held += s.info.points_in_run;
    if (held != first.points_planned)
        throw std::runtime_error("the shards hold " + std::to_string(held) + " points, the sweep plans " +
                                 std::to_string(first.points_planned));

    res.sweep = load_sweep(o.sweep_path.empty() ? first.sweep_file : o.sweep_path);
    if (hex64(res.sweep.hash) != first.sweep_hash)
        throw std::runtime_error(res.sweep.path + ": this sweep file has changed since the shards ran (hash " +
                                 hex64(res.sweep.hash) + ", shards " + first.sweep_hash + ")");
    check_plan_size(res.sweep, 0, 1, o.max_points);  // a sampled plan is held
    const std::string calib_path = fs::absolute(o.calibration_path.empty() ? first.calibration_file
                                                                           : o.calibration_path).lexically_normal();
    const Calibration calib = load_model_calibration(calib_path);
    if (hex64(calib.hash()) != first.calibration_hash)
        throw std::runtime_error(calib_path + ": this calibration differs from the shards' (hash " +
                                 hex64(calib.hash()) + ", shards " + first.calibration_hash + ")");

    StructuralIndex structural = load_structural_index(default_structural_timing_paths());
    if (hex64(structural.hash()) != first.structural_hash)
        throw std::runtime_error("the measured structural timing (rtl/synth/results, rtl/synth/heldout/results) differs "
                                 "from the shards' (hash " + hex64(structural.hash()) + ", shards " +
                                 first.structural_hash + "): rerun the shards");

    // Every row is evaluated again: a shard's file is not trusted as it stands.
    const Evaluator ev(res.sweep, load_rom_dir(res.sweep.workload.weights_dir), calib, std::move(structural));
    const PointPlan plan(res.sweep, ev, o.jobs, false);
    if (plan.total() != first.points_planned)
        throw std::runtime_error(res.sweep.path + ": the sweep plans " + std::to_string(plan.total()) +
                                 " points, the shards " + std::to_string(first.points_planned) + ": rerun the shards");
    std::sort(shards.begin(), shards.end(),
              [](const ShardStream& a, const ShardStream& b) { return a.info.shard_index < b.info.shard_index; });
    std::string line;
    bool torn = false;
    for (auto& s : shards) {
        s.in = std::make_unique<LineSource>(s.dir + "/" + PointsOutput{KeptPoints::whole, s.info.points_gzip}.file_name());
        if (!s.in->next(line, torn) || torn || line + "\n" != points_csv_header())
            throw std::runtime_error(s.in->path() + ":1: header does not match this version's points.csv columns");
    }
    res.run = first;
    res.run.sweep_file = fs::absolute(res.sweep.path).lexically_normal();
    res.run.calibration_file = calib_path;
    res.run.shard_index = 0;
    res.run.shard_count = 1;
    res.run.points_in_run = first.points_planned;
    res.run.points_kept = o.points.keep_name();
    res.run.points_gzip = o.points.gzip;
    res.run.status = "complete";
    const FolderLock lock(o.out_dir);  // creates the folder; one writer at a time
    remove_stale_temporaries(o.out_dir);
    const std::string journal_path = o.out_dir + "/points.partial.csv";
    try {
        Journal journal(journal_path);
        const int n = first.shard_count;
        std::vector<ClaimedRow> block;
        auto flush = [&] {
            const auto misplaced = [&](long got, long want) {
                const int s = static_cast<int>(want % n);
                if (got % n != s)
                    return "point " + std::to_string(got) + " does not belong to shard " + std::to_string(s) + "/" +
                           std::to_string(n);
                return "point " + std::to_string(got) + " where the plan's order has point " + std::to_string(want) +
                       " (a row lost, repeated or moved)";
            };
            // The remedy names the shard whose row was refused (a block holds rows of every shard).
            std::vector<PointRow> rows;
            try {
                rows = check_rows(block, plan, ev, first.engine, o.jobs, "@REMEDY@", misplaced);
            } catch (const std::runtime_error& e) {
                std::string what = e.what();
                const std::string where = what.substr(0, what.find(": "));
                std::string remedy = "rerun that shard into a new folder";
                for (const auto& s : shards)
                    if (where.rfind(s.in->path() + ":", 0) == 0)
                        remedy = "rerun shard " + std::to_string(s.info.shard_index) + "/" + std::to_string(n) +
                                 " into a new folder";
                const size_t at = what.find("@REMEDY@");
                if (at != std::string::npos) what.replace(at, 8, remedy);
                throw std::runtime_error(what);
            }
            std::string text;
            for (const auto& r : rows) text += to_csv_line(r);
            journal.append(text);
            for (const auto& r : rows) res.digest.add(r);
            block.clear();
        };
        for (long i = 0; i < plan.total(); ++i) {
            ShardStream& s = shards[static_cast<size_t>(i % n)];
            if (!s.in->next(line, torn) || torn)
                throw std::runtime_error(s.in->path() + ":" + std::to_string(s.in->line_number() + (torn ? 0 : 1)) +
                                         ": " + (torn ? "truncated line" : "the file ends before point " + std::to_string(i)) +
                                         ": rerun shard " + std::to_string(s.info.shard_index) + "/" +
                                         std::to_string(n) + " into a new folder");
            block.push_back({line, s.in->path() + ":" + std::to_string(s.in->line_number()), i});
            if (block.size() == 8192) flush();
        }
        flush();
        for (auto& s : shards) {
            if (s.in->next(line, torn))
                throw std::runtime_error(s.in->path() + ":" + std::to_string(s.in->line_number()) +
                                         ": more rows than the shard's points: rerun shard " +
                                         std::to_string(s.info.shard_index) + "/" + std::to_string(n) +
                                         " into a new folder");
            s.in->close();
        }
    } catch (...) {
        std::remove(journal_path.c_str());  // a refused merge leaves no half-merged rows
        throw;
    }
    res.rows_written = write_points_and_run(o.out_dir, journal_path, o.points, res.digest, res.run);
    std::remove(journal_path.c_str());
    res.best_index = write_reports(o.out_dir, res.digest, res.sweep, res.run, calib);
    return res;
}

}  // namespace mgpt::explorer
