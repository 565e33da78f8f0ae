// The workload options shared by generate, simulate, cosim, fpga and the
// co-simulation drivers.
#pragma once
#include <cstdint>
#include <string>

#include <boost/program_options.hpp>

#include "model/golden_step.hpp"

namespace mgpt::cli {

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

}  // namespace mgpt::cli
