#include "fmax_model.hpp"

#include <algorithm>
#include <cmath>

#include "arch/microarch.hpp"
#include "resource_model.hpp"
#include "weight_streams.hpp"

namespace mgpt::explorer {

namespace {

const std::vector<std::pair<std::string, std::string>>& parameters() {
    static const std::vector<std::pair<std::string, std::string>> p = {
        {"clock_overhead", "delay_ns"},    {"lut_level", "delay_ns"},        {"carry_entry", "delay_ns"},
        {"carry_bit", "delay_ns"},         {"fanout_doubling", "delay_ns"},  {"dsp_multiplier", "delay_ns"},
        {"m10k_clock_to_out", "delay_ns"}, {"routing_factor", "factor"},     {"tile_routing", "delay_ns"},
        {"m10k_block", "fmax_mhz"},        {"dsp_block", "fmax_mhz"}};
    return p;
}

struct Delays {
    double clock, lut, carry_entry, carry_bit, fanout, dsp, m10k_tco;
    explicit Delays(const Calibration& c)
        : clock(c.get("clock_overhead", "delay_ns")),
          lut(c.get("lut_level", "delay_ns")),
          carry_entry(c.get("carry_entry", "delay_ns")),
          carry_bit(c.get("carry_bit", "delay_ns")),
          fanout(c.get("fanout_doubling", "delay_ns")),
          dsp(c.get("dsp_multiplier", "delay_ns")),
          m10k_tco(c.get("m10k_clock_to_out", "delay_ns")) {}
    double adder(int bits) const { return carry_entry + bits * carry_bit; }
    // one restoring step: compare-subtract on the carry chain, then the select LUT
    double stage(int bits) const { return adder(bits) + lut; }
    double spread(int fanout_count) const { return fanout * std::log2(std::max(1, fanout_count)); }
};

bool m10k_weights(const arch::DesignPoint& d) { return d.weight_memory == arch::WeightMemory::m10k; }

// LUT levels between a weight source and its consumer: the ROM's own depth
// (logic) or the bank-port routing plus the buffer select (M10K).
int source_levels(const arch::DesignPoint& d, const StreamShape& s) {
    if (!m10k_weights(d)) {
        const bool pow2 = (s.words_per_step & (s.words_per_step - 1)) == 0;
        return rom_levels(pow2 ? s.words / s.words_per_step : s.words);
    }
    const int sources = s.words_per_step % d.weight_banks == 0 ? 1 : d.weight_banks * d.bram_ports;
    return mux_levels(sources) + (s.beats > 1 ? 1 : 0);
}

}  // namespace

std::vector<PathTerms> path_terms(const arch::DesignPoint& d, const Calibration& c) {
    const Delays t(c);
    const auto streams = stream_shapes(d);
    const bool wm = m10k_weights(d);
    const double source_fixed = t.clock + (wm ? t.m10k_tco : 0);
    std::vector<PathTerms> p;

    // Tile: weight source -> matrix select (8:1, 2 levels) -> DSP multiply ->
    // product tree (log2 C adders) -> 64-bit accumulate; x and the weights fan
    // out to every product.
    int tile_levels = 0;
    for (const auto& s : streams)
        if (s.matrix != Matrix::wte && s.matrix != Matrix::wpe) tile_levels = std::max(tile_levels, source_levels(d, s));
    const int products = d.lanes * d.cols_per_cycle;
    const int tree = static_cast<int>(std::ceil(std::log2(d.cols_per_cycle)));
    p.push_back({"tile", source_fixed + t.dsp,
                 (tile_levels + 2) * t.lut + t.spread(products) + tree * t.adder(36) + t.adder(64), 1});

    // Write-back: accumulator -> Q4.12 shift and saturate (3 levels) -> any lane
    // into any destination row (L:1) -> register.
    p.push_back({"writeback", t.clock, (3 + mux_levels(d.lanes)) * t.lut + t.spread(d.lanes), 0});

    // Load: wte + wpe (16-bit add) -> square (DSP) -> 64-bit sum of squares.
    const int embed_levels = std::max(source_levels(d, streams[static_cast<int>(Matrix::wte)]),
                                      source_levels(d, streams[static_cast<int>(Matrix::wpe)]));
    p.push_back({"load", source_fixed + t.dsp, embed_levels * t.lut + t.adder(16) + t.adder(64), 0});

    // Scale and residual passes: element select (16/V:1) -> multiply by the
    // scale (DSP) -> saturate (2 levels) -> residual add.
    p.push_back({"vector", t.clock + t.dsp,
                 (mux_levels(kEmbd / d.vector_lanes) + 2) * t.lut + t.adder(16) + t.spread(d.vector_lanes), 0});

    // Attention: cached K row (64:1 register mux or M10K) -> 4-wide dot (DSP +
    // two adders) -> score select.
    const bool kv_m10k = d.kv_memory == arch::KvMemory::m10k;
    p.push_back({"attention", t.clock + (kv_m10k ? t.m10k_tco : 0) + t.dsp,
                 (kv_m10k ? 0 : mux_levels(kHeads * kContext)) * t.lut + t.adder(34) + t.adder(36) + t.lut, 0});

    // RMS engine: R cascaded restoring steps per cycle (34-bit compare-subtract each).
    p.push_back({"rms_engine", t.clock, std::min(d.norm_radix_bits, arch::kSqrtResultBits) * t.stage(34), 0});

    // Dividers: r cascaded steps, then negation and 16-bit saturation on the last.
    p.push_back({"divider", t.clock,
                 std::min(d.div_radix_bits, arch::kAttnQuotientBits) * t.stage(34) + t.adder(64) + 2 * t.lut, 0});

    // Sampler (rtl/mgpt_sampler.sv): sequential = a whole weight in one cycle
    // (difference, negate and round, table lookup, interpolation: 4 adders, 3
    // LUT levels) plus the running total; parallel = one part per cycle, the
    // longest the interpolation (3 adders and a select), then one 32-bit adder
    // per prefix-tree level, a compare and a priority encode.
    if (d.sampler == arch::SamplerKind::sequential)
        p.push_back({"sampler", t.clock, 5 * t.adder(32) + 4 * t.lut, 0});
    else
        p.push_back({"sampler", t.clock, 3 * t.adder(32) + 2 * t.lut, 0});

    // Argmax: one 16-bit compare and select per cycle (sequential or one tree level).
    p.push_back({"argmax", t.clock,
                 t.adder(16) + t.lut + (d.argmax == arch::ArgmaxKind::tree ? t.spread(kVocab) : 0.0), 0});

    p.push_back({"controller", t.clock, 5 * t.lut, 0});

    // Hard blocks: their own maximum clock.
    if (wm || kv_m10k) p.push_back({"m10k_block", 1000.0 / c.get("m10k_block", "fmax_mhz"), 0, 0});
    p.push_back({"dsp_block", 1000.0 / c.get("dsp_block", "fmax_mhz"), 0, 0});
    return p;
}

FmaxEstimate estimate_fmax(const arch::DesignPoint& d, const Calibration& c) {
    const double factor = c.get("routing_factor", "factor"), tile_routing = c.get("tile_routing", "delay_ns");
    FmaxEstimate e;
    for (const auto& p : path_terms(d, c)) {
        const double ns = p.fixed_ns + factor * p.scaled_ns + tile_routing * p.tile_routes;
        e.paths.push_back({p.family, ns});
        if (ns > e.critical_ns) {
            e.critical_ns = ns;
            e.critical = p.family;
        }
    }
    e.fmax_mhz = 1000.0 / e.critical_ns;
    return e;
}

void add_fmax_schema(CoefficientSchema& schema) {
    for (const auto& [component, metric] : parameters()) {
        schema.required.emplace_back(component, metric);
        schema.allowed.push_back({component, {metric}});
    }
}

}  // namespace mgpt::explorer
