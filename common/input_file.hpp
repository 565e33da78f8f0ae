// Opening a file the user named for reading. A folder opens as an empty
// stream on Linux, which a loader would take for an empty file (a design file
// with every key at its default, a sweep with the default axes): it is refused
// here, naming the path, before any loader sees it.
#pragma once
#include <fstream>
#include <string>

namespace mgpt {

// Opens `path`; `what` names the kind of file in messages ("design file").
// Throws std::runtime_error "PATH: is a folder, not a design file" or
// "PATH: cannot open design file: REASON".
std::ifstream open_input_file(const std::string& path, const std::string& what,
                              std::ios::openmode mode = std::ios::in);

}  // namespace mgpt
