#include "explore_run.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <sys/statvfs.h>
#include <thread>

#include "evaluator.hpp"
#include "folder_lock.hpp"
#include "gzip_pipe.hpp"
#include "journal.hpp"
#include "model_calibration.hpp"
#include "outputs.hpp"
#include "parallel_for.hpp"
#include "point_plan.hpp"
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

constexpr size_t kBlock = 8192;  // points evaluated, journaled and digested at a time

bool exists(const std::string& p) { return fs::exists(p); }

// What an interrupted run journaled or a finished run wrote: read and
// checked row by row before anything is written (a refused resume leaves
// the folder as it was).
struct DoneRows {
    std::string path;  // empty: nothing is done
    bool journal = false;
};

DoneRows find_done_rows(const ExploreOptions& o, const RunInfo& info, const std::string& out_dir) {
    const std::string journal_path = out_dir + "/points.partial.csv", run_path = out_dir + "/run.cfg";
    const bool journal_exists = exists(journal_path);
    if (journal_exists && !o.resume)
        throw std::runtime_error(journal_path + ": an interrupted run is in this folder: rerun with --resume to "
                                                "continue it, or delete the file to start over");
    if (!o.resume) return {};
    if (!exists(run_path)) {
        if (journal_exists)
            throw std::runtime_error(run_path + ": missing: cannot tell which run the journal belongs to");
        return {};
    }
    const RunInfo prev = read_run_info(run_path);
    std::string why = run_mismatch(prev, info);
    if (why.empty() && (prev.shard_index != info.shard_index || prev.shard_count != info.shard_count))
        why = "different shards (" + std::to_string(prev.shard_index) + "/" + std::to_string(prev.shard_count) +
              " vs " + std::to_string(info.shard_index) + "/" + std::to_string(info.shard_count) + ")";
    if (!why.empty()) throw std::runtime_error(out_dir + ": --resume: this folder holds another run: " + why);
    if (journal_exists) return {journal_path, true};
    // A finished run that kept every row: its points file is checked and rewritten.
    const std::string points = out_dir + "/" + PointsOutput{KeptPoints::whole, prev.points_gzip}.file_name();
    if (prev.status == "complete" && prev.points_kept == "whole" && exists(points)) return {points, false};
    return {};
}

// Reads the done rows (in plan order), checks every one and feeds the digest.
// Returns the rows kept and sets `bytes` to the length of their complete lines.
long check_done_rows(const DoneRows& done, long shard_total, const ExploreOptions& o, const PointPlan& plan,
                     const Evaluator& ev, RunDigest& digest, unsigned long long& bytes, bool& torn) {
    torn = false;
    bytes = 0;
    if (done.path.empty()) return 0;
    LineSource in(done.path);
    std::string line;
    bool cut = false;
    if (!in.next(line, cut) || cut) {
        if (!done.journal) throw std::runtime_error(done.path + ": empty (expected the points.csv header)");
        torn = cut;
        return 0;  // a journal killed before its header was whole: start over
    }
    if (line + "\n" != points_csv_header())
        throw std::runtime_error(done.path + ":1: header does not match this version's points.csv columns (" +
                                 points_csv_header().substr(0, 40) + "...)");
    bytes = in.bytes();
    long rows = 0;
    const auto misplaced = [&](long got, long want) {
        if (got % o.shard_count != o.shard_index)
            return "point " + std::to_string(got) + " does not belong to shard " + std::to_string(o.shard_index) +
                   "/" + std::to_string(o.shard_count);
        return "point " + std::to_string(got) + " where the plan's order has point " + std::to_string(want) +
               " (a row lost, repeated or moved)";
    };
    std::vector<ClaimedRow> block;
    auto flush = [&] {
        for (auto& r : check_rows(block, plan, ev, o.engine, o.jobs, "delete the folder and start over", misplaced))
            digest.add(r);
        block.clear();
    };
    while (in.next(line, cut)) {
        if (cut) {
            if (!done.journal) throw std::runtime_error(done.path + ":" + std::to_string(in.line_number()) + ": truncated line");
            torn = true;
            break;
        }
        if (rows >= shard_total)
            throw std::runtime_error(done.path + ":" + std::to_string(in.line_number()) + ": more rows than the " +
                                     std::to_string(shard_total) + " points of this run: delete the folder and start over");
        block.push_back({line, done.path + ":" + std::to_string(in.line_number()),
                         PointPlan::shard_index_at(rows, o.shard_index, o.shard_count)});
        ++rows;
        bytes = in.bytes();
        if (block.size() == kBlock) flush();
    }
    flush();
    in.close();
    return rows;
}

std::string gib(double bytes) { return fixed_decimals(bytes / (1024.0 * 1024 * 1024), bytes < 10.0 * (1 << 30) ? 2 : 0) + " GiB"; }

