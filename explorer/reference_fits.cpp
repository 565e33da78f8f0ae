#include "reference_fits.hpp"

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
            {"16-lane (baseline)", base, 25851, 18509, 38, 1000.0 / 56.25 - 1.692, "tile",
             "Quartus 18.1 Lite fit, 56.25 MHz, slow-corner slack +1.692 ns"},
            {"4-lane, combinational divide/sqrt", four, 15808, 15427, 10, 1000.0 / 13.22, "divider",
             "Quartus 18.1 Lite fit, slow-corner Fmax 13.22 MHz"}};
    }();
    return b;
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
        const double k = refs[0].*field / estimate_group(refs[0].design, c, metric, "total");
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

    // Fmax: each path is fixed + routing_factor * scaled + tile_routing * routes.
    auto family = [&](const ReferenceBuild& r) {
        for (const auto& p : path_terms(r.design, c))
            if (p.family == r.critical_family) return p;
        throw std::logic_error("no path family " + r.critical_family);
    };
    const PathTerms comb = family(refs[1]);  // no tile routing term
    const double factor = (refs[1].critical_path_ns - comb.fixed_ns) / comb.scaled_ns;
    c.set("routing_factor", "factor", factor, source);
    const PathTerms tile = family(refs[0]);
    const double routing = refs[0].critical_path_ns - tile.fixed_ns - factor * tile.scaled_ns;
    c.set("tile_routing", "delay_ns", routing, source);
    if (notes) {
        notes->push_back("fmax: routing_factor = " + fixed_decimals(factor, 4) + " (4-lane divider path = " +
                         fixed_decimals(refs[1].critical_path_ns, 3) + " ns), tile_routing = " +
                         fixed_decimals(routing, 3) + " ns (baseline tile path = " +
                         fixed_decimals(refs[0].critical_path_ns, 3) + " ns)");
        for (const auto& r : refs) {
            const auto e = estimate_fmax(r.design, c);
            if (e.critical != r.critical_family)
                notes->push_back("warning: " + r.name + ": the model's longest path is " + e.critical + ", not " +
                                 r.critical_family + " (the anchor no longer pins the Fmax)");
        }
    }
    return c;
}

}  // namespace mgpt::explorer
