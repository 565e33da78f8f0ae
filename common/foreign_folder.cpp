#include "foreign_folder.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;

namespace mgpt {

std::string foreign_folder_contents(const std::string& dir, const std::vector<std::string>& markers) {
    std::error_code ec;
    const fs::file_status st = fs::status(dir, ec);
    if (!fs::exists(st)) return "";
    if (!fs::is_directory(st))
        throw std::invalid_argument("--out " + dir + " exists and is not a folder: give a new or empty folder");
    for (const auto& m : markers)
        if (fs::exists(fs::path(dir) / m, ec)) return "";
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir, ec)) found.push_back(e.path().filename().string());
    if (ec) throw std::invalid_argument("--out " + dir + ": cannot list the folder: " + ec.message());
    std::sort(found.begin(), found.end());
    std::string shown;
    for (size_t i = 0; i < found.size() && i < 4; ++i) shown += (i ? ", " : "") + found[i];
    if (found.size() > 4) shown += ", ... (" + std::to_string(found.size()) + " entries)";
    return shown;
}

}  // namespace mgpt
