// Option errors worded without boost's what(), which loops forever on user
// text that holds one of its placeholders (fuzz/corpus/sweep_file/
// placeholder_line.cfg). Where the text holds none, boost's own what() is the
// reference the wording must equal.
#include <catch2/catch.hpp>

#include <sstream>
#include <boost/program_options.hpp>

#include "common/option_error.hpp"

namespace po = boost::program_options;

namespace {

// The error boost throws for `args` against one option --lanes.
template <class Error>
Error command_line_error(std::vector<std::string> args) {
    po::options_description desc;
    desc.add_options()("lanes", po::value<int>())("lanes-extra", po::value<int>());
    args.insert(args.begin(), "prog");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(static_cast<int>(argv.size()), argv.data(), desc), vm);
        po::notify(vm);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error thrown");
    throw;
}

template <class Error>
Error config_file_error(const std::string& text) {
    po::options_description desc;
    desc.add_options()("lanes", po::value<std::string>());
    std::istringstream in(text);
    po::variables_map vm;
    try {
        po::store(po::parse_config_file(in, desc, false), vm);
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error thrown");
    throw;
}

}  // namespace

TEST_CASE("option errors without placeholders read as boost words them", "[option_error]") {
    const auto unknown = command_line_error<po::unknown_option>({"--bogus"});
    CHECK(mgpt::option_error_message(unknown) == unknown.what());
    const auto bad_value = command_line_error<po::invalid_option_value>({"--lanes", "x3"});
    CHECK(mgpt::option_error_message(bad_value) == bad_value.what());
    const auto missing = command_line_error<po::invalid_command_line_syntax>({"--lanes"});
    CHECK(mgpt::option_error_message(missing) == missing.what());
    const auto line = config_file_error<po::invalid_config_file_syntax>("lanes 16\n");
    CHECK(mgpt::option_error_message(line) == line.what());
    const auto key = config_file_error<po::unknown_option>("frobs = 3\n");
    CHECK(mgpt::option_error_message(key) == key.what());
    const auto twice = config_file_error<po::multiple_occurrences>("lanes = 1\nlanes = 2\n");
    CHECK(mgpt::option_error_message(twice) == twice.what());
    const po::error plain("plain words");
    CHECK(mgpt::option_error_message(plain) == "plain words");
}

TEST_CASE("user text holding a placeholder is quoted once, not substituted again", "[option_error]") {
    // each of these made boost's what() loop forever
    for (const std::string arg : {"--foo%canonical_option%", "--foo%original_token%", "--foo%option%"}) {
        const auto e = command_line_error<po::unknown_option>({arg});
        CHECK(mgpt::option_error_message(e) == "unrecognised option '" + arg + "'");
    }
    const std::string line = "baan invalid i?e%nvalid %invalid_line%i?e%n lin";  // the fuzzer's input
    const auto e = config_file_error<po::invalid_config_file_syntax>(line + "\n");
    CHECK(mgpt::option_error_message(e) ==
          "the options configuration file contains an invalid line '" + line + "'");
}

TEST_CASE("binary bytes in an option error are escaped", "[option_error]") {
    const auto e = command_line_error<po::unknown_option>({std::string("--a\x01\xff")});
    CHECK(mgpt::option_error_message(e) == "unrecognised option '--a\\x01\\xff'");
}
