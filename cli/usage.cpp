#include "usage.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace mgpt::cli {

bool parse_or_help(const std::string& command, const std::string& synopsis, const Args& args,
                   const po::options_description& desc, po::variables_map& vm) {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    if (vm.count("help")) {
        std::cout << "usage: microgpt-dse " << command << " " << synopsis << "\n\n" << desc << "\n";
        return false;
    }
    po::notify(vm);
    return true;
}

int run_guarded(const std::string& program, const std::function<int()>& body) {
    try {
        return body();
    } catch (const UsageError& e) {
        std::cerr << program << ": " << e.what() << "\n";
        return 2;
    } catch (const po::error& e) {
        std::cerr << program << ": " << e.what() << " (see --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << program << ": error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace mgpt::cli
