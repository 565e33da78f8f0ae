// microgpt-dse merge: combine the shard folders of one sweep into one results folder.
#include <iostream>

#include "commands.hpp"
#include "explorer_options.hpp"
#include "common/text_table.hpp"
#include "explorer/merge_run.hpp"
#include "explorer/summary.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_merge(const Args& args) {
    po::options_description desc("merge options");
    desc.add_options()("help,h", "show this help")
        ("out", po::value<std::string>(), "results folder of the whole sweep (required)")
        ("sweep", po::value<std::string>(), "the sweep file (default: the one named in the shards' run.cfg)")
        ("calibration", po::value<std::string>(), "model coefficients (default: the file named in the shards' run.cfg)");
    add_explorer_options(desc, "threads re-evaluating the shards' rows");
    po::options_description hidden;
    hidden.add_options()("dirs", po::value<std::vector<std::string>>(), "shard folders");
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("dirs", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
        std::cout << "usage: microgpt-dse merge SHARD_DIR... --out DIR [--sweep FILE] [--calibration FILE] [--jobs N] "
                     "[--max-points N] [--points whole|feasible|front] [--compress none|gzip]\n"
                     "  e.g. microgpt-dse merge results/de1soc.shard*of4 --out results/de1soc\n\n"
                  << desc << "\n";
        return 0;
    }
    po::notify(vm);
    if (!vm.count("dirs")) throw UsageError("no shard folders given (usage: merge SHARD_DIR... --out DIR)");
    if (!vm.count("out")) throw UsageError("--out DIR is required");
    explorer::MergeOptions o;
    o.dirs = vm["dirs"].as<std::vector<std::string>>();
    o.out_dir = vm["out"].as<std::string>();
    if (vm.count("sweep")) o.sweep_path = vm["sweep"].as<std::string>();
    if (vm.count("calibration")) o.calibration_path = vm["calibration"].as<std::string>();
    o.jobs = read_jobs(vm);
    o.max_points = read_max_points(vm);
    o.points = read_points_output(vm);
    if (const std::string why = explorer::out_dir_is_a_shard(o); !why.empty()) throw UsageError(why);
    const explorer::MergeResult r = explorer::run_merge(o);
    const long feasible = r.digest.feasible(), front = static_cast<long>(r.digest.alm_front().size());
    std::cout << "merged " << o.dirs.size() << " shards of sweep " << r.sweep.name << ": " << r.digest.points()
              << " points, " << feasible << " feasible, " << front << " on the tokens/s-vs-ALMs front\n"
              << "results: " << o.out_dir << "/ (" << o.points.file_name() << ": " << r.rows_written << " rows, report.md, pareto.png, pareto.svg"
              << (r.best_index >= 0 ? ", best.cfg" : "") << ")\n\n";
    const auto s = explorer::summary_table(r.digest);
    TextTable t(s.header);
    for (const auto& row : s.rows) t.add(row);
    t.print(std::cout);
    std::cout << s.sources << "\n";
    return 0;
}

}  // namespace mgpt::app
