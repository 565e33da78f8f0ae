// Where the data the repository ships lives: $MGPT_DATA_DIR, else the tree's
// data/ (mgpt::data_dir, common/source_tree).
#pragma once
#include <string>

namespace mgpt::cli {

std::string default_weights_dir();  // data/weights
std::string default_names_file();   // data/names.txt

}  // namespace mgpt::cli
