// Benchmark: the explorer's speed and memory at scale. Prints, on the default
// DE1-SoC sweep (configs/sweeps/de1soc.cfg, 32-name workload): the analytic
// engine's design points per minute on 1 and 2 threads; a whole explore run
// (outputs and plots included) on 2 threads: wall time, points/min, peak
// memory (VmHWM), points.csv and pareto.svg sizes; the same sweep as a full
// grid with one slot (strategy = grid, sequences/cores/schedule dropped: ~340
// million points) in 4 shards, each a separate
// `microgpt-dse explore --shard I/4` process (two at a time, one thread each):
// each shard's peak memory (the child's maximum resident set, as VmHWM); and
// the TLM engine's rate on a sample. Asserts nothing (targets: >= 1,000,000
// points/min on 2 cores, default sweep <= 15 min, <= 1 GB per process).
//
// usage: bench_explorer [--grid-slice N | --full-grid] [--tlm-sample N] [--work DIR]
//   --grid-slice N: each grid shard stops after N points (default 1,000,000;
//                   said so in the output); --full-grid: whole shards (~30 min on 2 cores, ~20 GB of
//                   disk while two shards run: each keeps every row, removed when it ends)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <systemc>

#include "cli/usage.hpp"
#include "common/source_tree.hpp"
#include "explorer/benchmark.hpp"
#include "explorer/evaluator.hpp"
#include "explorer/explore_run.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/point_plan.hpp"
#include "explorer/tlm_engine.hpp"

using namespace mgpt;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// VmHWM of this process in MiB (/proc/self/status).
double peak_mib() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return -1;
}

