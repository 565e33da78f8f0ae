// mgpt-sta: the structural critical path of a yosys `write_json` netlist,
// with the cell delays of yosys' own technology library (no routing).
// rtl/synth/synth_component.sh --timing runs it on each component.
#include <cstdio>
#include <iomanip>
#include <iostream>

#include <boost/program_options.hpp>

#include "cell_library.hpp"
#include "common/option_error.hpp"
#include "longest_path.hpp"
#include "netlist.hpp"

namespace po = boost::program_options;
using namespace mgpt::timing;

namespace {

void print_path(const char* title, const CriticalPath& p, bool steps) {
    std::cout << title << ": ";
    if (!p.found) {
        std::cout << "none\n";
        return;
    }
    std::cout << std::fixed << std::setprecision(3) << p.ns << " ns [structural, yosys cell delays, no routing]\n"
              << "  from " << p.start_kind << " " << p.start << "\n  to   " << p.end_kind << " " << p.end << "\n"
              << "  make-up: " << p.makeup.text() << " (" << p.steps.size() << " steps)\n";
    if (!steps) return;
    for (const auto& s : p.steps)
        std::cout << "    " << std::setw(8) << s.arrival_ns << "  +" << std::setw(6) << s.delay_ns << "  "
                  << (s.type.empty() ? "(input)" : s.type) << " " << s.from << (s.from.empty() ? "" : "->") << s.to
                  << "  " << s.net << "\n";
}

// "TYPE=VALUE" of a repeatable option, both sides non-empty.
std::pair<std::string, std::string> type_and_value(const std::string& arg, const std::string& option,
                                                   const std::string& form) {
    const size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size())
        throw std::invalid_argument(option + " '" + arg + "': expected " + form);
    return {arg.substr(0, eq), arg.substr(eq + 1)};
}

// "LAUNCH:THROUGH" in ns, "-" for none.
BlackboxTiming parse_blackbox(const std::string& v, const std::string& what) {
    const size_t colon = v.find(':');
    auto number = [&](const std::string& x) {
        if (x == "-") return -1.0;
        char* end = nullptr;
        const double d = std::strtod(x.c_str(), &end);
        if (x.empty() || *end || d < 0)
            throw std::invalid_argument(what + ": '" + x + "' is not a delay in ns (>= 0) or '-'");
        return d;
    };
    if (colon == std::string::npos) throw std::invalid_argument(what + ": expected LAUNCH:THROUGH (ns or '-')");
    return {number(v.substr(0, colon)), number(v.substr(colon + 1))};
}

std::string ns_or_empty(const CriticalPath& p) {
    if (!p.found) return "";
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", p.ns);
    return b;
}

std::string chains(const PathMakeup& m) {
    std::string s;
    for (size_t i = 0; i < m.carry_chains.size(); ++i) s += (i ? "+" : "") + std::to_string(m.carry_chains[i]);
    return s;
}

