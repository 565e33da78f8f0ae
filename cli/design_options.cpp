#include "design_options.hpp"

#include "arch/rtl_parameters.hpp"
#include "common/source_tree.hpp"
#include "usage.hpp"

namespace po = boost::program_options;

namespace mgpt::cli {

void add_design_options(po::options_description& desc) {
    // computed before po::value allocates: a default that throws (no tree found) must not leak it
    const std::string design_default = source_path("configs/designs/baseline.cfg");
    desc.add_options()
        ("design", po::value<std::string>()->default_value(design_default),
         "design point file (key = value lines)")
        ("set", po::value<std::vector<std::string>>()->composing(), "override a design key: --set lanes=8 (repeatable)");
}

arch::DesignPoint read_design_options(const po::variables_map& vm) {
    // A bad design file is bad input (exit 1); a bad --set is a bad argument (exit 2).
    arch::DesignPoint d = arch::load_design(vm["design"].as<std::string>());
    if (vm.count("set")) {
        try {
            arch::apply_overrides(d, vm["set"].as<std::vector<std::string>>());
        } catch (const std::invalid_argument& e) {
            throw UsageError(e.what());
        }
    }
    return d;
}

arch::DesignPoint read_rtl_design_options(const po::variables_map& vm, arch::RtlFlow flow) {
    const arch::DesignPoint d = read_design_options(vm);
    try {
        arch::require_rtl(d, flow, "");
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return d;
}

}  // namespace mgpt::cli
