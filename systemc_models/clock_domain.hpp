// The core clock as the models see it: the PLL's achieved frequency and period.
// cycles() is the one conversion between the TLM's two time scales, and it goes
// one way: models count cycles (the authority, protocol.hpp "Timing"), the
// controller turns them into simulated time; nothing turns time into cycles.
#pragma once
#include <systemc>

#include "arch/pll.hpp"

namespace mgpt::tlm_model {

struct ClockDomain {
    arch::PllSetting pll{};
    sc_core::sc_time period;
    explicit ClockDomain(double requested_mhz);
    sc_core::sc_time cycles(uint64_t n) const { return period * static_cast<double>(n); }
};

}  // namespace mgpt::tlm_model