int run(int argc, char** argv) {
    po::options_description desc("mgpt-sta options");
    desc.add_options()("help,h", "show this help")
        ("netlist", po::value<std::string>(), "yosys write_json netlist (flattened, mapped cells)")
        ("top", po::value<std::string>()->default_value(""), "top module (default: the one marked top)")
        ("cells", po::value<std::string>(), "cell library folder (default: <yosys datdir>/intel_alm)")
        ("family", po::value<std::string>()->default_value("cyclonev"), "the library's `ifdef family")
        ("blackbox", po::value<std::vector<std::string>>()->composing(),
         "TYPE=LAUNCH:THROUGH: cells of TYPE (untimed) launch their outputs LAUNCH ns after the clock and pass "
         "inputs to outputs in THROUGH ns; '-' for none (repeatable)")
        ("blackbox-default", po::value<std::string>(), "LAUNCH:THROUGH for every other untimed cell type")
        ("like", po::value<std::vector<std::string>>()->composing(),
         "TYPE=LIBCELL: untimed cells of TYPE are timed as the library's clocked LIBCELL (repeatable), e.g. "
         "'$__MGPT_M10K_ROM_=MISTRAL_M10K'")
        ("input-delay", po::value<double>()->default_value(0.0), "arrival of the top-level inputs in ns")
        ("inputs-registered", po::bool_switch(),
         "the top-level inputs come from registers of the parent: they arrive at the library's "
         "register clock-to-out (MISTRAL_FF)")
        ("csv", po::value<std::string>(), "also print one CSV row with this label (label,reg_ns,any_ns,launch_ns,through_ns,"
                                          "start,end,lut_levels,carry_chains,multipliers,memory_reads)")
        ("steps", po::bool_switch(), "print every step of the critical paths")
        ("endpoints", po::value<int>()->default_value(0),
         "also list the longest register-to-register path into each of the N slowest register groups "
         "(a register's name without its bit index)");
    po::positional_options_description pos;
    pos.add("netlist", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(desc).positional(pos).run(), vm);
    po::notify(vm);
    if (vm.count("help") || !vm.count("netlist")) {
        std::cout << "usage: mgpt-sta NETLIST.json [--top NAME] [--cells DIR] [--blackbox TYPE=LAUNCH:THROUGH] [--csv LABEL] "
                     "[--steps]\n" << desc;
        return vm.count("help") ? 0 : 2;
    }
    TimingOptions opt;
    if (vm.count("blackbox"))
        for (const auto& b : vm["blackbox"].as<std::vector<std::string>>()) {
            const auto [type, timing] = type_and_value(b, "--blackbox", "TYPE=LAUNCH:THROUGH");
            opt.blackbox[type] = parse_blackbox(timing, "--blackbox " + b);
        }
    if (vm.count("blackbox-default"))
        opt.any_blackbox = parse_blackbox(vm["blackbox-default"].as<std::string>(), "--blackbox-default");
    if (vm.count("like"))
        for (const auto& l : vm["like"].as<std::vector<std::string>>()) {
            const auto [type, cell] = type_and_value(l, "--like", "TYPE=LIBCELL");
            opt.like[type] = cell;
        }
    opt.input_ns = vm["input-delay"].as<double>();
    const int endpoints = vm["endpoints"].as<int>();
    if (endpoints < 0) throw std::invalid_argument("--endpoints " + std::to_string(endpoints) + ": expected a count >= 0");
    opt.endpoint_groups = endpoints > 0;
    const std::string cells = vm.count("cells") ? vm["cells"].as<std::string>()
                                                : CellLibrary::default_yosys_share() + "/intel_alm";
    const CellLibrary lib = CellLibrary::load(cells, vm["family"].as<std::string>());
    if (vm["inputs-registered"].as<bool>()) {
        const CellTiming* ff = lib.find("MISTRAL_FF");
        if (!ff || ff->clock_to_out.empty()) throw std::runtime_error(cells + ": no MISTRAL_FF clock-to-out");
        opt.input_ns = ff->clock_to_out.begin()->second;
    }
    const Netlist nl = Netlist::load(vm["netlist"].as<std::string>(), lib, vm["top"].as<std::string>());
    const TimingReport r = longest_paths(nl, lib, opt);
    std::cout << "netlist " << vm["netlist"].as<std::string>() << ": top " << nl.top << ", " << r.cells << " cells\n";
    print_path("register to register", r.reg_to_reg, vm["steps"].as<bool>());
    print_path("any (with top-level inputs and outputs)", r.any, vm["steps"].as<bool>());
    print_path("clock to a top-level output", r.out_launch, vm["steps"].as<bool>());
    print_path("top-level input to output (input arrival subtracted)", r.in_to_out, vm["steps"].as<bool>());
    if (endpoints > 0) {
        std::cout << "register groups by their longest incoming path (" << r.by_endpoint.size() << " groups, "
                  << std::min<size_t>(static_cast<size_t>(endpoints), r.by_endpoint.size()) << " shown):\n";
        for (size_t i = 0; i < r.by_endpoint.size() && i < static_cast<size_t>(endpoints); ++i) {
            const CriticalPath& p = r.by_endpoint[i];
            std::cout << "  " << std::fixed << std::setprecision(3) << std::setw(8) << p.ns << " ns  "
                      << endpoint_group(p.end) << "  from " << p.start_kind << " " << p.start << "  ("
                      << p.makeup.text() << ")\n";
        }
    }
    if (vm.count("csv")) {
        const CriticalPath& p = r.reg_to_reg;
        std::cout << vm["csv"].as<std::string>() << "," << ns_or_empty(p) << "," << ns_or_empty(r.any) << ","
                  << ns_or_empty(r.out_launch) << "," << ns_or_empty(r.in_to_out) << "," << p.start << "," << p.end
                  << "," << p.makeup.lut_levels << "," << chains(p.makeup) << "," << p.makeup.multipliers << ","
                  << p.makeup.memory_reads << "\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const po::error& e) {
        std::cerr << "mgpt-sta: " << mgpt::option_error_message(e) << " (see --help)\n";
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "mgpt-sta: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "mgpt-sta: " << e.what() << "\n";
        return 1;
    }
}
