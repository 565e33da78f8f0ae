// Bit fields of a Verilated model's ports, whatever C++ type Verilator gave
// the port (CData/SData/IData/QData up to 64 bits, VlWide<N> above): a
// multi-slot core packs slot s's field of W bits at [W*s +: W] of each port
// (one slot: the whole port). Shared by every harness that drives the core's
// pins (cosim/core_clock.hpp, cosim/verilated_slot_core.hpp, tests/rtl_slots).
#pragma once
#include <cstdint>
#include <type_traits>

#include "model/golden_step.hpp"
#include "verilated.h"

namespace mgpt::cosim {

template <class T, std::enable_if_t<std::is_integral<T>::value, int> = 0>
uint32_t get_field(const T& port, int lsb, int width) {
    return static_cast<uint32_t>((static_cast<uint64_t>(port) >> lsb) & ((uint64_t{1} << width) - 1));
}

template <class T, std::enable_if_t<std::is_integral<T>::value, int> = 0>
void set_field(T& port, int lsb, int width, uint32_t value) {
    const uint64_t mask = ((uint64_t{1} << width) - 1) << lsb;
    port = static_cast<T>((static_cast<uint64_t>(port) & ~mask) | ((static_cast<uint64_t>(value) << lsb) & mask));
}

template <std::size_t N>
uint32_t get_field(const VlWide<N>& port, int lsb, int width) {
    uint32_t v = 0;
    for (int b = 0; b < width; ++b) v |= ((port.data()[(lsb + b) / 32] >> ((lsb + b) % 32)) & 1u) << b;
    return v;
}

template <std::size_t N>
void set_field(VlWide<N>& port, int lsb, int width, uint32_t value) {
    for (int b = 0; b < width; ++b) {
        WData& w = port.data()[(lsb + b) / 32];
        const uint32_t bit = 1u << ((lsb + b) % 32);
        w = ((value >> b) & 1u) ? (w | bit) : (w & ~bit);
    }
}

// Slot s's step inputs on the core's ports and its start raised: the next
// rising edge samples them (while the slot is idle or in its DONE cycle).
template <class Model>
void post_start(Model& m, int s, const golden::StepRequest& req) {
    set_field(m.token_in, 5 * s, 5, static_cast<uint32_t>(req.token));
    set_field(m.pos, 4 * s, 4, static_cast<uint32_t>(req.pos));
    set_field(m.rng_in, 32 * s, 32, req.rng_in);
    set_field(m.greedy, s, 1, req.greedy ? 1u : 0u);
    set_field(m.temperature, 16 * s, 16, req.temperature);
    set_field(m.start, s, 1, 1u);
}

}  // namespace mgpt::cosim
