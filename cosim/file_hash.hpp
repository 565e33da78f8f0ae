// Reading and hashing (FNV-1a) the RTL cache's files: its keys, its RTL stamp
// and the manifest of its entries (cosim/rtl_build_cache, cosim/cache_entry).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mgpt::cosim {

// A file as a hash covers it: its name in the hash, and where it is.
struct NamedFile {
    std::string name;
    std::filesystem::path path;
};

// The whole file, or "" when it cannot be read.
std::string read_bytes(const std::filesystem::path& path);

// FNV-1a over files (each name, then its contents; a missing file hashes as
// empty), in the given order.
uint64_t hash_files(const std::vector<NamedFile>& files);
// Every file of a directory, by file name, in name order.
uint64_t hash_dir(const std::string& dir);
// 16 lower-case hex digits.
std::string hex16(uint64_t h);

}  // namespace mgpt::cosim