// The plan's size, the estimated time (the first points timed here) and disk,
// before anything is evaluated; a run the disk cannot hold is refused.
std::string announce_size(const ExploreOptions& o, const Sweep& sweep, const PointPlan& plan, const Evaluator& ev,
                          long shard_total, const std::string& out_dir) {
    const long sample = std::min<long>(shard_total, 2000);
    double line_bytes = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (long k = 0; k < sample; ++k)
        line_bytes += static_cast<double>(
            to_csv_line(plan.evaluate(ev, PointPlan::shard_index_at(k, o.shard_index, o.shard_count))).size());
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double per_point = sample > 0 ? secs / static_cast<double>(sample) : 0;
    const double bytes_per_row = sample > 0 ? line_bytes / static_cast<double>(sample) : 0;
    const double threads = std::max(1u, std::min(static_cast<unsigned>(o.jobs), std::thread::hardware_concurrency()));
    const double minutes = per_point * static_cast<double>(shard_total) / threads / 60;
    const double journal = bytes_per_row * static_cast<double>(shard_total);
    const double output = o.shard_count > 1 || o.points.keep == KeptPoints::whole ? journal : journal * 0.1;
    const double disk = journal + output / (o.points.gzip ? 8 : 1);
    std::string text = "sweep " + sweep.name + ": strategy " + to_string(sweep.strategy) + ", " +
                       thousands(static_cast<double>(plan.total())) + " points";
    if (sweep.strategy == Strategy::exhaustive) {
        const double clocks = static_cast<double>(sweep.axis(kClockKey).values.size());
        const double micro = static_cast<double>(plan.total() - 1);
        double grid = micro * clocks;
        text += " (the baseline and " + thousands(micro) + " micro-architectures";
        if (const SlotVariants* v = plan.slot_variants()) {
            const double left_out =
                static_cast<double>(v->over_cap() + v->duplicate_one_slot() + v->duplicate_rom_layout());
            grid = (micro + left_out) * clocks;
            text += " (" + thousands(static_cast<double>(v->base_count())) + " without their slot variants, times " +
                    "the variants kept: " + thousands(static_cast<double>(v->over_cap())) +
                    " variants with several slots over a device cap and " +
                    thousands(static_cast<double>(v->duplicate_one_slot())) +
                    " one-slot duplicates of a schedule or slot memory" +
                    (v->duplicate_rom_layout()
                         ? ", and " + thousands(static_cast<double>(v->duplicate_rom_layout())) +
                               " M10K-weight duplicates of a rom_layout"
                         : std::string()) +
                    " left out)";
        }
        text += ", each at the fastest of its " + thousands(clocks) +
                " PLL requests that meets timing: the whole grid of " + thousands(grid) +
                " design points, pruned without loss)";
    }
    if (o.shard_count > 1)
        text += "; shard " + std::to_string(o.shard_index) + "/" + std::to_string(o.shard_count) + ": " +
                thousands(static_cast<double>(shard_total)) + " points";
    text += "; estimated " + (minutes < 1 ? fixed_decimals(minutes * 60, 0) + " s" : fixed_decimals(minutes, 1) + " min") +
            " of evaluation (" + thousands(per_point > 0 ? 60 / per_point : 0) + " points/min a thread, timed on " +
            std::to_string(sample) + " points)";
    text += "; disk: about " + gib(disk) + " (journal " + gib(journal) + " while running, then " + o.points.file_name() +
            "; " + thousands(bytes_per_row) + " bytes a row)";
    struct statvfs fsinfo {};
    const std::string where = fs::exists(out_dir) ? out_dir : fs::absolute(out_dir).parent_path().string();
    if (::statvfs(where.c_str(), &fsinfo) == 0) {
        const double free = static_cast<double>(fsinfo.f_bavail) * static_cast<double>(fsinfo.f_frsize);
        if (disk > free) {
            const long shards = static_cast<long>(disk / free) + 1;
            throw std::runtime_error(
                sweep.path + ": " + text + ": more than the " + gib(free) + " free at " + where +
                ". Shard it across machines (--shard I/" + std::to_string(shards * std::max(1, o.shard_count)) +
                " for I = 0.." + std::to_string(shards * std::max(1, o.shard_count) - 1) +
                ", each needing about " + gib(disk / static_cast<double>(shards)) +
                "; then merge), or keep fewer rows (--points front --compress gzip)");
        }
    }
    return text;
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
    // A shard keeps every row: merge checks each one and applies the kept set.
    PointsOutput output = o.points;
    if (o.shard_count > 1) output.keep = KeptPoints::whole;

    res.out_dir = o.out_dir.empty() ? default_out_dir(sweep.name, o.shard_index, o.shard_count) : o.out_dir;
    check_results_folder(res.out_dir, "explore");  // before any work: never a folder of the user's
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
    info.points_kept = output.keep_name();
    info.points_gzip = output.gzip;
    info.status = "running";

    const auto t0 = std::chrono::steady_clock::now();
    const Evaluator ev(sweep, weights, calib, std::move(structural));
    const PointPlan plan(sweep, ev, o.jobs, o.progress);
    res.evaluated += plan.evaluated_while_planning();
    const long shard_total = PointPlan::shard_points(plan.total(), o.shard_index, o.shard_count);
    if (o.engine == "tlm" && static_cast<uint64_t>(shard_total) > o.max_points)
        throw std::runtime_error(sweep.path + ": the TLM engine holds every point it simulates: " +
                                 points_and_memory(static_cast<uint64_t>(shard_total)) +
                                 ", above the limit of " + thousands(static_cast<double>(o.max_points)) +
                                 " points (--max-points): shard it (--shard I/N) or raise the limit");
    const std::string size = announce_size(o, sweep, plan, ev, shard_total, res.out_dir);
    if (o.announce) o.announce(size);

    const FolderLock lock(res.out_dir);  // creates the folder; one run at a time in it
    if (const int n = remove_stale_temporaries(res.out_dir))
        res.notes.push_back("removed " + std::to_string(n) + " temporary file(s) an interrupted run left in " +
                            res.out_dir);
    const std::string journal_path = res.out_dir + "/points.partial.csv";

    // What is already done: an interrupted run's journal, or a finished run's
    // points file; every row of it is evaluated again before it is kept.
    const DoneRows done = find_done_rows(o, info, res.out_dir);
    unsigned long long done_bytes = 0;
    bool torn = false;
    const long done_rows = check_done_rows(done, shard_total, o, plan, ev, res.digest, done_bytes, torn);
    res.evaluated += done_rows;
    res.resumed_rows = done_rows;
    if (torn)
        res.notes.push_back("the journal's last line was cut short by the interruption: that point is evaluated again");

    long todo = shard_total - done_rows;
    if (o.stop_after >= 0 && o.stop_after < todo) {
        todo = o.stop_after;
        res.interrupted = true;
    }
    write_run_info(res.out_dir + "/run.cfg", info);
    std::string source = done.path;
    std::unique_ptr<Journal> journal;
    if (done.journal && done_bytes > 0)
        journal = std::make_unique<Journal>(journal_path, done_bytes);
    else if (todo > 0 || done.path.empty())
        journal = std::make_unique<Journal>(journal_path);
    if (journal) source = journal_path;
    if (journal && !done.journal && done_rows > 0)
        throw std::runtime_error(done.path + ": holds " + std::to_string(done_rows) + " of the run's " +
                                 std::to_string(shard_total) + " points: delete the folder and start over");

    auto position = [&](long k) { return PointPlan::shard_index_at(done_rows + k, o.shard_index, o.shard_count); };
    auto keep = [&](std::vector<PointRow>& rows) {
        std::string text;
        for (const auto& r : rows) text += to_csv_line(r);
        journal->append(text);
        for (const auto& r : rows) res.digest.add(r);
    };
    if (o.engine == "analytic") {
        Progress bar("evaluate", todo, o.progress);
        std::vector<PointRow> rows;
        for (long first = 0; first < todo; first += static_cast<long>(kBlock)) {
            const size_t n = static_cast<size_t>(std::min<long>(kBlock, todo - first));
            rows.assign(n, PointRow{});
            parallel_for(n, o.jobs, [&](size_t k) { rows[k] = plan.evaluate(ev, position(first + static_cast<long>(k))); }, &bar);
            keep(rows);
        }
        bar.finish();
        res.evaluated += todo;
    } else if (todo > 0) {
        std::vector<PlannedPoint> points;
        std::vector<PointRow> analytic;
        for (long k = 0; k < todo; ++k) {
            analytic.push_back(plan.evaluate(ev, position(k)));
            PlannedPoint p = plan.at(position(k));
            p.design = analytic.back().design;  // exhaustive: at the clock chosen
            points.push_back(p);
        }
        res.evaluated += todo;
        if (o.progress)
            std::cerr << "TLM: " << points.size() << " points x (" << sweep.workload.names
                      << " names + 1 full-context name) in one SystemC elaboration...\n";
        const auto t_tlm = std::chrono::steady_clock::now();
        TlmOutcome t = evaluate_with_tlm(ev, weights, points, analytic);
        res.tlm_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_tlm).count();
        res.tlm_points = static_cast<long>(points.size());
        keep(t.rows);
        for (const auto& d : t.disagreements) res.notes.push_back("TLM and closed-form cycles differ: " + d);
    }
    res.evaluation_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (res.interrupted) return res;  // the journal stays for --resume

    if (res.digest.points() != shard_total)
        throw std::logic_error("explore: " + std::to_string(res.digest.points()) + " rows for " +
                               std::to_string(shard_total) + " points");
    info.points_planned = plan.total();
    info.points_in_run = shard_total;
    info.status = "complete";
    journal.reset();
    res.rows_written = write_points_and_run(res.out_dir, source, output, res.digest, info);
    res.points_path = res.out_dir + "/" + output.file_name();
    if (source == journal_path) std::remove(journal_path.c_str());  // points.csv holds every row now
    if (o.shard_count == 1) res.best_index = write_reports(res.out_dir, res.digest, sweep, info, calib);
    return res;
}

}  // namespace mgpt::explorer
