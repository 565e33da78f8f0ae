// boost::program_options errors, worded without boost's what(): its
// placeholder substitution loops forever when the user's own text (a config
// line, a command-line argument) contains a placeholder such as
// %canonical_option% or %invalid_line%, because each replacement is searched
// again for the placeholder it just wrote. A fuzzer found the hang with a
// sweep-file line holding "%invalid_line%"; `--foo%original_token%` on any
// command line did the same.
#pragma once
#include <boost/program_options/errors.hpp>
#include <string>

namespace mgpt {

// The message what() would give, its placeholders substituted in one pass
// (text substituted in is never searched again) and the user's text passed
// through printable().
std::string option_error_message(const boost::program_options::error& e);

}  // namespace mgpt
