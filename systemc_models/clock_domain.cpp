#include "clock_domain.hpp"

namespace mgpt::tlm_model {

ClockDomain::ClockDomain(double requested_mhz)
    : pll(arch::solve_pll(requested_mhz)), period(1e3 / pll.f_out_mhz, sc_core::SC_NS) {}

}  // namespace mgpt::tlm_model
