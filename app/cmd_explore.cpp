// microgpt-dse explore: evaluate every design point of a sweep (cycles,
// throughput, resources, Fmax), write the results folder, name the best point.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/usage.hpp"
#include "commands.hpp"
#include "explorer_options.hpp"
#include "common/source_tree.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "explorer/benchmark.hpp"
#include "explorer/explore_run.hpp"
#include "explorer/summary.hpp"
#include "explorer/text_util.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

namespace {

// I/N, digits only: " 1/2" and "1/2 " are refused alike (std::stoi would skip
// the leading blank but not the trailing one).
std::pair<int, int> parse_shard(const std::string& s) {
    const auto parts = explorer::split(s, '/');
    auto digits = [](const std::string& t) {
        return !t.empty() && t.size() <= 9 && t.find_first_not_of("0123456789") == std::string::npos;
    };
    if (parts.size() == 2 && digits(parts[0]) && digits(parts[1])) {
        const int i = std::stoi(parts[0]), n = std::stoi(parts[1]);
        if (n >= 1 && i < n) return {i, n};
    }
    throw UsageError("--shard '" + s + "' is not legal (legal: I/N, two decimal numbers with 0 <= I < N and no "
                     "spaces, e.g. 0/4)");
}

void print_summary(const explorer::RunDigest& digest) {
    const auto s = explorer::summary_table(digest);
    TextTable t(s.header);
    for (const auto& r : s.rows) t.add(r);
    t.print(std::cout);
    std::cout << s.sources << "\n";
}

// --benchmark: the analytic engine's rate on a sweep, nothing written.
int benchmark(const std::string& sweep_path, const std::string& calibration, int jobs, uint64_t max_points) {
    const auto b = explorer::benchmark_sweep(sweep_path, calibration, jobs, 2.0, max_points);
    std::cout << "explorer benchmark: sweep " << b.sweep_name << " (" << b.planned_points
              << " planned points before local search), workload " << b.workload_names << " names, analytic engine, "
              << b.threads << " thread(s)\n"
              << "  " << explorer::thousands(b.points_per_minute()) << " design points/minute [wall clock, "
              << b.evaluations << " evaluations in " << fixed_decimals(b.seconds, 2)
              << " s, workload generation included]   target >= 1,000\n";
    return 0;
}

}  // namespace

