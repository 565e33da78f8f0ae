// explorer::load_model_calibration: the models' coefficients
// (explorer/calibration.csv, `explore --calibration`). A loaded calibration
// writes (to_csv, what `calibrate` writes) and reads back with the same hash.
#include "explorer/model_calibration.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("calibration.csv", data, size);
    explorer::Calibration c;
    if (!fuzz::parse_or_reject(path, [&] { c = explorer::load_model_calibration(path); })) return 0;
    const std::string again = fuzz::write_scratch("again.csv", c.to_csv("written by the fuzzer"));
    explorer::Calibration back;
    if (!fuzz::parse_or_reject(again, [&] { back = explorer::load_model_calibration(again); }) ||
        back.hash() != c.hash())
        fuzz::contract_broken(again, "a different calibration", "to_csv does not read back as the same coefficients");
    return 0;
}
