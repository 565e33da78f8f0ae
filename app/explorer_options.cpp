#include "explorer_options.hpp"

#include "cli/usage.hpp"
#include "explorer/planner.hpp"
#include "explorer/points_output.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

void add_explorer_options(po::options_description& desc, const std::string& jobs_help) {
    desc.add_options()
        ("jobs", po::value<int>()->default_value(1), (jobs_help + " (1..256)").c_str())
        ("max-points", po::value<std::string>()->default_value(std::to_string(explorer::kDefaultMaxPoints)),
         "the most design points one process may hold in memory (about 2.6 KB each); a larger sweep is refused "
         "with the way out (a sampled plan, local search or the TLM engine; a grid or exhaustive sweep streams: no limit)")
        ("points", po::value<std::string>()->default_value("whole"),
         "rows points.csv keeps: whole | feasible | front (rows on either Pareto front); a shard keeps every row")
        ("compress", po::value<std::string>()->default_value("none"),
         "points.csv compression: none | gzip (points.csv.gz, through the gzip program)");
}

explorer::PointsOutput read_points_output(const po::variables_map& vm) {
    explorer::PointsOutput out;
    try {
        out.keep = explorer::parse_kept_points(vm["points"].as<std::string>(), "--points");
        out.gzip = explorer::parse_compress(vm["compress"].as<std::string>(), "--compress");
    } catch (const std::invalid_argument& e) {
        throw cli::UsageError(e.what());
    }
    return out;
}

int read_jobs(const po::variables_map& vm) {
    const int jobs = vm["jobs"].as<int>();
    if (jobs < 1 || jobs > 256) throw cli::UsageError("--jobs " + std::to_string(jobs) + " is out of range (legal: 1..256)");
    return jobs;
}

uint64_t read_max_points(const po::variables_map& vm) {
    const std::string v = vm["max-points"].as<std::string>();
    // digits only: boost would read "-1" as a huge unsigned number
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos || std::stoull(v) == 0)
        throw cli::UsageError("--max-points '" + v + "' is not legal (legal: a whole number of points >= 1, e.g. " +
                              std::to_string(explorer::kDefaultMaxPoints) + ")");
    return std::stoull(v);
}

}  // namespace mgpt::app
