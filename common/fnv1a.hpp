// FNV-1a: the project's one stable hash (std::hash is neither stable across
// compilers nor across runs). 64-bit for the explorer's sweep and calibration
// identities and the RTL cache keys, 32-bit for the DE1-SoC DESIGN_TAG.
// Each function continues a hash from `h`, so a hash can be built over
// several pieces.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace mgpt {

constexpr uint64_t kFnv1a64Offset = 14695981039346656037ull;  // 0xcbf29ce484222325
constexpr uint64_t kFnv1a64Prime = 1099511628211ull;          // 0x100000001b3
constexpr uint32_t kFnv1a32Offset = 2166136261u;
constexpr uint32_t kFnv1a32Prime = 16777619u;

inline uint64_t fnv1a64(const void* data, size_t n, uint64_t h = kFnv1a64Offset) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * kFnv1a64Prime;
    return h;
}
inline uint64_t fnv1a64(const std::string& s, uint64_t h = kFnv1a64Offset) { return fnv1a64(s.data(), s.size(), h); }

inline uint32_t fnv1a32(const void* data, size_t n, uint32_t h = kFnv1a32Offset) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * kFnv1a32Prime;
    return h;
}
inline uint32_t fnv1a32(const std::string& s, uint32_t h = kFnv1a32Offset) { return fnv1a32(s.data(), s.size(), h); }

}  // namespace mgpt