int cmd_explore(const Args& args) {
    po::options_description desc("explore options");
    // computed before po::value allocates: a default that throws (no tree found) must not leak it
    const std::string sweep_default = source_path("configs/sweeps/de1soc.cfg");
    desc.add_options()("help,h", "show this help")
        ("sweep", po::value<std::string>()->default_value(sweep_default),
         "sweep file (values per design key, strategy, workload, device limits)")
        ("out", po::value<std::string>(), "results folder (default results/<sweep name>, or results/<name>.shard<I>of<N>)")
        ("shard", po::value<std::string>(), "evaluate shard I of N (points with index % N == I); combine with merge")
        ("resume", po::bool_switch(), "continue an interrupted run in --out (its points.partial.csv journal)")
        ("engine", po::value<std::string>()->default_value("analytic"),
         "cycles from: analytic (the closed-form model, proven equal to the TLM) | tlm (every point through the "
         "SystemC TLM, one elaboration)")
        ("calibration", po::value<std::string>(), "model coefficients (default explorer/calibration.csv)")
        ("no-progress", po::bool_switch(), "no progress bar on stderr")
        ("benchmark", po::bool_switch(), "print the analytic engine's design points/minute on the sweep; write nothing")
        ("stop-after", po::value<long>(), "testing: stop after journaling this many points, as if killed (exit 3)");
    add_explorer_options(desc, "worker threads");
    po::variables_map vm;
    if (!cli::parse_or_help("explore",
                       "[--sweep FILE] [--out DIR] [--jobs N] [--shard I/N] [--resume] [--engine analytic|tlm] "
                       "[--calibration FILE] [--max-points N] [--benchmark]",
                       args, desc, vm))
        return 0;
    explorer::ExploreOptions o;
    o.sweep_path = vm["sweep"].as<std::string>();
    if (vm.count("out")) o.out_dir = vm["out"].as<std::string>();
    o.jobs = read_jobs(vm);
    o.max_points = read_max_points(vm);
    if (vm.count("shard")) std::tie(o.shard_index, o.shard_count) = parse_shard(vm["shard"].as<std::string>());
    o.resume = vm["resume"].as<bool>();
    o.engine = vm["engine"].as<std::string>();
    if (o.engine != "analytic" && o.engine != "tlm")
        throw UsageError("--engine '" + o.engine + "' is not legal (legal: analytic, tlm)");
    if (vm.count("calibration")) o.calibration_path = vm["calibration"].as<std::string>();
    o.progress = !vm["no-progress"].as<bool>();
    o.points = read_points_output(vm);
    o.announce = [](const std::string& size) { std::cerr << size << "\n"; };
    if (vm.count("stop-after")) {
        o.stop_after = vm["stop-after"].as<long>();
        if (o.stop_after < 0) throw UsageError("--stop-after must be >= 0");
    }
    if (vm["benchmark"].as<bool>()) return benchmark(o.sweep_path, o.calibration_path, o.jobs, o.max_points);
    if (o.engine == "tlm" && o.jobs > 1)
        std::cerr << "note: --jobs applies to the analytic planning only; the TLM runs in one SystemC elaboration "
                     "(run shards in parallel for more)\n";

    const explorer::ExploreResult r = explorer::run_explore(o);
    for (const auto& n : r.notes) std::cerr << "warning: " << n << "\n";
    const double secs = r.evaluation_seconds - r.tlm_seconds;
    const double per_min = secs > 0 ? r.evaluated / secs * 60 : 0;
    std::string rate = explorer::thousands(per_min) + " design points/minute [wall clock: " +
                       std::to_string(r.evaluated) + " analytic evaluations in " +
                       fixed_decimals(secs, 2) + " s, " + std::to_string(o.jobs) + " thread(s)]";
    if (o.engine == "tlm")
        rate = explorer::thousands(r.tlm_seconds > 0 ? r.tlm_points / r.tlm_seconds * 60 : 0) +
               " design points/minute through the TLM [wall clock: " + std::to_string(r.tlm_points) + " points x " +
               std::to_string(r.sweep.workload.names + 1) + " names in " + fixed_decimals(r.tlm_seconds, 2) +
               " s, one SystemC elaboration]; planning: " + rate;
    if (r.interrupted) {
        std::cerr << "stopped after " << o.stop_after << " new points (--stop-after): " << r.out_dir
                  << "/points.partial.csv holds them; continue with --resume\n";
        return 3;
    }
    const long feasible = r.digest.feasible(), front = static_cast<long>(r.digest.alm_front().size());
    std::cout << "sweep " << r.sweep.name << " (" << r.run.sweep_file << "): ";
    if (o.shard_count > 1)
        std::cout << "shard " << o.shard_index << "/" << o.shard_count << ": " << r.digest.points() << " of "
                  << r.run.points_planned << " planned points";
    else
        std::cout << r.digest.points() << " points";
    std::cout << (r.resumed_rows ? " (" + std::to_string(r.resumed_rows) + " from the journal)" : "") << ", "
              << feasible << " feasible, " << front << " on the tokens/s-vs-ALMs front\n";
    if (o.shard_count > 1) {
        std::cout << "results: " << r.points_path << "; when every shard is done: microgpt-dse merge "
                  << (o.out_dir.empty() ? "results/" + r.sweep.name + ".shard*of" + std::to_string(o.shard_count)
                                        : std::string("<the shard folders>"))
                  << " --out results/" << r.sweep.name << "\n";
    } else {
        std::cout << "results: " << r.out_dir << "/ (" << o.points.file_name() << ": " << r.rows_written << " rows ("
                  << o.points.keep_name() << "), report.md, pareto.png, pareto.svg"
                  << (r.best_index >= 0 ? ", best.cfg" : "") << ")\n\n";
        print_summary(r.digest);
        if (r.best_index < 0) std::cout << "no point of the sweep fits the device and meets timing\n";
    }
    std::cout << "explorer throughput: " << rate << "\n";
    return 0;
}

}  // namespace mgpt::app
