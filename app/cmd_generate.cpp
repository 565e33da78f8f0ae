// microgpt-dse generate: names from the golden Q4.12 model, one per line on stdout.
#include <iostream>

#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "model/weights.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_generate(const Args& args) {
    po::options_description desc("generate options");
    desc.add_options()("help,h", "show this help");
    cli::add_sampling_options(desc, /*with_numerics=*/true);
    po::variables_map vm;
    if (!cli::parse_or_help("generate", "[--weights DIR] [--count N] [--seed S] [--temperature T] "
                                   "[--numerics saturating|reference] [--greedy]",
                       args, desc, vm))
        return 0;
    const cli::SamplingOptions o = cli::read_sampling_options(vm, true);
    const QWeights w = load_rom_dir(o.weights_dir);
    uint32_t rng = o.seed;
    std::string out;
    for (int i = 0; i < o.count; ++i) out += golden::tokens_to_name(golden::generate(w, o.gen, rng).tokens) + "\n";
    std::cout << out << std::flush;
    return 0;
}

}  // namespace mgpt::app
