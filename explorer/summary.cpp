#include "summary.hpp"

#include "text_util.hpp"

namespace mgpt::explorer {

SummaryTable summary_table(const RunDigest& digest) {
    SummaryTable t;
    t.header = {"point", "tokens/s", "cycles/token", "f MHz", "Fmax MHz", "slack ns", "ALMs", "registers",
                "DSP", "M10K", "MLABs", "fits", "timing"};
    auto add = [&](const std::string& label, const PointRow& r) {
        t.rows.push_back({label, thousands(r.tokens_per_s), fixed_decimals(r.cycles_per_token, 1),
                          fixed_decimals(r.f_mhz, 3), fixed_decimals(r.fmax_mhz, 1), fixed_decimals(r.slack_ns, 2),
                          thousands(static_cast<double>(r.alms)), thousands(static_cast<double>(r.registers)),
                          std::to_string(r.dsp), std::to_string(r.m10k), std::to_string(r.mlabs),
                          r.fits ? "yes" : "no (" + r.over_limits + ")", r.meets_timing ? "met" : "missed"});
        const std::string sources = "tokens/s, cycles/token [" + r.cycles_source +
                                    " cycles x PLL-model clock]; f [PLL model]; ALMs, registers, DSP, M10K, MLABs [" +
                                    r.resource_source + "]; Fmax, slack [" + r.fmax_source + "]";
        // one line of sources, and one per row whose sources differ (a point with several slots)
        if (t.sources.empty()) t.sources = "sources: " + sources;
        else if (t.sources.find(sources) == std::string::npos) t.sources += "\nsources of " + label + ": " + sources;
    };
    if (digest.baseline()) add("baseline #0", *digest.baseline());
    if (digest.best()) add("best #" + std::to_string(digest.best()->index), *digest.best());
    return t;
}

}  // namespace mgpt::explorer
