// load_rom_dir: a Q4.12 ROM set, nine $readmemh files. The first input byte
// picks the file the rest of the input replaces; the other eight are the
// shipped weights (data/weights), so every file's checks are reached.
#include "harness_support.hpp"
#include "model/weights.hpp"

#include <array>

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::array<std::string, kMatrixCount> shipped = [] {
        std::array<std::string, kMatrixCount> text;
        for (int i = 0; i < kMatrixCount; ++i) {
            text[i] = fuzz::read_source_file(std::string("data/weights/") + kMatrices[i].rom_file);
            fuzz::write_scratch(std::string("rom/") + kMatrices[i].rom_file, text[i]);
        }
        return text;
    }();
    if (size == 0) return 0;
    const int which = data[0] % kMatrixCount;
    const std::string file = std::string("rom/") + kMatrices[which].rom_file;
    const std::string path = fuzz::write_scratch(file, data + 1, size - 1);
    fuzz::parse_or_reject(path, [&] { (void)load_rom_dir(fuzz::scratch_dir() + "/rom"); });
    fuzz::write_scratch(file, shipped[which]);  // the next input starts from the shipped set again
    return 0;
}
