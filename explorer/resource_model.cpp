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

bool m10k_weights(const arch::DesignPoint& d) { return d.weight_memory == arch::WeightMemory::m10k; }

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
        {{"tile_fixed", "tile", "tile pass control and the 64-entry input vector register (one)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint&) { return 1.0; }},
        {{"tile_lane", "tile", "MAC lanes (64-bit accumulator, Q4.12 write-back into any destination row)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.lanes); }},
        // Every lane consumes the same input columns in a cycle: the select of those columns
        // from the input vector register is shared by the lanes, one per column.
        {{"tile_column", "tile", "input columns per cycle (the shared select of x[col] from the vector register)",
          {M::alms}},
         [](const arch::DesignPoint& d) { return double(d.cols_per_cycle); }},
        // The lane's product tree (cols_per_cycle - 1 adders) is charged per product: a separate
        // adder term (lanes x (cols - 1)) would be collinear with lanes and products, so no
        // measurement could tell them apart.
        {{"tile_product", "tile",
          "16x16 products per cycle (lanes x cols_per_cycle): weight select, share of the product tree, DSP",
          {M::alms, M::dsp}},
         [](const arch::DesignPoint& d) { return double(d.lanes * d.cols_per_cycle); }},
        // (lanes x (cols - 1) tree adders would be collinear with lanes and products: what a
        // lane with a product tree costs beyond that is its own term.)
        {{"tile_tree", "tile", "lanes with a product tree (cols_per_cycle > 1): the tree's output and wider accumulate",
          {M::alms}},
         [](const arch::DesignPoint& d) { return d.cols_per_cycle > 1 ? double(d.lanes) : 0.0; }},
        // Logic ROMs. The units are empirical, chosen on the yosys runs of the calibration set
        // (explorer/calibration_report.md): yosys' ROM logic grows with the square root of the
        // weights read per cycle, and more steeply when a lane reads several columns.
        {{"logic_rom_width", "weight_stream", "sqrt(lanes x cols_per_cycle): weights read per cycle (logic only)",
          {M::alms}},
         [](const arch::DesignPoint& d) { return m10k_weights(d) ? 0.0 : std::sqrt(double(d.lanes * d.cols_per_cycle)); }},
        {{"logic_rom_column", "weight_stream", "cols_per_cycle (logic only)", {M::alms}},
         [](const arch::DesignPoint& d) { return m10k_weights(d) ? 0.0 : double(d.cols_per_cycle); }},
        {{"logic_rom_multicolumn", "weight_stream", "lanes x cols_per_cycle when cols_per_cycle > 1 (logic only)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return m10k_weights(d) || d.cols_per_cycle == 1 ? 0.0 : double(d.lanes * d.cols_per_cycle);
         }},
        {{"m10k_fixed", "weight_stream", "the nine streams' step control (m10k only, one)", {M::alms}},
         [](const arch::DesignPoint& d) { return m10k_weights(d) ? 1.0 : 0.0; }},
        {{"m10k_word", "weight_stream", "lanes x cols_per_cycle: weights routed from the banks per step (m10k only)",
          {M::alms}},
         [](const arch::DesignPoint& d) { return m10k_weights(d) ? double(d.lanes * d.cols_per_cycle) : 0.0; }},
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
        // core_fixed includes the KV cache in registers and the sequential argmax; the
        // alternatives are differences to them (a term per variant would be collinear with it).
        {{"kv_m10k", "core", "KV cache in M10K instead of registers (8 banks x 2 blocks, read registers; difference)",
          {M::alms, M::registers, M::m10k, M::mlabs}},
         [](const arch::DesignPoint& d) { return d.kv_memory == arch::KvMemory::m10k ? 1.0 : 0.0; }},
        {{"writeback_lane", "core", "MAC lanes' write-back into the activation rows (per lane)", {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.lanes); }},
        {{"divider_port", "core", "attention dividers' operand and result routing (per divider)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.attn_dividers); }},
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
        // numerics=saturating clamps the sampler's indices where the reference wraps them
        {{"sampler_sequential_saturating", "sampler", "index clamps of the sequential sampler (numerics=saturating)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return d.sampler == arch::SamplerKind::sequential && d.numerics == Numerics::saturating ? 1.0 : 0.0;
         }},
        {{"sampler_parallel_saturating", "sampler", "index clamps of the parallel sampler (numerics=saturating)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return d.sampler == arch::SamplerKind::parallel && d.numerics == Numerics::saturating ? 1.0 : 0.0;
         }},
        {{"argmax_tree", "core", "argmax comparator tree instead of one comparator (difference)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.argmax == arch::ArgmaxKind::tree ? 1.0 : 0.0; }},
        {{"core_fixed", "core",
          "controller, activation registers, attention datapath, host interface, KV cache in registers, "
          "sequential argmax (one)",
          {M::alms, M::registers, M::dsp, M::mlabs}},
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

Resources estimate_resources(const arch::DesignPoint& d, const Calibration& c, Scale scale) {
    const auto u = component_units(d);
    double sum[kMetricCount] = {};
    for (size_t i = 0; i < terms().size(); ++i)
        for (int m = 0; m < kMetricCount; ++m)
            if (u[i] != 0) sum[m] += u[i] * c.get(terms()[i].info.name, kMetricNames[m]);
    if (scale == Scale::quartus) {
        sum[0] *= c.get(kQuartusCorrection, "alms");
        sum[1] *= c.get(kQuartusCorrection, "registers");
    }
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
    schema.required.emplace_back(kQuartusCorrection, "alms");
    schema.required.emplace_back(kQuartusCorrection, "registers");
    schema.allowed.emplace_back(kQuartusCorrection, std::vector<std::string>{"alms", "registers"});
}

}  // namespace mgpt::explorer
