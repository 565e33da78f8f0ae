#include "fpga_design_tag.hpp"

#include <string>

namespace mgpt::app {

uint32_t design_tag(const arch::DesignPoint& d, const QWeights& w) {
    uint32_t h = 2166136261u;
    auto mix = [&h](unsigned char c) { h = (h ^ c) * 16777619u; };
    for (char c : arch::to_short_string(d)) mix(static_cast<unsigned char>(c));
    for (const auto& m : w.m)
        for (int16_t v : m.v) {
            mix(static_cast<unsigned char>(v & 0xFF));
            mix(static_cast<unsigned char>((v >> 8) & 0xFF));
        }
    return h & 0x7FFFFFFFu;  // 31 bits: a positive integer wherever it is written (Quartus set_parameter, Verilog -G)
}

}  // namespace mgpt::app
