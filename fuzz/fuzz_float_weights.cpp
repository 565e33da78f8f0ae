// load_float_file: weights_f32.bin, 4,192 little-endian float32. A loaded
// set saves (save_float_file) and reads back bit for bit.
#include "harness_support.hpp"
#include "model/weights.hpp"

#include <cstring>

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch(kFloatFile, data, size);
    FWeights w;
    if (!fuzz::parse_or_reject(path, [&] { w = load_float_file(path); })) return 0;
    const std::string again = fuzz::scratch_dir() + "/again_f32.bin";
    save_float_file(w, again);
    FWeights r;
    if (!fuzz::parse_or_reject(again, [&] { r = load_float_file(again); })) return 0;
    for (int i = 0; i < kMatrixCount; ++i)
        if (std::memcmp(w.m[i].v.data(), r.m[i].v.data(), w.m[i].v.size() * sizeof(float)) != 0)
            fuzz::contract_broken(again, "different weights", "save_float_file does not read back bit for bit");
    return 0;
}
