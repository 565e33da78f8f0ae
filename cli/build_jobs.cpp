#include "build_jobs.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include "usage.hpp"

namespace po = boost::program_options;

namespace mgpt::cli {

void add_build_jobs_option(po::options_description& desc) {
    static const std::string help = "parallel compile jobs when building (1.." + std::to_string(kMaxBuildJobs) + ")";
    desc.add_options()("build-jobs",
                       po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
                       help.c_str());
}

int read_build_jobs(const po::variables_map& vm) {
    const int jobs = vm["build-jobs"].as<int>();
    if (jobs < 1 || jobs > kMaxBuildJobs)
        throw UsageError("--build-jobs " + std::to_string(jobs) + " is out of range (legal: 1.." +
                         std::to_string(kMaxBuildJobs) + ")");
    return jobs;
}

}  // namespace mgpt::cli
