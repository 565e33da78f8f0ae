// The options explore and merge share: --jobs and --max-points (how many
// design points a process may hold in memory, explorer/planner.hpp).
#pragma once
#include <cstdint>
#include <string>

#include <boost/program_options.hpp>

#include "explorer/points_output.hpp"

namespace mgpt::app {

// Adds --jobs (default 1), --max-points, --points and --compress; `jobs_help` says what the threads do.
void add_explorer_options(boost::program_options::options_description& desc, const std::string& jobs_help);
// Throws cli::UsageError naming the option and its legal range.
int read_jobs(const boost::program_options::variables_map& vm);
uint64_t read_max_points(const boost::program_options::variables_map& vm);
// --points and --compress: which rows points.csv keeps, compressed or not.
explorer::PointsOutput read_points_output(const boost::program_options::variables_map& vm);

}  // namespace mgpt::app
