// A folder a command writes its outputs into must be new, empty, or the
// command's own earlier output (it holds one of the command's marker files):
// never a folder of the user's. Shared by `fpga --out` and the explorer's
// `explore --out` / `merge --out`, which each say what they would overwrite.
#pragma once
#include <string>
#include <vector>

namespace mgpt {

// "" when `dir` does not exist, is empty or holds one of `markers`; otherwise
// its entries, sorted, the first four named ("a, b, c, d, ... (9 entries)").
// Throws std::invalid_argument when `dir` exists and is not a folder, or
// cannot be listed.
std::string foreign_folder_contents(const std::string& dir, const std::vector<std::string>& markers);

}  // namespace mgpt
