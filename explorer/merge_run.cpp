#include "merge_run.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "evaluator.hpp"
#include "folder_lock.hpp"
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

MergeResult run_merge(const MergeOptions& o) {
    if (o.dirs.empty()) throw std::invalid_argument("no shard folders given");
    if (const std::string why = out_dir_is_a_shard(o); !why.empty()) throw std::invalid_argument(why);
    MergeResult res;
    std::vector<RunInfo> infos;
    std::vector<RowFile> shard_rows;
    std::map<int, std::string> shard_dir;
    std::map<long, std::string> point_dir;
    std::map<std::string, long> key_index;
    for (const auto& dir : o.dirs) {
        const RunInfo info = read_run_info(dir + "/run.cfg");
        if (!infos.empty()) {
            const std::string why = run_mismatch(infos.front(), info);
            if (!why.empty()) throw std::runtime_error(dir + " and " + o.dirs.front() + " are not shards of one run: " + why);
            if (info.shard_count != infos.front().shard_count)
                throw std::runtime_error(dir + " is shard " + std::to_string(info.shard_index) + "/" +
                                         std::to_string(info.shard_count) + " but " + o.dirs.front() + " is one of " +
                                         std::to_string(infos.front().shard_count) + " shards");
        }
        if (info.status != "complete" || fs::exists(dir + "/points.partial.csv"))
            throw std::runtime_error(dir + ": shard " + std::to_string(info.shard_index) + "/" +
                                     std::to_string(info.shard_count) +
                                     " has not finished (rerun it with --resume)");
        const auto [it, fresh] = shard_dir.emplace(info.shard_index, dir);
        if (!fresh)
            throw std::runtime_error(dir + " and " + it->second + " are both shard " + std::to_string(info.shard_index) +
                                     "/" + std::to_string(info.shard_count));
        if (static_cast<uint64_t>(info.points_planned) > o.max_points)
            throw std::runtime_error(dir + "/run.cfg: the sweep has " +
                                     points_and_memory(static_cast<uint64_t>(info.points_planned)) + " (" +
                                     thousands(kBytesPerPoint) + " bytes a point), and merge holds every one of them: "
                                     "above the limit of " + thousands(static_cast<double>(o.max_points)) +
                                     " points; raise it with --max-points " + std::to_string(info.points_planned));
        RowFile file{dir + "/points.csv", read_points_csv(dir + "/points.csv")};
        for (const auto& r : file.rows) {
            if (r.index % info.shard_count != info.shard_index)
                throw std::runtime_error(dir + "/points.csv: point " + std::to_string(r.index) +
                                         " does not belong to shard " + std::to_string(info.shard_index) + "/" +
                                         std::to_string(info.shard_count));
            const auto [pi, new_point] = point_dir.emplace(r.index, dir);
            if (!new_point)
                throw std::runtime_error("point " + std::to_string(r.index) + " is in both " + pi->second + " and " +
                                         dir + " (overlapping shards)");
            const auto [ki, new_key] = key_index.emplace(r.key(), r.index);
            if (!new_key)
                throw std::runtime_error(dir + ": points " + std::to_string(ki->second) + " and " +
                                         std::to_string(r.index) + " are the same design (" + r.key() + ")");
        }
        shard_rows.push_back(std::move(file));
        infos.push_back(info);
    }
    const RunInfo& first = infos.front();
    std::string missing;
    for (int i = 0; i < first.shard_count; ++i)
        if (!shard_dir.count(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i);
    if (!missing.empty())
        throw std::runtime_error("missing shards " + missing + " of " + std::to_string(first.shard_count) +
                                 " (sweep " + first.sweep_name + ")");
    if (static_cast<long>(point_dir.size()) != first.points_planned)
        throw std::runtime_error("the shards hold " + std::to_string(point_dir.size()) + " points, the sweep plans " +
                                 std::to_string(first.points_planned));

    res.sweep = load_sweep(o.sweep_path.empty() ? first.sweep_file : o.sweep_path);
    if (hex64(res.sweep.hash) != first.sweep_hash)
        throw std::runtime_error(res.sweep.path + ": this sweep file has changed since the shards ran (hash " +
                                 hex64(res.sweep.hash) + ", shards " + first.sweep_hash + ")");
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
    std::vector<PointRow> planned_rows;
    long evaluated = 0;
    const Plan plan = plan_sweep(res.sweep, ev, 0, 1, o.jobs, false, planned_rows, evaluated);
    if (plan.total != first.points_planned)
        throw std::runtime_error(res.sweep.path + ": the sweep plans " + std::to_string(plan.total) +
                                 " points, the shards " + std::to_string(first.points_planned) + ": rerun the shards");
    for (size_t k = 0; k < shard_rows.size(); ++k) {
        verify_rows(shard_rows[k], plan, ev, first.engine, infos[k].shard_index, infos[k].shard_count, o.jobs,
                    "rerun shard " + std::to_string(infos[k].shard_index) + "/" +
                        std::to_string(infos[k].shard_count) + " into a new folder");
        res.rows.insert(res.rows.end(), std::make_move_iterator(shard_rows[k].rows.begin()),
                        std::make_move_iterator(shard_rows[k].rows.end()));
    }
    std::sort(res.rows.begin(), res.rows.end(), [](const PointRow& a, const PointRow& b) { return a.index < b.index; });
    res.run = first;
    res.run.sweep_file = fs::absolute(res.sweep.path).lexically_normal();
    res.run.calibration_file = calib_path;
    res.run.shard_index = 0;
    res.run.shard_count = 1;
    res.run.points_in_run = first.points_planned;
    res.run.status = "complete";
    const FolderLock lock(o.out_dir);  // creates the folder; one writer at a time
    remove_stale_temporaries(o.out_dir);
    write_points_and_run(o.out_dir, res.rows, res.run);
    res.best_index = write_reports(o.out_dir, res.rows, res.sweep, res.run, calib);
    return res;
}

}  // namespace mgpt::explorer
