#include "reference_fits.hpp"

#include <cmath>
#include <stdexcept>

#include "fmax_model.hpp"
#include "resource_model.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

const std::vector<ReferenceBuild>& reference_builds() {
    static const std::vector<ReferenceBuild> b = [] {
        arch::DesignPoint base;  // the defaults are the baseline (configs/designs/baseline.cfg)
        base.name = "reference_16_lane";
        arch::DesignPoint four = base;
        four.name = "reference_4_lane";
        four.lanes = 4;
        four.norm_radix_bits = 32;  // combinational square root and division
        four.div_radix_bits = 32;   // one combinational attention divider
        four.attn_dividers = 1;
        four.pll_mhz = 12.5;
        return std::vector<ReferenceBuild>{
            {"16-lane (baseline)", base, 25851, 18509, 38, 1000.0 / 56.25 - 1.692,
             "Quartus 18.1 Lite fit, 56.25 MHz, slow-corner slack +1.692 ns"},
            {"4-lane, combinational divide/sqrt", four, 15808, 15427, 10, 1000.0 / 13.22,
             "Quartus 18.1 Lite fit, slow-corner Fmax 13.22 MHz"}};
    }();
    return b;
}

const MappingAnchor& mapping_anchor() {
    static const MappingAnchor a{reference_builds()[0].critical_path_ns, 18.409,
                                 "the baseline's tile, rtl/synth/results/timing/baseline.tile.txt (RTL of commit 2c3c763)"};
    return a;
}

void check_quartus_factor(const std::string& what, double factor, const std::string& why) {
    if (std::isfinite(factor) && factor >= kMinQuartusFactor && factor <= kMaxQuartusFactor) return;
    throw std::runtime_error(what + " = " + (std::isfinite(factor) ? fixed_decimals(factor, 6) : std::string("not finite")) +
                             ": outside " + fixed_decimals(kMinQuartusFactor, 1) + " .. " +
                             fixed_decimals(kMaxQuartusFactor, 1) + " (" + why +
                             "): the fit is degenerate; check the measurements it was fitted to");
}

Calibration fit_to_reference(const Calibration& prior, std::vector<std::string>* notes) {
    const std::string source = "model (calibrated to Quartus reference fit)";
    const auto& refs = reference_builds();
    Calibration c = prior;
    // The yosys-to-Quartus factors of ALMs and of registers, from the baseline:
    // the one build whose design point is this RTL's (the 4-lane build's
    // combinational engines are only approximated by radix-32 ones, so it is the
    // out-of-sample check, not a fitting point).
    const std::pair<Metric, double ReferenceBuild::*> figures[] = {{Metric::alms, &ReferenceBuild::alms},
                                                                   {Metric::registers, &ReferenceBuild::registers}};
    for (const auto& [metric, field] : figures) {
        const double model = estimate_group(refs[0].design, c, metric, "total");
        const std::string name = std::string(kQuartusCorrection) + "," + metric_name(metric);
        if (!std::isfinite(model) || model < 1)
            throw std::runtime_error(name + ": the model's yosys-equivalent " + metric_name(metric) + " of the " +
                                     refs[0].name + " reference build are " + fixed_decimals(model, 6) +
                                     ": its fitted coefficients are degenerate (all-zero measurements?), nothing to "
                                     "scale to Quartus' " + fixed_decimals(refs[0].*field, 0));
        const double k = refs[0].*field / model;
        check_quartus_factor(name, k, "Quartus " + fixed_decimals(refs[0].*field, 0) + " over the model's " +
                                          fixed_decimals(model, 1) + " for the " + refs[0].name + " build");
        c.set(kQuartusCorrection, metric_name(metric), k, source);
        if (notes) {
            std::string line = std::string(metric_name(metric)) + ": Quartus = " + fixed_decimals(k, 4) + " x yosys-equivalent model;";
            for (const auto& r : refs) {
                const double model = k * estimate_group(r.design, c, metric, "total");
                line += " " + r.name + " " + fixed_decimals(model, 0) + " vs " + fixed_decimals(r.*field, 0) + " (" +
                        signed_percent((model - r.*field) / (r.*field)) + ");";
            }
            notes->push_back(line);
        }
    }

    // Fmax: the mapping factor is fitted to the baseline with the structural
    // paths (structural_paths.hpp); the 4-lane build is an out-of-sample check.
    if (notes)
        for (const auto& r : refs) {
            const auto e = estimate_fmax(r.design, c);
            notes->push_back("fmax: " + r.name + ": model " + fixed_decimals(e.fmax_mhz, 2) + " MHz (" + e.critical +
                             ") vs Quartus " + fixed_decimals(1000.0 / r.critical_path_ns, 2) + " MHz (" +
                             signed_percent((e.fmax_mhz - 1000.0 / r.critical_path_ns) / (1000.0 / r.critical_path_ns)) +
                             ")");
        }
    return c;
}

}  // namespace mgpt::explorer
