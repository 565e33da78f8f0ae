#include "explore_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "evaluator.hpp"
#include "folder_lock.hpp"
#include "journal.hpp"
#include "model_calibration.hpp"
#include "outputs.hpp"
#include "parallel_for.hpp"
#include "planner.hpp"
#include "row_check.hpp"
#include "text_util.hpp"
#include "tlm_engine.hpp"

namespace fs = std::filesystem;

namespace mgpt::explorer {

std::string default_out_dir(const std::string& sweep_name, int shard_index, int shard_count) {
    if (shard_count <= 1) return "results/" + sweep_name;
    return "results/" + sweep_name + ".shard" + std::to_string(shard_index) + "of" + std::to_string(shard_count);
}

namespace {

bool exists(const std::string& p) { return fs::exists(p); }

// What an interrupted run journaled or a finished run wrote, read but not yet
// trusted (row_check.hpp); nothing is written here, so a refused resume leaves
// the folder as it was.
struct DoneRows {
    RowFile file;       // empty path: nothing is done
    bool torn = false;  // the journal's last line was cut short (dropped)
};

DoneRows read_done_rows(const ExploreOptions& o, const RunInfo& info, const std::string& out_dir) {
    const std::string journal_path = out_dir + "/points.partial.csv", run_path = out_dir + "/run.cfg",
                      points_path = out_dir + "/points.csv";
    const bool journal_exists = exists(journal_path);
    if (journal_exists && !o.resume)
        throw std::runtime_error(journal_path + ": an interrupted run is in this folder: rerun with --resume to "
                                                "continue it, or delete the file to start over");
    DoneRows done;
    if (!o.resume) return done;
    if (!exists(run_path)) {
        if (journal_exists)
            throw std::runtime_error(run_path + ": missing: cannot tell which run the journal belongs to");
        return done;
    }
    const RunInfo prev = read_run_info(run_path);
    std::string why = run_mismatch(prev, info);
    if (why.empty() && (prev.shard_index != info.shard_index || prev.shard_count != info.shard_count))
        why = "different shards (" + std::to_string(prev.shard_index) + "/" + std::to_string(prev.shard_count) +
              " vs " + std::to_string(info.shard_index) + "/" + std::to_string(info.shard_count) + ")";
    if (!why.empty()) throw std::runtime_error(out_dir + ": --resume: this folder holds another run: " + why);
    if (journal_exists)
        done.file = {journal_path, read_journal(journal_path, &done.torn)};
    else if (prev.status == "complete" && exists(points_path))
        done.file = {points_path, read_points_csv(points_path)};
    return done;
}

// The plan indices of this shard not done yet; `in_run` counts the shard's points.
// (Positions in plan.points; done rows are points of the plan: verify_rows.)
std::vector<size_t> points_to_do(const RowFile& done, const Plan& plan, const ExploreOptions& o, long& in_run) {
    std::vector<bool> is_done(static_cast<size_t>(plan.total), false);
    for (size_t k = 0; k < done.rows.size(); ++k) {
        const auto i = static_cast<size_t>(done.rows[k].index);
        if (is_done[i])
            throw std::runtime_error(done.path + ":" + std::to_string(k + 2) + ": point " + std::to_string(i) +
                                     " is there twice: delete the folder and start over");
        is_done[i] = true;
    }
    std::vector<size_t> todo;
    in_run = 0;
    for (size_t k = 0; k < plan.points.size(); ++k)
        if (static_cast<int>(plan.points[k].index % o.shard_count) == o.shard_index) {
            ++in_run;
            if (!is_done[static_cast<size_t>(plan.points[k].index)]) todo.push_back(k);
        }
    return todo;
}

// Evaluates the plan points `todo` with the run's engine, journaling each row.
std::vector<PointRow> evaluate_todo(const ExploreOptions& o, const Sweep& sweep, const Evaluator& ev,
                                    const QWeights& weights, const std::vector<PlannedPoint>& plan,
                                    const std::vector<size_t>& todo, const std::vector<PointRow>& planned_rows,
                                    Journal& journal, ExploreResult& res) {
    const bool search = !planned_rows.empty();
    std::vector<PointRow> fresh(todo.size());
    if (o.engine == "analytic") {
        if (search) {
            for (size_t k = 0; k < todo.size(); ++k) journal.append(fresh[k] = planned_rows[todo[k]]);
        } else {
            Progress bar("evaluate", static_cast<long>(todo.size()), o.progress);
            parallel_for(todo.size(), o.jobs,
                         [&](size_t k) { journal.append(fresh[k] = ev.evaluate(plan[todo[k]])); }, &bar);
            bar.finish();
            res.evaluated += static_cast<long>(todo.size());
        }
        return fresh;
    }
    std::vector<PlannedPoint> points;
    std::vector<PointRow> analytic;
    for (size_t k : todo) {
        points.push_back(plan[k]);
        if (search) analytic.push_back(planned_rows[k]);
    }
    if (!search) {
        analytic = evaluate_points(ev, points, o.jobs, "analytic (compare)", o.progress);
        res.evaluated += static_cast<long>(points.size());
    }
    if (o.progress)
        std::cerr << "TLM: " << points.size() << " points x (" << sweep.workload.names
                  << " names + 1 full-context name) in one SystemC elaboration...\n";
    const auto t_tlm = std::chrono::steady_clock::now();
    const TlmOutcome t = evaluate_with_tlm(ev, weights, points, analytic);
    res.tlm_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_tlm).count();
    res.tlm_points = static_cast<long>(points.size());
    for (size_t k = 0; k < t.rows.size(); ++k) journal.append(fresh[k] = t.rows[k]);
    for (const auto& d : t.disagreements) res.notes.push_back("TLM and closed-form cycles differ: " + d);
    return fresh;
}

}  // namespace

