// explorer::read_structural_timing: rtl/synth/run_timing.sh's
// structural_timing.csv (points/<point>.cfg beside it). A few of the
// calibration set's design points are there to be named; inputs that may
// name special files (/dev, /proc, /sys, "..") are skipped.
#include "explorer/structural_paths.hpp"
#include "harness_support.hpp"
#include "synth_points.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (fuzz::names_special_files(data, size)) return 0;
    static const bool fixtures = (fuzz::copy_synth_points(), true);
    (void)fixtures;
    const std::string path = fuzz::write_scratch("structural_timing.csv", data, size);
    fuzz::parse_or_reject(path, [&] { (void)explorer::read_structural_timing(path); });
    return 0;
}
