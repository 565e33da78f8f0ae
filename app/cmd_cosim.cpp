// microgpt-dse cosim: Verilates the RTL of a design point (cached), elaborates
// it in the same SystemC kernel as the TLM platform and checks it against the
// TLM and the golden model. The work runs in the per-configuration driver.
#include <iostream>

#include <unistd.h>

#include "cli/build_jobs.hpp"
#include "cli/design_options.hpp"
#include "cli/output_options.hpp"
#include "cli/sampling_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "cosim/rtl_build_cache.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_cosim(const Args& args) {
    po::options_description desc("cosim options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    cli::add_sampling_options(desc, false);
    // computed before po::value allocates: a default that throws (no tree found) must not leak it
    const std::string cache_default = cosim::default_rtl_cache();
    desc.add_options()
        ("mode", po::value<std::string>()->default_value("compare"),
         "compare: TLM core and RTL core side by side; refine: RTL core in place of the TLM core")
        ("steps-csv", po::value<std::string>(), "write name,pos,token_in,token_out,tlm_cycles,rtl_cycles,rtl_token_out,match per step "
         "(several slots or cores: then slot,core,tlm_start,tlm_end,rtl_start,rtl_end)")
        ("trace", po::value<std::string>(), "write a VCD of the RTL side to exactly FILE")
        ("summary", po::bool_switch(), "print the summary only (verdict, throughput, TLM vs RTL speed)")
        ("cache", po::value<std::string>()->default_value(cache_default),
         "Verilated-model cache directory")
        ("build-only", po::bool_switch(), "build (or find) the Verilated model and stop");
    cli::add_build_jobs_option(desc);
    po::variables_map vm;
    if (!cli::parse_or_help("cosim", "--design FILE [--set key=value ...] [--count N] [--seed S] [--temperature T] "
                                "[--greedy] [--mode compare|refine] [--steps-csv FILE] [--trace FILE.vcd]",
                       args, desc, vm))
        return 0;
    const arch::DesignPoint d = cli::read_rtl_design_options(vm, arch::RtlFlow::cosim);
    const cli::SamplingOptions o = cli::read_sampling_options(vm, false);
    const std::string mode = vm["mode"].as<std::string>();
    if (mode != "compare" && mode != "refine") throw UsageError("--mode '" + mode + "' is not legal (legal: compare, refine)");
    const int build_jobs = cli::read_build_jobs(vm);
    // The driver writes them; checked here so a bad path fails before a build of a minute.
    cli::output_file_option(vm, "steps-csv");
    cli::output_file_option(vm, "trace");
    const QWeights w = load_rom_dir(o.weights_dir);
    const std::string driver = cosim::build_cosim_driver(d, w, vm["cache"].as<std::string>(), build_jobs);
    if (vm["build-only"].as<bool>()) {
        std::cout << driver << "\n";
        return 0;
    }
    // Hand over to the driver with the same arguments (minus the build options).
    std::vector<std::string> forwarded{driver};
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--cache" || args[i] == "--build-jobs") {
            ++i;
            continue;
        }
        if (args[i].rfind("--cache=", 0) == 0 || args[i].rfind("--build-jobs=", 0) == 0) continue;
        forwarded.push_back(args[i]);
    }
    if (!vm.count("weights")) forwarded.insert(forwarded.end(), {"--weights", o.weights_dir});
    std::vector<char*> argv;
    for (auto& a : forwarded) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    ::execv(driver.c_str(), argv.data());
    throw std::runtime_error("cannot run " + driver);
}

}  // namespace mgpt::app
