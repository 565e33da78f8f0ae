#include "resource_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "arch/microarch.hpp"
#include "weight_streams.hpp"

namespace mgpt::explorer {

using arch::ceil_div;

const char* metric_name(Metric m) { return kMetricNames[static_cast<int>(m)]; }

Metric parse_metric(const std::string& s) {
    for (int i = 0; i < kMetricCount; ++i)
        if (s == kMetricNames[i]) return static_cast<Metric>(i);
    throw std::invalid_argument("metric '" + s + "' is not legal (legal: alms, registers, dsp, m10k, mlabs)");
}

long Resources::get(Metric m) const {
    switch (m) {
        case Metric::alms: return alms;
        case Metric::registers: return registers;
        case Metric::dsp: return dsp;
        case Metric::m10k: return m10k;
        case Metric::mlabs: return mlabs;
    }
    return 0;
}

// A 6-input LUT is a 4:1 multiplexer: an n:1 mux is a tree of them.
int mux_luts(int n) { return n <= 1 ? 0 : n <= 4 ? 1 : ceil_div(n, 4) + mux_luts(ceil_div(n, 4)); }
int mux_levels(int n) { return n <= 1 ? 0 : n <= 4 ? 1 : 1 + mux_levels(ceil_div(n, 4)); }
// A 6-input LUT holds 64 constant bits: a deeper ROM is 64-entry leaves plus a mux tree.
int rom_luts(int depth) { return depth <= 1 ? 0 : depth <= 64 ? 1 : ceil_div(depth, 64) + mux_luts(ceil_div(depth, 64)); }
int rom_levels(int depth) { return depth <= 1 ? 0 : depth <= 64 ? 1 : 1 + mux_levels(ceil_div(depth, 64)); }

namespace {

bool is_pow2(int v) { return v > 0 && (v & (v - 1)) == 0; }

bool m10k_weights(const arch::DesignPoint& d) { return d.weight_memory == arch::WeightMemory::m10k; }

// Logic ROMs: each of the words_per_step read ports is a constant ROM per bit.
// The port's address is step * words_per_step + port: when words_per_step is a
// power of two the low address bits are constant and the port sees
// words / words_per_step entries; otherwise synthesis builds the whole depth.
double logic_rom_luts(const arch::DesignPoint& d) {
    if (m10k_weights(d)) return 0;
    double luts = 0;
    for (const auto& s : stream_shapes(d)) {
        const int depth = is_pow2(s.words_per_step) ? s.words / s.words_per_step : s.words;
        luts += 32.0 * s.words_per_step * rom_luts(depth);
    }
    return luts;
}

// M10K word routing: slot i of a step comes from bank (w0 + i) mod B. When B
// divides words_per_step that bank (and its port and beat) is fixed per slot;
// otherwise the slot selects among every bank port. Multi-beat steps add the
// buffer-or-now select.
double m10k_route_luts(const arch::DesignPoint& d) {
    if (!m10k_weights(d)) return 0;
    double luts = 0;
    const int B = d.weight_banks, P = d.bram_ports;
    for (const auto& s : stream_shapes(d)) {
        const int sources = s.words_per_step % B == 0 ? 1 : B * P;
        luts += 32.0 * s.words_per_step * (mux_luts(sources) + (s.beats > 1 ? 1 : 0));
    }
    return luts;
}

double m10k_buffer_bits(const arch::DesignPoint& d) {
    if (!m10k_weights(d)) return 0;
    double bits = 0;
    for (const auto& s : stream_shapes(d)) bits += 32.0 * s.words_per_step;
    return bits;
}

double m10k_weight_blocks(const arch::DesignPoint& d) {
    double blocks = 0;
    for (const auto& s : stream_shapes(d)) blocks += s.m10k_blocks;
    return blocks;
}

using UnitFn = double (*)(const arch::DesignPoint&);
struct Term {
    ResourceComponent info;
    UnitFn units;
};

const std::vector<Term>& terms() {
    using M = Metric;
    static const std::vector<Term> t = {
        {{"tile_lane", "tile", "MAC lanes (64-bit accumulator, Q4.12 write-back into any destination row)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.lanes); }},
        // The lane's product tree (cols_per_cycle - 1 adders) is charged per product: a separate
        // adder term (lanes x (cols - 1)) would be collinear with lanes and products, so no
        // measurement could tell them apart.
        {{"tile_product", "tile",
          "16x16 products per cycle (lanes x cols_per_cycle): weight select, share of the product tree, DSP",
          {M::alms, M::dsp}},
         [](const arch::DesignPoint& d) { return double(d.lanes * d.cols_per_cycle); }},
        {{"logic_rom", "weight_stream", "6-LUTs of the constant weight ROMs and their read muxes (logic only)",
          {M::alms}},
         logic_rom_luts},
        {{"m10k_route", "weight_stream", "6-LUTs routing bank ports to step words (m10k only)", {M::alms}},
         m10k_route_luts},
        {{"m10k_buffer", "weight_stream", "bits of the multi-beat step buffers (m10k only)", {M::registers}},
         m10k_buffer_bits},
        {{"m10k_port", "weight_stream", "bank read ports over the 9 matrices (address arithmetic; m10k only)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return m10k_weights(d) ? double(kMatrixCount * d.weight_banks * d.bram_ports) : 0.0;
         }},
        {{"m10k_weight_block", "weight_stream", "M10K blocks of the weight banks, counted from the layout",
          {M::m10k}},
         m10k_weight_blocks},
        {{"kv_registers", "core", "KV cache in registers (2 x 4 heads x 16 positions x 64 bits + read muxes)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.kv_memory == arch::KvMemory::registers ? 1.0 : 0.0; }},
        {{"kv_m10k", "core", "KV cache in M10K (8 banks x 2 blocks side by side, read registers)",
          {M::alms, M::registers, M::m10k}},
         [](const arch::DesignPoint& d) { return d.kv_memory == arch::KvMemory::m10k ? 1.0 : 0.0; }},
        {{"vector_lane", "core", "elementwise lanes (add, sum of squares, scale, residual, element select)",
          {M::alms, M::registers, M::dsp}},
         [](const arch::DesignPoint& d) { return double(d.vector_lanes); }},
        {{"rms_engine", "rms_engine", "RMS engine registers and control (one)", {M::alms, M::registers}},
         [](const arch::DesignPoint&) { return 1.0; }},
        {{"rms_stage", "rms_engine",
          "restoring stages per cycle: min(R, 32) square-root + min(R, 25) division (34-bit compare-subtract)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return double(std::min(d.norm_radix_bits, arch::kSqrtResultBits) +
                           std::min(d.norm_radix_bits, arch::kRmsQuotientBits));
         }},
        {{"attn_divider", "divider", "attention dividers (operand registers, negation, saturation)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.attn_dividers); }},
        {{"attn_divider_stage", "divider", "restoring stages per cycle over all dividers (D x min(r, 32))",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return double(d.attn_dividers * std::min(d.div_radix_bits, arch::kAttnQuotientBits));
         }},
        {{"sampler_sequential", "sampler", "sequential sampler (one weight unit, 27-entry weight store)",
          {M::alms, M::registers, M::dsp, M::mlabs}},
         [](const arch::DesignPoint& d) { return d.sampler == arch::SamplerKind::sequential ? 1.0 : 0.0; }},
        {{"sampler_parallel", "sampler", "parallel sampler (27 weight units, prefix tree, compare + encode)",
          {M::alms, M::registers, M::dsp}},
         [](const arch::DesignPoint& d) { return d.sampler == arch::SamplerKind::parallel ? 1.0 : 0.0; }},
        {{"argmax_sequential", "core", "sequential argmax (one comparator)", {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.argmax == arch::ArgmaxKind::sequential ? 1.0 : 0.0; }},
        {{"argmax_tree", "core", "argmax comparator tree (26 comparators, one level per cycle)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.argmax == arch::ArgmaxKind::tree ? 1.0 : 0.0; }},
        {{"core_fixed", "core",
          "controller, activation registers, attention datapath, host interface (one)",
          {M::alms, M::registers, M::dsp}},
         [](const arch::DesignPoint&) { return 1.0; }},
    };
    return t;
}

}  // namespace

const std::vector<ResourceComponent>& resource_components() {
    static const std::vector<ResourceComponent> c = [] {
        std::vector<ResourceComponent> v;
        for (const auto& t : terms()) v.push_back(t.info);
        return v;
    }();
    return c;
}

std::vector<double> component_units(const arch::DesignPoint& d) {
    std::vector<double> u;
    u.reserve(terms().size());
    for (const auto& t : terms()) u.push_back(t.units(d));
    return u;
}

double estimate_group(const arch::DesignPoint& d, const Calibration& c, Metric m, const std::string& group) {
    const auto u = component_units(d);
    double sum = 0;
    for (size_t i = 0; i < terms().size(); ++i)
        if (group == "total" || group == terms()[i].info.group) sum += u[i] * c.get(terms()[i].info.name, metric_name(m));
    return sum;
}

Resources estimate_resources(const arch::DesignPoint& d, const Calibration& c) {
    const auto u = component_units(d);
    double sum[kMetricCount] = {};
    for (size_t i = 0; i < terms().size(); ++i)
        for (int m = 0; m < kMetricCount; ++m)
            if (u[i] != 0) sum[m] += u[i] * c.get(terms()[i].info.name, kMetricNames[m]);
    auto up = [](double v) { return static_cast<long>(std::ceil(v - 1e-9)); };
    Resources r;
    r.alms = std::lround(sum[0]);
    r.registers = std::lround(sum[1]);
    r.dsp = up(sum[2]);
    r.m10k = up(sum[3]);
    r.mlabs = up(sum[4]);
    return r;
}

void add_resource_schema(CoefficientSchema& schema) {
    const std::vector<std::string> all(kMetricNames.begin(), kMetricNames.end());
    for (const auto& t : terms()) {
        for (Metric m : t.info.metrics) schema.required.emplace_back(t.info.name, metric_name(m));
        // a yosys fit may give any component any metric
        schema.allowed.emplace_back(t.info.name, all);
    }
}

}  // namespace mgpt::explorer
