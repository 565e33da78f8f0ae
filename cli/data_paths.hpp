// Where the data the repository ships lives: $MGPT_DATA_DIR, else the source
// tree's data/.
#pragma once
#include <string>

namespace mgpt::cli {

std::string data_dir();
std::string default_weights_dir();  // data/weights
std::string default_names_file();   // data/names.txt

}  // namespace mgpt::cli
