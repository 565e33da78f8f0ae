// Locations of the data the repository ships.
#include <cstdlib>

#include "commands.hpp"

namespace mgpt::app {

std::string data_dir() {
    if (const char* env = std::getenv("MGPT_DATA_DIR")) return env;
    return std::string(MGPT_SOURCE_DIR) + "/data";
}
std::string default_weights_dir() { return data_dir() + "/weights"; }
std::string default_names_file() { return data_dir() + "/names.txt"; }

}  // namespace mgpt::app
