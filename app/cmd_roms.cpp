// microgpt-dse roms: the read-order ROM files and RTL parameters of a design
// point, for Verilator, yosys or Quartus.
#include <iostream>

#include "arch/rom_layout.hpp"
#include "arch/rtl_parameters.hpp"
#include "cli/data_paths.hpp"
#include "cli/design_options.hpp"
#include "cli/usage.hpp"
#include "commands.hpp"
#include "model/weights.hpp"

namespace po = boost::program_options;

namespace mgpt::app {

int cmd_roms(const Args& args) {
    po::options_description desc("roms options");
    desc.add_options()("help,h", "show this help");
    cli::add_design_options(desc);
    desc.add_options()
        ("weights", po::value<std::string>(), "Q4.12 ROM set directory (default: the shipped data/weights)")
        ("out", po::value<std::string>()->required(), "output directory");
    po::variables_map vm;
    if (!cli::parse_or_help("roms", "--design FILE [--set key=value ...] [--weights DIR] --out DIR", args, desc, vm))
        return 0;
    const arch::DesignPoint d = cli::read_rtl_design_options(vm, arch::RtlFlow::board);
    const std::string out = vm["out"].as<std::string>();
    const QWeights w = load_rom_dir(vm.count("weights") ? vm["weights"].as<std::string>() : cli::default_weights_dir());
    arch::write_rom_files(d, w, out);
    std::string flags;
    for (const auto& [name, value] : arch::rtl_parameters(d)) flags += "-G" + name + "=" + std::to_string(value) + "\n";
    flags += "-GROM_DIR=\\\"" + out + "\\\"\n";  // a string parameter: the quotes reach Verilator
    write_file_atomically(out + "/verilator_params.vc", flags);
    std::cout << "wrote the ROM files and verilator_params.vc of " << arch::rtl_config_id(d) << " to " << out << "\n";
    return 0;
}

}  // namespace mgpt::app
