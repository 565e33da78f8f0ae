// Fmax of a design point: the longest register-to-register path over the
// component families the RTL instantiates (tile, write-back, load, vector,
// attention, RMS engine, dividers, sampler, argmax, controller) and the hard
// block limits (M10K, DSP). A path is built from LUT levels, carry chains,
// fanout and DSP delays whose coefficients live in the calibration file; two of
// them are fitted to the reference's published timing (reference_fits.hpp).
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "calibration.hpp"

namespace mgpt::explorer {

// A path's delay, linear in the two fitted coefficients:
// fixed + routing_factor * scaled + tile_routing * tile_routes.
struct PathTerms {
    std::string family;
    double fixed_ns = 0;
    double scaled_ns = 0;   // LUT levels, carry chains and fanout, before the routing factor
    double tile_routes = 0; // 1 for the tile's weight -> DSP -> accumulator path
};
std::vector<PathTerms> path_terms(const arch::DesignPoint& d, const Calibration& c);

struct PathDelay {
    std::string family;
    double ns;
};
struct FmaxEstimate {
    double fmax_mhz = 0;
    double critical_ns = 0;
    std::string critical;  // family of the longest path
    std::vector<PathDelay> paths;
};
FmaxEstimate estimate_fmax(const arch::DesignPoint& d, const Calibration& c);
// Setup slack at `f_mhz`: period - longest path (ns).
inline double slack_ns(const FmaxEstimate& e, double f_mhz) { return 1000.0 / f_mhz - e.critical_ns; }

// The Fmax model's part of the calibration schema.
void add_fmax_schema(CoefficientSchema& schema);

}  // namespace mgpt::explorer
