// The workload options shared by generate, simulate and cosim.
#pragma once
#include <cstdint>
#include <string>

#include <boost/program_options.hpp>

#include "commands.hpp"
#include "model/golden_step.hpp"

namespace mgpt::app {

struct SamplingOptions {
    std::string weights_dir;
    int count = 10;
    uint32_t seed = 2;
    golden::GenerationConfig gen;
};

// Adds --weights --count --seed --temperature --greedy [--numerics].
void add_sampling_options(boost::program_options::options_description& desc, bool with_numerics);
// Reads them back (validating ranges); throws UsageError naming the option.
SamplingOptions read_sampling_options(const boost::program_options::variables_map& vm, bool with_numerics);

// Parses args against desc (no positionals); prints help and returns false on --help.
bool parse_or_help(const std::string& command, const std::string& synopsis, const Args& args,
                   const boost::program_options::options_description& desc,
                   boost::program_options::variables_map& vm);

}  // namespace mgpt::app