double mib(uintmax_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

struct Child {
    pid_t pid;
    int shard;
    Clock::time_point start;
};

// microgpt-dse beside this program (both are built into the build folder).
std::string dse_binary() { return (fs::read_symlink("/proc/self/exe").parent_path() / "microgpt-dse").string(); }

int run(int argc, char* argv[]) {
    const std::string src = source_root();
    const std::string sweep_path = src + "/configs/sweeps/de1soc.cfg";
    long slice = 1000000, tlm_sample = 16;
    std::string work = (fs::temp_directory_path() / ("bench_explorer." + std::to_string(::getpid()))).string();
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--full-grid") slice = -1;
        else if (a == "--grid-slice" && i + 1 < argc) slice = std::atol(argv[++i]);
        else if (a == "--tlm-sample" && i + 1 < argc) tlm_sample = std::max(1L, std::atol(argv[++i]));
        else if (a == "--work" && i + 1 < argc) work = argv[++i];
        else throw cli::UsageError("unknown argument '" + a + "' (usage: bench_explorer [--grid-slice N | --full-grid] "
                                   "[--tlm-sample N] [--work DIR])");
    }
    fs::create_directories(work);

    std::printf("explorer benchmark on %s (work folder %s)\n", sweep_path.c_str(), work.c_str());
    double rate[3] = {};
    for (int threads : {1, 2}) {
        const auto b = explorer::benchmark_sweep(sweep_path, "", threads);
        rate[threads] = b.points_per_minute();
        std::printf("  analytic engine, %d thread%s: %ld evaluations (of a %ld-point plan, %d names each) in "
                    "%.2f s = %.0f points/min\n",
                    threads, threads > 1 ? "s" : "", b.evaluations, b.planned_points, b.workload_names, b.seconds,
                    rate[threads]);
    }
    std::printf("  2 threads / 1 thread: %.2fx; target >= 1,000,000 points/min on 2 cores: %s\n", rate[2] / rate[1],
                rate[2] >= 1e6 ? "met" : "NOT met");
    // Several slots: every point runs the exact slot schedule (arch/slot_schedule.hpp) of each core.
    {
        const std::string slots_path = src + "/bench/slots_speed.cfg";
        double slot_rate[3] = {};
        for (int threads : {1, 2}) {
            const auto b = explorer::benchmark_sweep(slots_path, "", threads);
            slot_rate[threads] = b.points_per_minute();
            std::printf("  slot engine (sequences 2-16, cores 1-2, both policies; %s), %d thread%s: %ld evaluations "
                        "in %.2f s = %.0f points/min\n",
                        slots_path.c_str(), threads, threads > 1 ? "s" : "", b.evaluations, b.seconds, slot_rate[threads]);
        }
        std::printf("  slot engine 2 threads / 1 thread: %.2fx; target >= 500,000 points/min on 2 cores: %s\n",
                    slot_rate[2] / slot_rate[1], slot_rate[2] >= 5e5 ? "met" : "NOT met");
    }

    // The default sweep, whole, in this process: what `explore` does.
    {
        explorer::ExploreOptions o;
        o.sweep_path = sweep_path;
        o.out_dir = work + "/default";
        o.jobs = 2;
        o.progress = false;
        o.announce = [](const std::string& s) { std::printf("  plan: %s\n", s.c_str()); };
        const auto t0 = Clock::now();
        const auto r = explorer::run_explore(o);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        const double points = static_cast<double>(r.digest.points());
        std::printf("  default sweep (%s, 2 threads, every output and plot): %.0f points in %.1f s (%.1f min; target <= 15) "
                    "= %.0f points/min; peak memory (VmHWM) %.0f MiB (target <= 1024); points.csv %.0f MiB, "
                    "pareto.svg %.2f MiB (target <= 5), pareto.png %.2f MiB; best %.0f tokens/s\n",
                    to_string(r.sweep.strategy), points, s, s / 60, points / s * 60, peak_mib(),
                    mib(fs::file_size(r.points_path)), mib(fs::file_size(r.out_dir + "/pareto.svg")),
                    mib(fs::file_size(r.out_dir + "/pareto.png")), r.digest.best() ? r.digest.best()->tokens_per_s : 0);
        fs::remove_all(o.out_dir);
    }

    // The full grid of the same sweep in 4 shards, each its own process.
    {
        std::string text;
        {
            std::ifstream in(sweep_path);
            for (std::string line; std::getline(in, line);) {
                if (line.rfind("strategy", 0) == 0) line = "strategy = grid";
                if (line.rfind("baseline", 0) == 0) line = "baseline = " + src + "/configs/designs/baseline.cfg";
                if (line.rfind("name =", 0) == 0) line = "name = de1soc_grid";
                // one slot: a grid over the slot variants too is ~13.5 billion points
                bool slot_key = false;
                for (const char* k : {"sequences", "cores", "schedule"}) slot_key |= line.rfind(k, 0) == 0;
                if (!slot_key) text += line + "\n";
            }
        }
        const std::string grid = work + "/de1soc_grid.cfg";
        std::ofstream(grid) << text;
        std::printf("  full grid of the default sweep with one slot (strategy = grid), 4 shards, 2 processes at a "
                    "time, 1 thread each%s:\n",
                    slice > 0 ? (", each stopped after " + std::to_string(slice) +
                                 " points (a SLICE: --stop-after; memory holds the fronts and one block of rows, so "
                                 "it does not grow with the points; --full-grid measures whole shards)").c_str()
                              : " (whole shards)");
        std::vector<Child> running;
        auto start = [&](int shard) {
            std::vector<std::string> args = {dse_binary(), "explore", "--sweep", grid, "--shard", std::to_string(shard) + "/4",
                                             "--out", work + "/grid.shard" + std::to_string(shard), "--jobs", "1",
                                             "--no-progress", "--points", "front"};
            if (slice > 0) args.insert(args.end(), {"--stop-after", std::to_string(slice)});
            std::fflush(nullptr);  // the child must not write this process's buffered output again
            const pid_t pid = ::fork();
            if (pid == 0) {
                std::vector<char*> v;
                for (auto& a : args) v.push_back(a.data());
                v.push_back(nullptr);
                if (!std::freopen("/dev/null", "w", stdout) || !std::freopen((work + "/grid.shard" + std::to_string(shard) + ".log").c_str(), "w", stderr)) _exit(126);
                ::execv(v[0], v.data());
                _exit(127);
            }
            running.push_back({pid, shard, Clock::now()});
        };
        auto finish_one = [&] {
            int status = 0;
            struct rusage ru {};
            const pid_t pid = ::wait4(-1, &status, 0, &ru);
            for (size_t k = 0; k < running.size(); ++k)
                if (running[k].pid == pid) {
                    const double s = std::chrono::duration<double>(Clock::now() - running[k].start).count();
                    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                    std::printf("    shard %d/4: exit %d%s in %.1f s; peak memory %.0f MiB (target <= 1024)\n",
                                running[k].shard, code, code == 3 ? " (stopped after the slice, as asked)" : "", s,
                                static_cast<double>(ru.ru_maxrss) / 1024.0);
                    if (code != 0 && code != 3) {
                        std::ifstream log(work + "/grid.shard" + std::to_string(running[k].shard) + ".log");
                        for (std::string l; std::getline(log, l);) std::printf("      | %s\n", l.c_str());
                    }
                    // its results (every row: ~5 GB a whole shard) are not needed: free the disk for the next
                    fs::remove_all(work + "/grid.shard" + std::to_string(running[k].shard));
                    running.erase(running.begin() + static_cast<long>(k));
                    return;
                }
        };
        for (int shard = 0; shard < 4; ++shard) {
            if (running.size() == 2) finish_one();
            start(shard);
        }
        while (!running.empty()) finish_one();
    }

    // The TLM engine on the first points of the plan: what the analytic engine saves.
    const explorer::Sweep sweep = explorer::load_sweep(sweep_path);
    const QWeights w = load_rom_dir(sweep.workload.weights_dir);
    const explorer::Evaluator ev(sweep, w, explorer::load_model_calibration(explorer::default_calibration_path()),
                                 explorer::load_structural_index(explorer::default_structural_timing_paths()));
    const explorer::PointPlan plan(sweep, ev, 1, false);
    std::vector<explorer::PlannedPoint> points;
    std::vector<explorer::PointRow> analytic;
    for (long i = 0; i < std::min<long>(plan.total(), tlm_sample); ++i) {
        analytic.push_back(plan.evaluate(ev, i));
        explorer::PlannedPoint p = plan.at(i);
        p.design = analytic.back().design;
        points.push_back(p);
    }
    const auto t0 = Clock::now();
    const auto out = explorer::evaluate_with_tlm(ev, w, points, analytic);
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    const double tlm_rate = static_cast<double>(points.size()) / s * 60;
    std::printf("  TLM engine (SystemC, 1 thread): %zu points in %.2f s = %.0f points/min; analytic (1 thread) / "
                "TLM: %.0fx; disagreements: %zu\n",
                points.size(), s, tlm_rate, rate[1] / tlm_rate, out.disagreements.size());
    fs::remove_all(work);
    return out.disagreements.empty() ? 0 : 1;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    return cli::run_guarded("bench_explorer", [&] { return run(argc, argv); });
}
