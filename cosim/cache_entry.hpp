// One entry of the RTL cache (cosim/rtl_build_cache): a folder per RTL
// configuration and ROM contents holding rom/ (the ROM files, which the
// Verilated model reads when it starts: they are not compiled in),
// CMakeLists.txt (the driver project), rtl.stamp, build/ (CMake's build of the
// driver) and manifest: the hashes of the driver and of build/CMakeCache.txt,
// written atomically when a build completes. Nothing in an entry is trusted
// blindly: every use, under the entry's lock, compares rom/ with the design
// point's ROM files and build/ with the manifest, and repairs what differs.
#pragma once
#include <string>
#include <vector>

namespace mgpt::cosim {

// Makes rom_dir hold exactly the files of `staging`, then removes staging:
// when rom_dir is missing staging is moved in whole; otherwise each file that
// differs (edited, truncated, missing, or one too many) is replaced or
// removed, each by one rename or unlink, so a driver starting meanwhile reads
// whole files. Returns the names that differed (all when rom_dir was missing),
// in name order.
std::vector<std::string> sync_rom_files(const std::string& staging, const std::string& rom_dir);

// Before a build in dir/build: checks the driver (build/<executable>) and
// build/CMakeCache.txt against dir/manifest and removes what differs from it
// (the driver: it is relinked; CMakeCache.txt: the whole build folder, which is
// rebuilt). Returns one phrase per damaged file, empty when both match. An
// entry without a manifest (its build was interrupted, or it predates the
// manifest) cannot be checked: its driver is removed and relinked, silently.
// The manifest itself is removed: record_build writes it again.
std::vector<std::string> drop_damaged_build(const std::string& dir, const std::string& executable);

// After a successful build: writes dir/manifest (atomically) with the hashes of
// the driver and of build/CMakeCache.txt.
void record_build(const std::string& dir, const std::string& executable);

}  // namespace mgpt::cosim
