#include "output_options.hpp"

#include "common/output_file.hpp"
#include "usage.hpp"

namespace mgpt::cli {

std::string output_file_option(const boost::program_options::variables_map& vm, const std::string& option) {
    if (!vm.count(option)) return "";
    const std::string path = vm[option].as<std::string>();
    if (path.empty()) throw UsageError("--" + option + " needs a file name");
    OutputFile probe(path);  // throws naming the path; its temporary file is removed again
    return path;
}

}  // namespace mgpt::cli
