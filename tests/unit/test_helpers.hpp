// Shared test fixtures: where the shipped and the reference ROM sets live.
#pragma once
#include <cstdlib>
#include <string>
#include <sys/stat.h>

namespace mgpt::test {

inline bool path_exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}

// The published reference ROMs: $MGPT_REFERENCE_ROM, else the copy the
// repository ships (data/talos_v2_rom), else ../shared/reference/talos_v2_rom.
inline std::string reference_rom_dir() {
    if (const char* env = std::getenv("MGPT_REFERENCE_ROM")) return env;
    const std::string shipped = std::string(MGPT_SOURCE_DIR) + "/data/talos_v2_rom";
    if (path_exists(shipped + "/wte_q12.hex")) return shipped;
    return std::string(MGPT_SOURCE_DIR) + "/../shared/reference/talos_v2_rom";
}

inline std::string shipped_weights_dir() { return std::string(MGPT_SOURCE_DIR) + "/data/weights"; }

}  // namespace mgpt::test

// Tests that need the reference ROMs say SKIPPED loudly when they are absent.
#define REQUIRE_REFERENCE_ROMS(dir)                                                                    \
    do {                                                                                               \
        if (!mgpt::test::path_exists(std::string(dir) + "/wte_q12.hex")) {                             \
            WARN("SKIPPED: reference ROMs not found at " << (dir) << " (set MGPT_REFERENCE_ROM)");     \
            return;                                                                                    \
        }                                                                                              \
    } while (0)
