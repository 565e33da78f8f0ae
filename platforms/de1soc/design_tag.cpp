#include "design_tag.hpp"

#include <string>

#include "common/fnv1a.hpp"

namespace mgpt::de1soc {

uint32_t design_tag(const arch::DesignPoint& d, const QWeights& w) {
    uint32_t h = fnv1a32(arch::to_short_string(d));
    for (const auto& m : w.m)
        for (int16_t v : m.v) {
            const unsigned char le[2] = {static_cast<unsigned char>(v & 0xFF),
                                         static_cast<unsigned char>((v >> 8) & 0xFF)};  // little-endian
            h = fnv1a32(le, sizeof le, h);
        }
    return h & 0x7FFFFFFFu;  // 31 bits: a positive integer wherever it is written (Quartus set_parameter, Verilog -G)
}

}  // namespace mgpt::de1soc
