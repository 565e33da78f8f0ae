// microgpt-dse generate: names from the golden Q4.12 model, one per line on stdout.
#include <iostream>

#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "model/golden_slots.hpp"
#include "model/weights.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_generate(const Args& args) {
    po::options_description desc("generate options");
    desc.add_options()("help,h", "show this help");
    cli::add_sampling_options(desc, /*with_numerics=*/true);
    // Here, not in sampling_options: the commands that share those have no slots yet.
    desc.add_options()("sequences", po::value<std::string>()->default_value("1"),
                       ("names in flight, each slot with its own position, KV cache and RNG; name i runs in slot "
                        "i mod (S x K) (legal: " + golden::legal_sequences_text() + "; docs/SEQUENCES.md)").c_str())(
        "cores", po::value<std::string>()->default_value("1"),
        ("core replicas K, each with S slots: slot g is slot g mod S of core g / S (legal: " +
         golden::legal_cores_text() + ")").c_str());
    po::variables_map vm;
    if (!cli::parse_or_help("generate", "[--weights DIR] [--count N] [--seed S] [--temperature T] "
                                   "[--numerics saturating|reference] [--greedy] [--sequences S] [--cores K]",
                       args, desc, vm))
        return 0;
    const cli::SamplingOptions o = cli::read_sampling_options(vm, true);
    int sequences = 1, cores = 1;
    try {
        sequences = golden::parse_sequences(vm["sequences"].as<std::string>(), "--sequences");
        cores = golden::parse_cores(vm["cores"].as<std::string>(), "--cores");
    } catch (const std::invalid_argument& e) {
        throw cli::UsageError(e.what());
    }
    const QWeights w = load_rom_dir(o.weights_dir);
    std::string out;
    for (const auto& name : golden::generate_slots(w, o.gen, o.seed, sequences, cores, o.count))
        out += golden::tokens_to_name(name) + "\n";
    std::cout << out << std::flush;
    return 0;
}

}  // namespace mgpt::app
