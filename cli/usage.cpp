#include "usage.hpp"

#include <iostream>

#include "common/option_error.hpp"
#include "common/printable.hpp"

namespace po = boost::program_options;

namespace mgpt::cli {

namespace {

// The message for a word given without an option: boost would drop it
// silently (`simulate x.cfg` simulating the baseline). Names the option the
// user probably meant.
std::string unexpected_argument(const std::string& command, const std::string& word,
                                const po::options_description& desc) {
    std::string hint;
    const bool cfg = word.size() > 4 && word.compare(word.size() - 4, 4, ".cfg") == 0;
    if (cfg && desc.find_nothrow("design", false)) hint = "--design " + word;
    else if (cfg && desc.find_nothrow("sweep", false)) hint = "--sweep " + word;
    else if (word.find('=') != std::string::npos && desc.find_nothrow("set", false)) hint = "--set " + word;
    return "unexpected argument '" + printable(word) + "': " + command + " takes options only" +
           (hint.empty() ? " (see --help)" : "; did you mean " + printable(hint) + "?");
}

}  // namespace

bool parse_or_help(const std::string& command, const std::string& synopsis, const Args& args,
                   const po::options_description& desc, po::variables_map& vm) {
    const po::parsed_options parsed = po::command_line_parser(args).options(desc).run();
    for (const auto& o : parsed.options)
        if (o.position_key >= 0 && !o.value.empty()) throw UsageError(unexpected_argument(command, o.value.front(), desc));
    po::store(parsed, vm);
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
        std::cerr << program << ": " << option_error_message(e) << " (see --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << program << ": error: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace mgpt::cli
