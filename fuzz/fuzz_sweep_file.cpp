// explorer::load_sweep: a sweep file (key = value lists, [workload] and
// [device] sections). Its baseline design file is resolved relative to the
// sweep and loaded too; inputs that may name special files (/dev, /proc, /sys, "..") are skipped.
#include "explorer/sweep.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (fuzz::names_special_files(data, size)) return 0;
    static const bool fixtures = [] {
        // a baseline the inputs can name relative to the sweep (baseline = baseline.cfg)
        fuzz::write_scratch("baseline.cfg", fuzz::read_source_file("configs/designs/baseline.cfg"));
        return true;
    }();
    (void)fixtures;
    const std::string path = fuzz::write_scratch("sweep.cfg", data, size);
    fuzz::parse_or_reject(path, [&] { (void)explorer::load_sweep(path); });
    return 0;
}
