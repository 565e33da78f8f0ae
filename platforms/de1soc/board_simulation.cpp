#include "board_simulation.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "cosim/rtl_build_cache.hpp"
#include "cosim/steps_csv.hpp"
#include "systemc_models/platform.hpp"

namespace fs = std::filesystem;

namespace mgpt::de1soc {

namespace {

cosim::DriverSpec board_driver(const FpgaProject& p) {
    cosim::DriverSpec s;
    s.command = "fpga";
    s.executable = "fpga_sim_driver";
    s.cache_prefix = "de1soc-";
    s.top_module = "de1soc_top";
    s.main_source = "platforms/de1soc/fpga_sim_driver.cpp";
    s.library = "mgpt::de1soc";
    s.rtl_sources = board_rtl_sources();
    s.include_dirs = {"rtl/de1soc"};
    s.extra_parameters = board_parameters(p.pll, p.design_tag);
    return s;
}

int run_child(std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("cannot fork to run " + args[0]);
    if (pid == 0) {
        ::execv(argv[0], argv.data());
        std::perror(argv[0]);
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

SimulationResult run_board_simulation(const arch::DesignPoint& d, const QWeights& w, const cli::SamplingOptions& o,
                                      const FpgaProject& p, const SimulationOptions& s) {
    SimulationResult r;
    r.driver = cosim::build_verilated_driver(board_driver(p), d, w, s.cache, s.jobs);
    const std::string dir = p.dir + "/sim";
    fs::create_directories(dir);
    // the TLM's prediction of the same workload
    const auto tlm = tlm_model::simulate_tlm(w, {{d, tlm_model::Workload{o.count, o.seed, o.gen}}});
    cosim::write_steps_csv(dir + "/tlm_steps.csv", tlm.at(0));
    char temperature[16];
    std::snprintf(temperature, sizeof temperature, "0x%04X", o.gen.temperature);
    std::vector<std::string> args{r.driver, "--design", p.dir + "/design.cfg", "--weights", o.weights_dir,
                                  "--count", std::to_string(o.count), "--seed", std::to_string(o.seed),
                                  "--temperature", temperature, "--tlm-steps", dir + "/tlm_steps.csv",
                                  "--summary-md", dir + "/summary.md"};
    if (o.gen.greedy) args.push_back("--greedy");
    if (!s.trace.empty()) args.insert(args.end(), {"--trace", s.trace});
    fs::remove(dir + "/summary.md");
    r.exit_code = run_child(args);
    if (std::ifstream in(dir + "/summary.md"); in) {
        std::ostringstream text;
        text << in.rdbuf();
        r.summary_md = text.str();
    }
    return r;
}

}  // namespace mgpt::de1soc
