// What every program of the project shares on its command line: the argument
// list, usage errors, --help, and the one mapping from exceptions to exit
// codes (microgpt-dse, the co-simulation drivers, the benchmarks).
#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace mgpt::cli {

// Bad arguments: exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using Args = std::vector<std::string>;

// Parses args against desc; prints help and returns false on --help. A word that
// belongs to no option throws UsageError naming it (and --design/--sweep/--set
// when it looks like their value).
bool parse_or_help(const std::string& command, const std::string& synopsis, const Args& args,
                   const boost::program_options::options_description& desc,
                   boost::program_options::variables_map& vm);

// Runs body and returns its exit code; an exception becomes a message on stderr
// prefixed with `program` ("microgpt-dse cosim") and an exit code: UsageError and
// option errors 2, any other std::exception (bad input files, ...) 1.
int run_guarded(const std::string& program, const std::function<int()>& body);

}  // namespace mgpt::cli
