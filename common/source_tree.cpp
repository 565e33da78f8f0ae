#include "source_tree.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace fs = std::filesystem;

namespace mgpt {

namespace {

// The file whose presence marks a microgpt-dse tree.
constexpr const char* kSourceTreeMarker = "configs/designs/baseline.cfg";

// Lexically normal, without a trailing separator ("tree/build/.." -> "tree").
fs::path tidy(const fs::path& dir) {
    fs::path p = dir.lexically_normal();
    return p.has_relative_path() && !p.has_filename() ? p.parent_path() : p;
}

bool holds_marker(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kSourceTreeMarker, ec);
}

std::string resolve_source_root() {
    if (const char* env = std::getenv("MGPT_HOME"); env && *env) {
        // absolute: the generated driver projects and the drivers run elsewhere
        const fs::path home = tidy(fs::absolute(env));
        if (!holds_marker(home))
            throw std::runtime_error("MGPT_HOME=" + std::string(env) + " is not a microgpt-dse tree (" +
                                     (home / kSourceTreeMarker).string() + " is missing)");
        return home.string();
    }
    // The build folder's path to its source tree, recorded when it was
    // configured (".." for the usual build/ inside the tree): relative, so it
    // moves with a copied tree.
    const fs::path to_source = MGPT_SOURCE_FROM_BUILD;
    const fs::path exe_dir = executable_dir();
    for (fs::path dir = exe_dir;; dir = dir.parent_path()) {
        if (holds_marker(dir)) return dir.string();
        if (!to_source.empty() && holds_marker(dir / to_source)) return tidy(dir / to_source).string();
        if (dir == dir.parent_path()) break;
    }
    throw std::runtime_error("cannot find the microgpt-dse tree of " + exe_dir.string() + " (no folder at or above it holds " +
                             kSourceTreeMarker + "): set MGPT_HOME to the tree");
}

}  // namespace

std::string executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw std::runtime_error("cannot read /proc/self/exe (" + ec.message() + "): set MGPT_HOME to the tree");
    return exe.parent_path().string();
}

std::string source_root() {
    static const std::string root = resolve_source_root();
    return root;
}

std::string source_path(const std::string& relative) { return source_root() + "/" + relative; }

std::string data_dir() {
    if (const char* env = std::getenv("MGPT_DATA_DIR"); env && *env) return env;
    return source_path("data");
}

}  // namespace mgpt
