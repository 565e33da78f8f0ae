// Where the running program finds the tree it belongs to (configs/, data/,
// rtl/, explorer/calibration.csv, the structural timing) and its build folder
// (the RTL cache, mgpt-config.cmake). Nothing is compiled in as an absolute
// path: a copied or moved tree uses its own files and never reads or writes
// the tree it was built in. Every default path of the project derives from
// these functions.
#pragma once
#include <string>

namespace mgpt {

// The folder of the running executable (/proc/self/exe, symlinks resolved):
// for microgpt-dse and the benchmarks, the build folder.
std::string executable_dir();

// The tree: $MGPT_HOME when set (it must hold configs/designs/baseline.cfg,
// the file that marks a tree), else the nearest folder at or above
// executable_dir() that holds the marker itself or at the build folder's
// recorded relative path to its source tree (an out-of-tree build). Throws
// std::runtime_error naming where it looked when neither finds one. Resolved
// once per process.
std::string source_root();
// source_root() + "/" + relative.
std::string source_path(const std::string& relative);
// The data the tree ships: $MGPT_DATA_DIR, else source_path("data").
std::string data_dir();

}  // namespace mgpt
