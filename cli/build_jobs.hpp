// --build-jobs N: parallel compile jobs when a command builds a Verilated
// driver (cosim, fpga --simulate). Checked here: cmake given 0 prints its usage.
#pragma once
#include <boost/program_options.hpp>

namespace mgpt::cli {

constexpr int kMaxBuildJobs = 1024;

// Adds --build-jobs (default: the hardware threads).
void add_build_jobs_option(boost::program_options::options_description& desc);
// Its value; throws UsageError (exit 2) outside 1..kMaxBuildJobs.
int read_build_jobs(const boost::program_options::variables_map& vm);

}  // namespace mgpt::cli
