#include "explore_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "evaluator.hpp"
#include "journal.hpp"
#include "model_calibration.hpp"
#include "outputs.hpp"
#include "parallel_for.hpp"
#include "planner.hpp"
#include "text_util.hpp"
#include "tlm_engine.hpp"

namespace fs = std::filesystem;

namespace mgpt::explorer {

std::string default_out_dir(const std::string& sweep_name, int shard_index, int shard_count) {
    if (shard_count <= 1) return "results/" + sweep_name;
    return "results/" + sweep_name + ".shard" + std::to_string(shard_index) + "of" + std::to_string(shard_count);
}

namespace {

// Analytic rows of `points`, in order, on `jobs` threads.
std::vector<PointRow> evaluate_all(const Evaluator& ev, const std::vector<PlannedPoint>& points, int jobs,
                                   const std::string& label, bool progress, long& evaluated) {
    std::vector<PointRow> rows(points.size());
    Progress bar(label, static_cast<long>(points.size()), progress);
    parallel_for(points.size(), jobs, [&](size_t i) { rows[i] = ev.evaluate(points[i]); }, &bar);
    bar.finish();
    evaluated += static_cast<long>(points.size());
    return rows;
}

// Rows already done (journal or finished run) must be points of this plan and shard.
void check_done_rows(const std::vector<PointRow>& done, const std::vector<PlannedPoint>& plan, int shard_index,
                     int shard_count, const std::string& where) {
    for (const auto& r : done) {
        const bool ok = r.index >= 0 && static_cast<size_t>(r.index) < plan.size() &&
                        arch::to_short_string(plan[static_cast<size_t>(r.index)].design) == r.key() &&
                        r.index % shard_count == shard_index;
        if (!ok)
            throw std::runtime_error(where + ": row of point " + std::to_string(r.index) + " (" + r.key() +
                                     ") does not belong to this run's plan: delete the folder and start over");
    }
}

bool exists(const std::string& p) { return fs::exists(p); }

// The rows an interrupted run journaled or a finished run wrote, checked to
// belong to this run; the journal is opened (and keeps them) for appending.
std::vector<PointRow> recover_done_rows(const ExploreOptions& o, const RunInfo& info, const std::string& out_dir,
                                        std::unique_ptr<Journal>& journal, ExploreResult& res) {
    const std::string journal_path = out_dir + "/points.partial.csv", run_path = out_dir + "/run.cfg",
                      points_path = out_dir + "/points.csv";
    const bool journal_exists = exists(journal_path);
    std::vector<PointRow> done;
    if (journal_exists && !o.resume)
        throw std::runtime_error(journal_path + ": an interrupted run is in this folder: rerun with --resume to "
                                                "continue it, or delete the file to start over");
    if (o.resume && exists(run_path)) {
        const RunInfo prev = read_run_info(run_path);
        std::string why = run_mismatch(prev, info);
        if (why.empty() && (prev.shard_index != info.shard_index || prev.shard_count != info.shard_count))
            why = "different shards (" + std::to_string(prev.shard_index) + "/" + std::to_string(prev.shard_count) +
                  " vs " + std::to_string(info.shard_index) + "/" + std::to_string(info.shard_count) + ")";
        if (!why.empty()) throw std::runtime_error(out_dir + ": --resume: this folder holds another run: " + why);
        if (!journal_exists && prev.status == "complete" && exists(points_path)) done = read_points_csv(points_path);
    } else if (o.resume && journal_exists) {
        throw std::runtime_error(run_path + ": missing: cannot tell which run the journal belongs to");
    }
    write_run_info(run_path, info);
    std::vector<PointRow> journaled;
    journal = std::make_unique<Journal>(journal_path, o.resume && journal_exists, journaled);
    if (journal->dropped_torn_line())
        res.notes.push_back("the journal's last line was cut short by the interruption: that point is evaluated again");
    for (const auto& r : done) journal->append(r);  // a finished run being refreshed: keep it journaled
    done.insert(done.end(), journaled.begin(), journaled.end());
    return done;
}

// The whole plan: the initial points, then the local-search rounds. Local
// search needs the fronts of everything planned so far, so every shard plans
// (analytically) the whole sweep; `planned_rows` holds those rows.
std::vector<PlannedPoint> plan_sweep(const ExploreOptions& o, const Sweep& sweep, const Evaluator& ev,
                                     std::vector<PointRow>& planned_rows, ExploreResult& res) {
    Planner planner(sweep);
    std::vector<PlannedPoint> plan = planner.initial();
    if (sweep.local_search_rounds <= 0) return plan;
    planned_rows = evaluate_all(ev, plan, o.jobs, sweep.strategy == Strategy::grid ? "grid" : "sample", o.progress,
                                res.evaluated);
    for (int round = 1; round <= sweep.local_search_rounds; ++round) {
        const auto more = planner.local_round(planned_rows, round);
        if (more.empty()) break;
        const auto rows =
            evaluate_all(ev, more, o.jobs, "local search " + std::to_string(round), o.progress, res.evaluated);
        plan.insert(plan.end(), more.begin(), more.end());
        planned_rows.insert(planned_rows.end(), rows.begin(), rows.end());
    }
    return plan;
}

// Rows from an older build of the models must not mix with new ones: the
// analytic figures are cheap, so recheck a few (all but the TLM's cycles).
void recheck_done_rows(const std::vector<PointRow>& done, const std::vector<PlannedPoint>& plan, const Evaluator& ev,
                       const std::string& engine, const std::string& where) {
    for (size_t k = 0; k < std::min<size_t>(done.size(), 100); ++k) {
        PointRow again = ev.evaluate(plan[static_cast<size_t>(done[k].index)]);
        if (engine == "tlm")
            again = ev.with_cycles(again, done[k].steps, done[k].generated_tokens, done[k].total_cycles,
                                   done[k].stall_cycles, done[k].worst_step_cycles, done[k].cycles_source,
                                   done[k].worst_source);
        again.pareto = done[k].pareto;
        again.pareto_dsp = done[k].pareto_dsp;
        if (to_csv_line(again) != to_csv_line(done[k]))
            throw std::runtime_error(where + ": point " + std::to_string(done[k].index) +
                                     " was evaluated by another version of the models: delete the folder and start over");
    }
}

// The plan indices of this shard not done yet; `in_run` counts the shard's points.
std::vector<size_t> points_to_do(const std::vector<PointRow>& done, const std::vector<PlannedPoint>& plan,
                                 const ExploreOptions& o, const std::string& where, long& in_run) {
    std::vector<bool> is_done(plan.size(), false);
    for (const auto& r : done) {
        if (is_done[static_cast<size_t>(r.index)])
            throw std::runtime_error(where + ": point " + std::to_string(r.index) + " is journaled twice");
        is_done[static_cast<size_t>(r.index)] = true;
    }
    std::vector<size_t> todo;
    in_run = 0;
    for (size_t i = 0; i < plan.size(); ++i)
        if (static_cast<int>(plan[i].index % o.shard_count) == o.shard_index) {
            ++in_run;
            if (!is_done[i]) todo.push_back(i);
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
    if (!search) analytic = evaluate_all(ev, points, o.jobs, "analytic (compare)", o.progress, res.evaluated);
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
    const std::string calib_path =
        fs::absolute(o.calibration_path.empty() ? default_calibration_path() : o.calibration_path).lexically_normal();
    const Calibration calib = load_model_calibration(calib_path);
    StructuralIndex structural = load_structural_index(default_structural_timing_paths());
    const QWeights weights = load_rom_dir(sweep.workload.weights_dir);

    res.out_dir = o.out_dir.empty() ? default_out_dir(sweep.name, o.shard_index, o.shard_count) : o.out_dir;
    fs::create_directories(res.out_dir);
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

    // What is already done: an interrupted run's journal, or a finished run's points.csv.
    std::unique_ptr<Journal> journal;
    const std::vector<PointRow> done = recover_done_rows(o, info, res.out_dir, journal, res);
    res.resumed_rows = static_cast<long>(done.size());

    const auto t0 = std::chrono::steady_clock::now();
    const Evaluator ev(sweep, weights, calib, std::move(structural));
    std::vector<PointRow> planned_rows;
    const std::vector<PlannedPoint> plan = plan_sweep(o, sweep, ev, planned_rows, res);
    check_done_rows(done, plan, o.shard_index, o.shard_count, journal_path);
    recheck_done_rows(done, plan, ev, o.engine, journal_path);
    long in_run = 0;
    std::vector<size_t> todo = points_to_do(done, plan, o, journal_path, in_run);
    if (o.stop_after >= 0 && static_cast<size_t>(o.stop_after) < todo.size()) {
        todo.resize(static_cast<size_t>(o.stop_after));
        res.interrupted = true;
    }
    const std::vector<PointRow> fresh = evaluate_todo(o, sweep, ev, weights, plan, todo, planned_rows, *journal, res);
    res.evaluation_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (res.interrupted) return res;  // the journal stays for --resume

    std::vector<PointRow> rows = done;
    rows.insert(rows.end(), fresh.begin(), fresh.end());
    std::sort(rows.begin(), rows.end(), [](const PointRow& a, const PointRow& b) { return a.index < b.index; });
    if (static_cast<long>(rows.size()) != in_run)
        throw std::logic_error("explore: " + std::to_string(rows.size()) + " rows for " + std::to_string(in_run) +
                               " points");
    info.points_planned = static_cast<long>(plan.size());
    info.points_in_run = in_run;
    info.status = "complete";
    write_points_and_run(res.out_dir, rows, info);
    journal->remove();  // points.csv holds every row now
    res.rows = rows;
    if (o.shard_count == 1) res.best_index = write_reports(res.out_dir, rows, sweep, info, calib);
    return res;
}

}  // namespace mgpt::explorer
