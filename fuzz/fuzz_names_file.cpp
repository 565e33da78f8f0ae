// load_names: the training names, one lower-case a-z name per line. Every
// name loaded encodes (encode_name accepts exactly a-z).
#include "harness_support.hpp"
#include "model/dataset.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("names.txt", data, size);
    std::vector<std::string> names;
    if (!fuzz::parse_or_reject(path, [&] { names = load_names(path); })) return 0;
    try {
        (void)encode_names(names);
    } catch (const std::exception& e) {
        fuzz::contract_broken(path, "a name that does not encode", e.what());
    }
    return 0;
}
