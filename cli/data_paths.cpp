#include "data_paths.hpp"

#include <cstdlib>

namespace mgpt::cli {

std::string data_dir() {
    if (const char* env = std::getenv("MGPT_DATA_DIR")) return env;
    return std::string(MGPT_SOURCE_DIR) + "/data";
}
std::string default_weights_dir() { return data_dir() + "/weights"; }
std::string default_names_file() { return data_dir() + "/names.txt"; }

}  // namespace mgpt::cli
