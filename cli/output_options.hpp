// Output files named on the command line (--steps-csv FILE, --trace FILE),
// checked before any work is done, so a bad path fails at once instead of after
// a simulation (or, for a trace, crashing the SystemC kernel while it unwinds).
#pragma once
#include <string>

#include <boost/program_options.hpp>

namespace mgpt::cli {

// The temporary file a VCD writer is given ends in this: SystemC appends it to
// any name that does not. The user's file gets exactly the name given.
constexpr const char* kVcdExtension = ".vcd";

// The value of `option` ("" when absent), checked: the path must be writable,
// not a folder, in an existing folder (std::runtime_error naming it, exit 1);
// an empty name is a UsageError (exit 2). The check leaves nothing on disk
// (common/output_file.hpp).
std::string output_file_option(const boost::program_options::variables_map& vm, const std::string& option);

}  // namespace mgpt::cli
