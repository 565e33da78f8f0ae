// microgpt-dse: dispatches a subcommand; its exceptions become messages and exit codes (cli::run_guarded).
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>

#include <systemc>  // declares sc_main (extern "C")

#include "cli/usage.hpp"
#include "commands.hpp"

namespace {

struct Command {
    std::function<int(const mgpt::app::Args&)> run;
    const char* summary;
};

const std::map<std::string, Command>& commands() {
    using namespace mgpt::app;
    static const std::map<std::string, Command> table = {
        {"generate", {cmd_generate, "generate names with the Q4.12 golden model"}},
        {"train", {cmd_train, "train the float model on names, write float + Q4.12 weights"}},
        {"evaluate", {cmd_evaluate, "validation loss in float and through the Q4.12 datapath"}},
        {"simulate", {cmd_simulate, "run the SystemC TLM-2.0 model of a design point"}},
        {"cosim", {cmd_cosim, "Verilate a design point's RTL and co-simulate it with the TLM"}},
        {"roms", {cmd_roms, "write a design point's read-order ROM files and RTL parameters"}},
        {"fpga", {cmd_fpga, "write a design point's DE1-SoC Quartus project; --simulate, --yosys"}},
        {"explore", {cmd_explore, "sweep the design space: throughput, resources, Fmax, Pareto front, report"}},
        {"merge", {cmd_merge, "combine the shard folders of one sweep into one results folder"}},
        {"calibrate", {cmd_calibrate, "refit the resource model to yosys figures (or the Quartus reference)"}},
    };
    return table;
}

void print_usage(std::ostream& os) {
    os << "usage: microgpt-dse <command> [options]   (microgpt-dse <command> --help)\n\ncommands:\n";
    for (const auto& [name, cmd] : commands()) os << "  " << name << std::string(10 - name.size(), ' ') << cmd.summary << "\n";
}

}  // namespace

// The entry point: silence SystemC's banner (stdout of `generate` carries names
// only), then let the kernel call sc_main.
int main(int argc, char** argv) {
    ::setenv("SC_COPYRIGHT_MESSAGE", "DISABLE", /*overwrite=*/0);
    return sc_core::sc_elab_and_sim(argc, argv);
}

int sc_main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return 0;
    }
    const auto it = commands().find(name);
    if (it == commands().end()) {
        std::cerr << "microgpt-dse: unknown command '" << name << "'\n";
        print_usage(std::cerr);
        return 2;
    }
    const mgpt::cli::Args args(argv + 2, argv + argc);
    return mgpt::cli::run_guarded("microgpt-dse " + name, [&] { return it->second.run(args); });
}