ExploreResult run_explore(const ExploreOptions& o) {
    if (o.engine != "analytic" && o.engine != "tlm")
        throw std::invalid_argument("engine '" + o.engine + "' is not legal (legal: analytic, tlm)");
    if (o.shard_count < 1 || o.shard_index < 0 || o.shard_index >= o.shard_count)
        throw std::invalid_argument("shard " + std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count) +
                                    " is not legal (legal: I/N with 0 <= I < N)");
    ExploreResult res;
    res.sweep = load_sweep(o.sweep_path);
    const Sweep& sweep = res.sweep;
    check_plan_size(sweep, o.shard_index, o.shard_count, o.max_points);  // before anything is planned or written
    const std::string calib_path =
        fs::absolute(o.calibration_path.empty() ? default_calibration_path() : o.calibration_path).lexically_normal();
    const Calibration calib = load_model_calibration(calib_path);
    StructuralIndex structural = load_structural_index(default_structural_timing_paths());
    const QWeights weights = load_rom_dir(sweep.workload.weights_dir);

    res.out_dir = o.out_dir.empty() ? default_out_dir(sweep.name, o.shard_index, o.shard_count) : o.out_dir;
    const FolderLock lock(res.out_dir);  // creates the folder; one run at a time in it
    if (const int n = remove_stale_temporaries(res.out_dir))
        res.notes.push_back("removed " + std::to_string(n) + " temporary file(s) an interrupted run left in " +
                            res.out_dir);
    const std::string journal_path = res.out_dir + "/points.partial.csv";

    RunInfo& info = res.run;
    info.sweep_name = sweep.name;
    info.sweep_file = fs::absolute(sweep.path).lexically_normal();
    info.sweep_hash = hex64(sweep.hash);
    info.engine = o.engine;
    info.calibration_file = calib_path;
    info.calibration_hash = hex64(calib.hash());
    info.structural_hash = hex64(structural.hash());
    info.shard_index = o.shard_index;
    info.shard_count = o.shard_count;
    info.status = "running";

    // What is already done: an interrupted run's journal, or a finished run's
    // points.csv; every row of it is evaluated again before it is kept.
    const DoneRows done = read_done_rows(o, info, res.out_dir);

    const auto t0 = std::chrono::steady_clock::now();
    const Evaluator ev(sweep, weights, calib, std::move(structural));
    std::vector<PointRow> planned_rows;
    const Plan plan = plan_sweep(sweep, ev, o.shard_index, o.shard_count, o.jobs, o.progress, planned_rows,
                                 res.evaluated);
    verify_rows(done.file, plan, ev, o.engine, o.shard_index, o.shard_count, o.jobs,
                "delete the folder and start over");
    res.evaluated += static_cast<long>(done.file.rows.size());
    long in_run = 0;
    std::vector<size_t> todo = points_to_do(done.file, plan, o, in_run);

    write_run_info(res.out_dir + "/run.cfg", info);
    Journal journal(journal_path, done.file.rows);  // a finished run being refreshed stays journaled too
    if (done.torn)
        res.notes.push_back("the journal's last line was cut short by the interruption: that point is evaluated again");
    res.resumed_rows = static_cast<long>(done.file.rows.size());
    if (o.stop_after >= 0 && static_cast<size_t>(o.stop_after) < todo.size()) {
        todo.resize(static_cast<size_t>(o.stop_after));
        res.interrupted = true;
    }
    const std::vector<PointRow> fresh =
        evaluate_todo(o, sweep, ev, weights, plan.points, todo, planned_rows, journal, res);
    res.evaluation_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (res.interrupted) return res;  // the journal stays for --resume

    std::vector<PointRow> rows = done.file.rows;
    rows.insert(rows.end(), fresh.begin(), fresh.end());
    std::sort(rows.begin(), rows.end(), [](const PointRow& a, const PointRow& b) { return a.index < b.index; });
    if (static_cast<long>(rows.size()) != in_run)
        throw std::logic_error("explore: " + std::to_string(rows.size()) + " rows for " + std::to_string(in_run) +
                               " points");
    info.points_planned = plan.total;
    info.points_in_run = in_run;
    info.status = "complete";
    write_points_and_run(res.out_dir, rows, info);
    journal.remove();  // points.csv holds every row now
    res.rows = rows;
    if (o.shard_count == 1) res.best_index = write_reports(res.out_dir, rows, sweep, info, calib);
    return res;
}

}  // namespace mgpt::explorer
