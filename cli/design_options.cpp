#include "design_options.hpp"

#include "common/source_tree.hpp"

namespace po = boost::program_options;

namespace mgpt::cli {

void add_design_options(po::options_description& desc) {
    desc.add_options()
        ("design", po::value<std::string>()->default_value(source_path("configs/designs/baseline.cfg")),
         "design point file (key = value lines)")
        ("set", po::value<std::vector<std::string>>()->composing(), "override a design key: --set lanes=8 (repeatable)");
}

arch::DesignPoint read_design_options(const po::variables_map& vm) {
    const auto overrides = vm.count("set") ? vm["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
    return arch::load_design(vm["design"].as<std::string>(), overrides);
}

}  // namespace mgpt::cli
