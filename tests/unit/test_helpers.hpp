// Shared test fixtures: where the shipped and the reference ROM sets live.
#pragma once
#include <cstdlib>
#include <string>
#include <sys/stat.h>

#include "../test_skip.hpp"

namespace mgpt::test {

inline bool path_exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}

// The published reference ROMs: $MGPT_REFERENCE_ROM, else the copy the
// repository ships (data/talos_v2_rom); nothing outside the tree.
// A test that asks for them needs them: when they are not there, it is skipped
// (test_skip.hpp), so call this before doing anything else.
inline std::string reference_rom_dir() {
    const char* env = std::getenv("MGPT_REFERENCE_ROM");
    const std::string dir = env ? env : std::string(MGPT_SOURCE_DIR) + "/data/talos_v2_rom";
    if (!path_exists(dir + "/wte_q12.hex")) skip("reference ROMs not found at " + dir + " (set MGPT_REFERENCE_ROM)");
    return dir;
}

inline std::string shipped_weights_dir() { return std::string(MGPT_SOURCE_DIR) + "/data/weights"; }

}  // namespace mgpt::test

// Tests that need the reference ROMs are skipped when they are absent (reference_rom_dir() already skips).
#define REQUIRE_REFERENCE_ROMS(dir)                                                                          \
    do {                                                                                                     \
        if (!mgpt::test::path_exists(std::string(dir) + "/wte_q12.hex"))                                     \
            mgpt::test::skip("reference ROMs not found at " + std::string(dir) + " (set MGPT_REFERENCE_ROM)"); \
    } while (0)
