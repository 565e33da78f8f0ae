#include "data_paths.hpp"

#include "common/source_tree.hpp"

namespace mgpt::cli {

std::string default_weights_dir() { return data_dir() + "/weights"; }
std::string default_names_file() { return data_dir() + "/names.txt"; }

}  // namespace mgpt::cli
