#include "sampling_options.hpp"

#include <iostream>

#include "data_paths.hpp"
#include "model/parse_values.hpp"
#include "usage.hpp"

namespace po = boost::program_options;

namespace mgpt::cli {

void add_sampling_options(po::options_description& desc, bool with_numerics) {
    desc.add_options()
        ("weights", po::value<std::string>(), "Q4.12 ROM set directory (default: the shipped data/weights)")
        ("count", po::value<int>()->default_value(10), "number of names to generate (1..1000000)")
        ("seed", po::value<std::string>()->default_value("2"), "32-bit RNG seed, decimal or 0x hex (0 is degenerate)")
        ("temperature", po::value<std::string>()->default_value("0.5"), "real (0.5) or Q8.8 hex (0x0080)")
        ("greedy", po::bool_switch(), "take the argmax instead of sampling");
    if (with_numerics)
        desc.add_options()("numerics", po::value<std::string>()->default_value("saturating"),
                           "numeric profile: saturating | reference");
}

SamplingOptions read_sampling_options(const po::variables_map& vm, bool with_numerics) {
    SamplingOptions o;
    o.weights_dir = vm.count("weights") ? vm["weights"].as<std::string>() : default_weights_dir();
    o.count = vm["count"].as<int>();
    if (o.count < 1 || o.count > 1000000)
        throw UsageError("--count " + std::to_string(o.count) + " is out of range (legal: 1..1000000)");
    try {
        o.seed = parse_u32(vm["seed"].as<std::string>(), "--seed");
        o.gen.temperature = parse_temperature(vm["temperature"].as<std::string>());
        if (with_numerics) o.gen.numerics = parse_numerics(vm["numerics"].as<std::string>());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    o.gen.greedy = vm["greedy"].as<bool>();
    if (o.seed == 0 && !o.gen.greedy)
        std::cerr << "warning: seed 0 is degenerate: the xorshift RNG stays 0 and every draw is the same\n";
    return o;
}

}  // namespace mgpt::cli
