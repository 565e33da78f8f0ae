#include "file_hash.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "common/fnv1a.hpp"

namespace fs = std::filesystem;

namespace mgpt::cosim {

namespace {

// The cache keys' FNV-1a start value: 1469598103934665603, not the standard
// offset basis 14695981039346656037 (a digit was lost when the cache was
// introduced). Kept so that the keys, and the caches already built, stay valid.
constexpr uint64_t kCacheKeySeed = 1469598103934665603ull;

}  // namespace

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

uint64_t hash_files(const std::vector<NamedFile>& files) {
    uint64_t h = kCacheKeySeed;
    for (const auto& f : files) {
        h = fnv1a64(f.name, h);
        h = fnv1a64(read_bytes(f.path), h);
    }
    return h;
}

uint64_t hash_dir(const std::string& dir) {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(dir)) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::vector<NamedFile> files;
    for (const auto& p : paths) files.push_back({p.filename().string(), p});
    return hash_files(files);
}

std::string hex16(uint64_t h) {
    char text[32];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

}  // namespace mgpt::cosim
