// timing::JsonValue: the JSON reader of yosys' write_json netlists (mgpt-sta,
// rtl/synth/run_timing.sh). Read from a file as mgpt-sta does.
#include "harness_support.hpp"
#include "timing/json_value.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("netlist.json", data, size);
    fuzz::parse_or_reject(path, [&] { (void)timing::JsonValue::parse_file(path); });
    return 0;
}
