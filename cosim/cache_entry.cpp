#include "cache_entry.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "file_hash.hpp"
#include "model/weights.hpp"

namespace fs = std::filesystem;

namespace mgpt::cosim {

namespace {

constexpr const char* kManifest = "manifest";
constexpr const char* kCMakeCache = "build/CMakeCache.txt";

// A file of the entry as the manifest records it (named by its path in the entry).
std::string entry_file_hash(const std::string& dir, const std::string& name) {
    return hex16(hash_files({{name, fs::path(dir) / name}}));
}

// name -> hash; nullopt when there is no manifest.
std::optional<std::map<std::string, std::string>> read_manifest(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::map<std::string, std::string> recorded;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t space = line.find(' ');
        if (space != std::string::npos) recorded[line.substr(space + 1)] = line.substr(0, space);
    }
    return recorded;
}

}  // namespace

std::vector<std::string> sync_rom_files(const std::string& staging, const std::string& rom_dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(staging)) names.insert(e.path().filename().string());
    if (!fs::exists(fs::symlink_status(rom_dir))) {
        fs::create_directories(fs::path(rom_dir).parent_path());
        fs::rename(staging, rom_dir);
        return {names.begin(), names.end()};
    }
    for (const auto& e : fs::directory_iterator(rom_dir)) names.insert(e.path().filename().string());
    std::vector<std::string> differ;
    for (const auto& name : names) {
        const fs::path want = fs::path(staging) / name, have = fs::path(rom_dir) / name;
        if (!fs::exists(want)) {
            fs::remove_all(have);
        } else if (!fs::is_regular_file(have) || read_bytes(have) != read_bytes(want)) {
            fs::rename(want, have);
        } else {
            continue;
        }
        differ.push_back(name);
    }
    fs::remove_all(staging);
    return differ;
}

std::vector<std::string> drop_damaged_build(const std::string& dir, const std::string& executable) {
    const fs::path build = fs::path(dir) / "build";
    const auto recorded = read_manifest(dir + "/" + kManifest);
    fs::remove(dir + "/" + kManifest);
    const std::string driver = "build/" + executable;
    if (!fs::exists(build)) return {};
    if (!recorded) {
        fs::remove(fs::path(dir) / driver);
        return {};
    }
    const auto differs = [&](const std::string& name) {
        const auto it = recorded->find(name);
        return it == recorded->end() || it->second != entry_file_hash(dir, name);
    };
    std::vector<std::string> damage;
    for (const std::string& name : {std::string(kCMakeCache), driver})
        if (differs(name)) damage.push_back(name + " is not the file recorded when it was built");
    if (differs(kCMakeCache))
        fs::remove_all(build);
    else if (!damage.empty())
        fs::remove(fs::path(dir) / driver);
    return damage;
}

void record_build(const std::string& dir, const std::string& executable) {
    std::string text =
        "# microgpt-dse RTL cache entry: FNV-1a hashes of its build, recorded when the build completed;\n"
        "# checked before every use (cosim/cache_entry.hpp)\n";
    for (const std::string& name : {std::string(kCMakeCache), "build/" + executable})
        text += entry_file_hash(dir, name) + " " + name + "\n";
    write_file_atomically(dir + "/" + kManifest, text);
}

}  // namespace mgpt::cosim
