// explorer::load_model_calibration: the models' coefficients
// (explorer/calibration.csv, `explore --calibration`). What to_csv writes (as
// `calibrate` does) loads, and is a fixed point: written and read again, it
// has the same hash. (Not the loaded file's hash: to_csv keeps 8 significant
// digits, the hash 9.)
#include "explorer/model_calibration.hpp"
#include "harness_support.hpp"

using namespace mgpt;

namespace {

explorer::Calibration write_and_read(const explorer::Calibration& c, const std::string& name) {
    const std::string path = fuzz::write_scratch(name, c.to_csv("written by the fuzzer"));
    explorer::Calibration back;
    if (!fuzz::parse_or_reject(path, [&] { back = explorer::load_model_calibration(path); }))
        fuzz::contract_broken(path, "a rejection", "what to_csv writes does not load");
    return back;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("calibration.csv", data, size);
    explorer::Calibration c;
    if (!fuzz::parse_or_reject(path, [&] { c = explorer::load_model_calibration(path); })) return 0;
    const explorer::Calibration once = write_and_read(c, "once.csv");
    if (write_and_read(once, "twice.csv").hash() != once.hash())
        fuzz::contract_broken(fuzz::scratch_dir() + "/twice.csv", "a different calibration",
                              "to_csv does not read back as the same coefficients");
    return 0;
}
