#include "resource_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "arch/microarch.hpp"
#include "slot_resources.hpp"
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
// In ALMs (yosys' packing estimate): a 4:1 node is a LUT6, a whole ALM, and takes away 3
// inputs; a last 2:1 or 3:1 node (LUT3 or LUT5) shares its ALM with another such LUT.
double mux_alms(int n) { return n <= 1 ? 0.0 : (n - 1) / 3 + ((n - 1) % 3 ? 0.5 : 0.0); }

namespace {

bool m10k_weights(const arch::DesignPoint& d) { return d.weight_memory == arch::WeightMemory::m10k; }
bool is_pow2(int n) { return n > 0 && (n & (n - 1)) == 0; }

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

// Words of every stream's step (the nine streams, wte and wpe included).
double step_words(const arch::DesignPoint& d) {
    double w = 0;
    for (const auto& s : stream_shapes(d)) w += s.words_per_step;
    return w;
}

// The nine logic ROMs (mgpt_weight_stream, M10K = 0). Each output bit of a
// step's word is a constant ROM over the words it can read: a tree of 64-entry
// LUT6 leaves (rom_luts); one at most 32 deep is a single LUT of at most five
// inputs, two of which share an ALM (a separate term: logic_rom_narrow_luts).
// The bits of one ROM share its address, so a D-deep ROM has at most 2^D
// distinct bit functions and the mapper keeps one LUT per distinct function:
// a 4-deep ROM of 1,024 bits is at most 16 LUTs (yosys: 16 lanes x 4 columns).
// rom_layout = matrix (the reference's): word 0 of a step is read at
// w0 = step x WPS: for a power-of-two WPS that is a shift, its low address bits
// are constant and the bit's ROM is only `words / WPS` (the steps) deep. Words
// 1.. are read at w0 + i, an adder whose carry chain the LUT mapper cannot see
// through, so each of their bits is a ROM over the whole matrix (`words` deep);
// so is word 0 when WPS is not a power of two (w0 is then a product). The yosys
// runs bear this out (rtl/synth/results/logs/*.weight_stream.stat): the address
// adders are there as ALUT_ARITH cells, and step-deep ROMs alone would be 2,032
// LUTs at the baseline, where yosys maps 10,927 (this count: 9,200).
// rom_layout = step: one ROM of whole steps indexed by the step
// (mgpt_weight_stream's step_rom): every bit is `words / WPS` deep, whatever WPS is.
// A word holding one weight (an odd weights-per-step) has a constant-zero high half.
struct RomBits {
    double deep_luts = 0;    // LUTs of the bits' ROMs deeper than 32 words
    double narrow_luts = 0;  // LUTs of ROMs at most 32 words deep: distinct bit functions at most
    // `bits` output bits of one ROM (one address), `depth` words deep
    void add(double bits, int depth) {
        if (depth <= 1) return;
        if (depth <= 32) narrow_luts += std::min(bits, std::ldexp(1.0, depth));
        else deep_luts += bits * rom_luts(depth);
    }
};

RomBits logic_rom_bits(const arch::DesignPoint& d) {
    RomBits r;
    if (m10k_weights(d)) return r;
    for (const auto& s : stream_shapes(d)) {
        const int last_bits = s.weights_per_step % arch::kWeightsPerWord ? 16 : 32;
        const int steps = s.words / s.words_per_step;
        if (d.rom_layout == arch::RomLayout::step) {
            r.add(32.0 * (s.words_per_step - 1) + last_bits, steps);
            continue;
        }
        const int first_depth = is_pow2(s.words_per_step) ? steps : s.words;
        const int first_bits = s.words_per_step == 1 ? last_bits : 32;
        const int rest_bits = s.words_per_step == 1 ? 0 : 32 * (s.words_per_step - 2) + last_bits;
        r.add(first_bits, first_depth);
        r.add(rest_bits, s.words);
    }
    return r;
}

double logic_rom_luts(const arch::DesignPoint& d) { return logic_rom_bits(d).deep_luts; }
double logic_rom_narrow_luts(const arch::DesignPoint& d) { return logic_rom_bits(d).narrow_luts; }

// The LUTs of the tile's weight select (mgpt_tile): for each lane and column, a
// 16-bit mux over the step's weights of each of q, k and v, whose element index
// (row0 % rows per pass + lane) is computed at run time: min(lanes, 16) x
// cols_per_cycle weights. yosys cannot bound the stacked row row0 + lane, so
// every lane keeps all three. Then the select among what the lane can read:
// q, k, v, o and fc2 (lanes < 16), fc1, lm_head (lanes < 27), or zero.
// The tile's lanes grouped by the sources a lane's weight can come from:
// lanes < 16: q k v o fc1 fc2 lm_head, 16 <= lane < 27: q k v fc1 lm_head,
// beyond: q k v fc1; each + zero. {lanes in the group, sources}.
std::array<std::pair<int, int>, 3> lane_source_groups(int lanes) {
    return {{{std::min(lanes, kEmbd), 8}, {std::clamp(lanes - kEmbd, 0, kVocab - kEmbd), 6},
             {std::max(lanes - kVocab, 0), 5}}};
}

double tile_select_luts(const arch::DesignPoint& d) {
    if (d.pipeline > 0) return 0;  // the pipelined tile: tile_select_pipelined_luts
    const int L = d.lanes, C = d.cols_per_cycle;
    const int per_qkv = arch::kQkvMatrices * mux_luts(std::min(L, kEmbd) * C);
    double luts = 0;
    for (const auto& [lanes, sources] : lane_source_groups(L)) luts += 16.0 * lanes * C * (per_qkv + mux_luts(sources));
    return luts;
}

// The pipelined tile's weight select (mgpt_tile_pipelined): a lane's element of
// the step words is a constant of the lane, and its matrix among q, k and v is a
// register set when the pass starts, so each weight bit is one mux over the
// sources the lane can read (lane_source_groups, as tile_select_luts), no element mux.
double tile_select_pipelined_luts(const arch::DesignPoint& d) {
    if (d.pipeline == 0) return 0;
    double luts = 0;
    for (const auto& [lanes, sources] : lane_source_groups(d.lanes)) luts += 16.0 * lanes * d.cols_per_cycle * mux_luts(sources);
    return luts;
}

// The M10K streams' step-control registers (mgpt_weight_stream, M10K = 1): per
// stream the issue bit and the bits of the registered first word w0 that the
// routing still reads: the bank of each word (log2 banks bits), and for a step of
// several words the rank within the bank, whose low 8 bits are the beat: 8 +
// log2(banks) bits of w0, less its log2(WPS) low bits, which are 0 (w0 = step x
// WPS, WPS a power of two). A beat register of 8 bits is shared by the tile's
// seven streams, another by wte and wpe.
double m10k_control_bits(const arch::DesignPoint& d) {
    if (!m10k_weights(d)) return 0;
    constexpr int kBeatBits = 8;
    const int bank_bits = static_cast<int>(std::lround(std::log2(d.weight_banks)));
    double bits = 2 * kBeatBits;
    for (const auto& s : stream_shapes(d)) {
        const int wps = s.words_per_step;
        const int zero_bits = is_pow2(wps) ? static_cast<int>(std::lround(std::log2(wps))) : 0;
        bits += 1 + (wps == 1 ? bank_bits : std::max(0, kBeatBits + bank_bits - zero_bits));
    }
    return bits;
}

// The M10K streams' word routing (mgpt_weight_stream, M10K = 1): each bit of
// each word of the step picks one of the banks x ports read registers, or its
// step buffer (earlier beats): a (B x P + 1):1 mux, in ALMs (mux_alms).
double m10k_route_alms(const arch::DesignPoint& d) {
    if (!m10k_weights(d)) return 0;
    return 32.0 * step_words(d) * mux_alms(d.weight_banks * d.bram_ports + 1);
}

using UnitFn = double (*)(const arch::DesignPoint&);
struct Term {
    ResourceComponent info;
    UnitFn units;  // as yosys and Quartus build the RTL (what the coefficients are fitted to)
};

// Every unit is a structural count, and every coefficient is fitted non-negative
// (fit.cpp): a term costs something or nothing, never a negative amount. (One
// exception: with slot_memory = mlab, slot_state's count falls below zero at
// S = 2, the MLABs holding the first slot's vectors too.)
const std::vector<Term>& terms() {
    using M = Metric;
    static const std::vector<Term> t = {
        {{"tile_fixed", "tile", "tile pass control and the 64-entry input vector register (one; pipeline = 0)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.pipeline == 0 ? 1.0 : 0.0; }},
        {{"tile_lane", "tile", "MAC lanes (64-bit accumulator and its adder, the lane's stacked-row arithmetic)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.lanes); }},
        // col = chunk x 16 + step x C + j goes through an adder: each column's select of
        // x[col] is a whole 64:1 mux of 16 bits, shared by the lanes (pipeline = 0; the
        // pipelined tile shifts a registered 16-element window instead: tile_pass_constants).
        {{"tile_column", "tile", "input columns per cycle (a 64:1 select of x[col] each, shared by the lanes)",
          {M::alms}},
         [](const arch::DesignPoint& d) { return d.pipeline == 0 ? double(d.cols_per_cycle) : 0.0; }},
        {{"tile_product", "tile",
          "16x16 products per cycle (lanes x cols_per_cycle): the multiplier (DSP), its sign extension and "
          "its adder into the lane's 64-bit sum",
          {M::alms, M::dsp}},
         [](const arch::DesignPoint& d) { return double(d.lanes * d.cols_per_cycle); }},
        {{"tile_select", "tile",
          "LUTs of the weight select muxes (q/k/v element muxes, matrix select; tile_select_luts)", {M::alms}},
         tile_select_luts},
        // The pipelined tile (pipeline >= 1, docs/MICROARCH.md "Pipeline"): what it
        // computes once per pass, and the registers of each stage, counted in bits.
        {{"tile_pass_constants", "tile",
          "pipelined tile: first-word addresses, lane matrices and the 16-element input window, "
          "registered at the pass start (one)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.pipeline > 0 ? 1.0 : 0.0; }},
        {{"tile_select_pipelined", "tile",
          "pipelined tile: LUTs of the weight select (one mux per weight bit; tile_select_pipelined_luts)",
          {M::alms}},
         tile_select_pipelined_luts},
        {{"pipeline_weight_bits", "tile",
          "pipeline >= 1: weight and input register bits (16 x (lanes x cols_per_cycle + cols_per_cycle))",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) {
             return d.pipeline >= 1 ? 16.0 * (d.lanes * d.cols_per_cycle + d.cols_per_cycle) : 0.0;
         }},
        {{"pipeline_product_bits", "tile", "pipeline >= 2: product register bits (32 x lanes x cols_per_cycle)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.pipeline >= 2 ? 32.0 * d.lanes * d.cols_per_cycle : 0.0; }},
        {{"pipeline_sum_bits", "tile", "pipeline = 3: column-sum register bits (36 x lanes)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.pipeline >= 3 ? 36.0 * d.lanes : 0.0; }},
        // The core's registered vector passes (pipeline >= 1, rtl/mgpt_core.sv "pipelined
        // vector passes"): per vector lane two 16-bit operands, the 16-bit result and the
        // 20 significant bits of its square; the element group and three valid flags once.
        {{"pipeline_vector_bits", "core",
          "pipeline >= 1: vector pass register bits (68 x vector_lanes + 15)", {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return d.pipeline >= 1 ? 68.0 * d.vector_lanes + 15.0 : 0.0; }},
        {{"pipeline_vector_lane", "core",
          "pipeline >= 1: vector lanes, whose scale multiply and square are separate stages (DSP per lane)",
          {M::dsp}},
         [](const arch::DesignPoint& d) { return d.pipeline >= 1 ? double(d.vector_lanes) : 0.0; }},
        {{"logic_rom_lut", "weight_stream",
          "LUTs of the logic ROMs deeper than 32 words (64-entry LUT6 leaves and mux trees; logic_rom_luts)", {M::alms}},
         logic_rom_luts},
        {{"logic_rom_narrow", "weight_stream",
          "LUTs of the logic ROMs at most 32 words deep: one of at most 5 inputs per distinct bit function "
          "(logic_rom_narrow_luts)",
          {M::alms}},
         logic_rom_narrow_luts},
        {{"m10k_control", "weight_stream",
          "step-control register bits of the nine streams: issue, the first word's address bits, beat (m10k only)",
          {M::registers}},
         m10k_control_bits},
        {{"m10k_word", "weight_stream",
          "words per step over the nine streams: each word's bank, rank and beat arithmetic (m10k only)", {M::alms}},
         [](const arch::DesignPoint& d) { return m10k_weights(d) ? step_words(d) : 0.0; }},
        {{"m10k_route", "weight_stream",
          "ALMs of the word routing muxes: 32 bits x words per step x mux_alms(banks x ports + 1) (m10k only)",
          {M::alms}},
         m10k_route_alms},
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
        // core_fixed includes what both KV variants share and the sequential argmax; the
        // variants are their own terms so that neither needs a negative difference (the yosys
        // runs build an M10K cache in M10K, rtl/synth/kv_m10k_rules.txt, as Quartus does).
        {{"kv_registers", "core", "KV cache in registers: its flip-flops and read muxes beyond the M10K variant (one)",
          {M::alms, M::registers, M::mlabs}},
         [](const arch::DesignPoint& d) { return d.kv_memory == arch::KvMemory::registers ? 1.0 : 0.0; }},
        {{"kv_m10k", "core", "KV cache in M10K (8 banks x 2 blocks, counted)", {M::m10k}},
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
          "restoring stages per cycle: min(R, 32) square-root (35-bit compare) + min(R, 25) division (33-bit)",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return double(std::min(d.norm_radix_bits, arch::kSqrtResultBits) +
                           std::min(d.norm_radix_bits, arch::kRmsQuotientBits));
         }},
        {{"attn_divider", "divider",
          "attention dividers (dividend, remainder and quotient registers, sign, saturation)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(d.attn_dividers); }},
        {{"attn_divider_stage", "divider", "restoring stages per cycle over all dividers (D x min(r, 32))",
          {M::alms}},
         [](const arch::DesignPoint& d) {
             return double(d.attn_dividers * std::min(d.div_radix_bits, arch::kAttnQuotientBits));
         }},
        // A head's numerators (one per channel, kEmbd / kHeads = 4) share its denominator: a
        // batch of up to 4 dividers takes one (the divisor register and its zero test is
        // merged across them), all 16 at once take one per head.
        {{"divider_denominator", "divider", "denominators the dividers take at once: ceil(D / 4) (one per head)",
          {M::alms, M::registers}},
         [](const arch::DesignPoint& d) { return double(arch::ceil_div(d.attn_dividers, kEmbd / kHeads)); }},
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
        // Several slots (rtl/mgpt_core.sv with SLOTS > 1; slot_resources.hpp counts the units).
        {{"slot_state", "core",
          "per-slot register bits beyond the first slot's: (S - 1) x 3,673, less S x 3,072 with slot_memory = mlab",
          {M::alms, M::registers}},
         slot_state_units},
        {{"slot_read_select", "core",
          "the units' S:1 selects of their holder's fields: 4,469 bits (1,141 with slot_memory = mlab) x mux_alms(S)",
          {M::alms}},
         slot_read_units},
        {{"slot_kv_storage", "core",
          "kv_memory = registers: the KV cache's rows of the other slots, (S - 1) x 8,192 flip-flops (M10K rows "
          "otherwise)",
          {M::alms, M::registers}},
         slot_kv_storage_units},
        {{"slot_kv_read", "core",
          "kv_memory = registers: the KV cache's eight 64-bit row reads widened from 16:1 to (16 S):1",
          {M::alms}},
         slot_kv_read_units},
        {{"slot_mlab_vector", "core",
          "slot_memory = mlab: the slot vectors' memories, one per element and reading unit (208, 160 at pipeline 0; "
          "16 MISTRAL_MLAB cells of 32 x 1 each in yosys, one MLAB in Quartus)",
          {M::alms, M::mlabs}},
         slot_mlab_units},
        {{"slot_mlab_logic", "core",
          "slot_memory = mlab: the logic yosys builds per slot around the MLABs for the vectors' bits in them: "
          "S x 3,072 (2,560 at pipeline 0)",
          {M::alms}},
         slot_mlab_logic_units},
        {{"slot_arbiter_oldest", "core", "schedule = oldest: the S x S age matrix and each unit's grant (S^2)",
          {M::alms, M::registers}},
         slot_arbiter_oldest_units},
        {{"slot_arbiter_round_robin", "core", "schedule = round_robin: each unit's last served slot and pick (S)",
          {M::alms, M::registers}},
         slot_arbiter_round_robin_units},
        {{"core_fixed", "core",
          "controller, activation registers, attention datapath, host interface, sequential argmax (one)",
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

ResourceCoefficients::ResourceCoefficients(const Calibration& c)
    : quartus_alms_(c.get(kQuartusCorrection, "alms")), quartus_registers_(c.get(kQuartusCorrection, "registers")) {
    for (const auto& t : terms()) {
        per_term_.emplace_back();
        for (int m = 0; m < kMetricCount; ++m)
            per_term_.back()[static_cast<size_t>(m)] = c.get(t.info.name, kMetricNames[m]);
    }
}

Resources estimate_resources(const arch::DesignPoint& d, const Calibration& c, Scale scale) {
    return estimate_resources(d, ResourceCoefficients(c), scale);
}

Resources estimate_resources(const arch::DesignPoint& d, const ResourceCoefficients& c, Scale scale) {
    const std::vector<double> u = component_units(d);
    double sum[kMetricCount] = {};
    double weight_blocks = 0;  // one core's: what two cores share
    for (size_t i = 0; i < terms().size(); ++i)
        for (int m = 0; m < kMetricCount; ++m)
            if (u[i] != 0) {
                const double v = u[i] * c.get(i, m);
                sum[m] += v;
                if (terms()[i].units == m10k_weight_blocks && m == static_cast<int>(Metric::m10k)) weight_blocks += v;
            }
    // Cores (counted, slot_resources.hpp): K copies of one core with its slots.
    const int m10k = static_cast<int>(Metric::m10k);
    for (int m = 0; m < kMetricCount; ++m) sum[m] *= d.cores;
    sum[m10k] += core_weight_blocks(d, weight_blocks) - d.cores * weight_blocks;
    if (scale == Scale::quartus) {
        sum[0] *= c.quartus_alms();
        sum[1] *= c.quartus_registers();
    }
    auto up = [](double v) { return static_cast<long>(std::ceil(v - 1e-9)); };
    Resources r;
    r.alms = std::lround(sum[0]);
    r.registers = std::lround(sum[1]);
    r.dsp = up(sum[2]);
    r.m10k = up(sum[3]);
    r.mlabs = up(sum[4] / kMlabCellsPerBlock);
    return r;
}

void add_resource_schema(CoefficientSchema& schema) {
    const std::vector<std::string> all(kMetricNames.begin(), kMetricNames.end());
    for (const auto& t : terms()) {
        for (Metric m : t.info.metrics) schema.required.emplace_back(t.info.name, metric_name(m));
        // a yosys fit may give any component any metric
        schema.allowed.emplace_back(t.info.name, all);
        schema.nonnegative.emplace_back(t.info.name);
    }
    schema.required.emplace_back(kQuartusCorrection, "alms");
    schema.required.emplace_back(kQuartusCorrection, "registers");
    schema.allowed.emplace_back(kQuartusCorrection, std::vector<std::string>{"alms", "registers"});
}

}  // namespace mgpt::explorer
