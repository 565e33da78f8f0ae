#include "fmax_model.hpp"

#include <algorithm>
#include <cmath>

#include "arch/microarch.hpp"
#include "resource_model.hpp"
#include "slot_resources.hpp"
#include "weight_streams.hpp"

namespace mgpt::explorer {

namespace {

// Cell delays of yosys 0.23's Cyclone V library (the specify blocks of
// /usr/share/yosys/intel_alm, cyclonev), the same delays mgpt-sta sums.
const std::vector<std::pair<std::string, std::string>>& cell_parameters() {
    static const std::vector<std::pair<std::string, std::string>> p = {
        {"clock_overhead", "delay_ns"}, {"lut_level", "delay_ns"},      {"carry_entry", "delay_ns"},
        {"carry_bit", "delay_ns"},      {"carry_sum_out", "delay_ns"},  {"dsp_multiplier", "delay_ns"},
        {"m10k_clock_to_out", "delay_ns"}, {"mapping_factor", "factor"}, {"m10k_block", "fmax_mhz"},
        {"dsp_block", "fmax_mhz"}};
    return p;
}

struct Delays {
    double clock, lut, carry_entry, carry_bit, carry_out, dsp, m10k_tco;
    explicit Delays(const Calibration& c)
        : clock(c.get("clock_overhead", "delay_ns")),
          lut(c.get("lut_level", "delay_ns")),
          carry_entry(c.get("carry_entry", "delay_ns")),
          carry_bit(c.get("carry_bit", "delay_ns")),
          carry_out(c.get("carry_sum_out", "delay_ns")),
          dsp(c.get("dsp_multiplier", "delay_ns")),
          m10k_tco(c.get("m10k_clock_to_out", "delay_ns")) {}
    // a `bits`-wide carry chain from its first input to its last sum output
    double adder(int bits) const { return carry_entry + (bits - 1) * carry_bit + carry_out; }
};

bool m10k_weights(const arch::DesignPoint& d) { return d.weight_memory == arch::WeightMemory::m10k; }
double log2_of(int n) { return std::log2(static_cast<double>(std::max(1, n))); }

// Widths of one restoring step (docs/MICROARCH.md "Engine widths"): the compare-subtract chain.
constexpr int kSqrtStepBits = 35, kDivStepBits = 33;
// The tile's measured path stops growing past this many products per cycle (see path_models).
constexpr int kTileProductsGrowth = 8;

PathModel measured(std::string family, double fixed_ns, std::vector<PathTerm> terms) {
    return {std::move(family), true, fixed_ns, std::move(terms)};
}
PathModel counted(std::string family, double fixed_ns) { return {std::move(family), false, fixed_ns, {}}; }

}  // namespace

const std::vector<FamilyTerms>& measured_families() {
    static const std::vector<FamilyTerms> f = {
        {"tile",
         {"base_ns", "products_doubling_ns", "logic_rom_ns", "p1_base_ns", "p1_column_doubling_ns", "p2_base_ns",
          "p2_column_doubling_ns", "p3_base_ns", "p3_column_doubling_ns",
          "pipelined_weight_select_ns", "pipelined_logic_rom_stage_ns"}},
        {"weight_stream", {"base_ns", "bank_doubling_ns", "dual_port_ns"}},
        {"rms_engine", {"base_ns", "step_select_ns"}},
        {"divider", {"base_ns", "step_select_ns"}},
        {"sampler", {"sequential_ns", "parallel_ns"}},
        {"core", {"base_ns", "vector_lane_ns", "logic_rom_load_ns", "pipelined_base_ns", "pipelined_kv_registers_ns",
                  "slot_doubling_ns", "slot_round_robin_doubling_ns", "slot_kv_registers_doubling_ns",
                  "slot_mlab_doubling_ns"}}};
    return f;
}

std::string path_component(const std::string& family) { return "path_" + family; }

std::vector<PathModel> path_models(const arch::DesignPoint& d, const Calibration& c) {
    const Delays t(c);
    const bool wm = m10k_weights(d);
    std::vector<PathModel> p;

    // Tile, pipeline = 0 (rtl/mgpt_tile.sv): the operand address arithmetic (row, chunk and
    // column offsets: two to four short carry chains), the weight source (logic
    // ROM or M10K buffer) and the operand selects, the DSP multiply, then the
    // 64-bit accumulate (C = 1) or a LUT-mapped adder tree over the C products.
    // The measured paths grow with each doubling of the products per cycle
    // L x C up to 8 (wider selects, more per-lane row arithmetic) and are flat
    // beyond (12 to 25 products: 17.1-18.6 ns), a little longer with logic ROMs.
    // Pipelined (rtl/mgpt_tile_pipelined.sv, docs/MICROARCH.md "Pipeline"): the
    // longer of two stages. The multiply-accumulate stage the level leaves:
    // weight register -> DSP -> column adder tree (log2 C levels) -> 64-bit
    // accumulate at level 1, products -> tree -> accumulate at level 2, the
    // tree alone at level 3; each level its own base and cost per doubling of
    // C. And the weight stage, ROM -> weight register: an M10K stream's own
    // path (the weight_stream family, bank word -> routing select) and
    // the lane's select into the register; a logic ROM's stage (registered
    // pass constants -> ROM LUTs -> select) measures alike at every shape.
    // The longer one, by these coefficients, is the path; a fit attributes
    // each measured tile to that side. Level-0 and pipelined terms never share
    // a row: each is fitted on its own tiles.
    // M10K weight stream (rtl/mgpt_weight_stream.sv): a bank's registered read
    // word -> the bank/port select -> the step buffer; the select widens with
    // each doubling of the banks, and a second port doubles its sources.
    const PathModel stream = measured("weight_stream", 0,
                                      {{"base_ns", 1}, {"bank_doubling_ns", log2_of(d.weight_banks)},
                                       {"dual_port_ns", d.bram_ports == 2 ? 1.0 : 0.0}});
    const int level = d.pipeline;
    auto at = [&](int k) { return level == k ? 1.0 : 0.0; };
    const double column_doublings = log2_of(d.cols_per_cycle);
    std::vector<PathTerm> tile_terms = {
        {"base_ns", at(0)},
        {"products_doubling_ns", at(0) * log2_of(std::min(d.lanes * d.cols_per_cycle, kTileProductsGrowth))},
        {"logic_rom_ns", wm ? 0.0 : at(0)},
        {"p1_base_ns", at(1)},
        {"p1_column_doubling_ns", at(1) * column_doublings},
        {"p2_base_ns", at(2)},
        {"p2_column_doubling_ns", at(2) * column_doublings},
        {"p3_base_ns", at(3)},
        {"p3_column_doubling_ns", at(3) * column_doublings}};
    double tile_fixed_ns = 0;
    if (level > 0) {
        const double mac_ns = structural_ns(measured("tile", 0, tile_terms), c);
        const double stream_ns = structural_ns(stream, c);
        const double weight_ns = wm ? stream_ns + c.get("path_tile", "pipelined_weight_select_ns")
                                    : c.get("path_tile", "pipelined_logic_rom_stage_ns");
        if (weight_ns > mac_ns) {
            tile_terms = {{wm ? "pipelined_weight_select_ns" : "pipelined_logic_rom_stage_ns", 1.0}};
            tile_fixed_ns = wm ? stream_ns : 0.0;
        }
    }
    // Several slots (slot_resources.hpp): the S:1 select of the holder's
    // operand in front of every datapath that reads per-slot state, counted
    // where the path is (the tile's inputs, the counted core paths).
    const double slot_ns = slot_select_levels(d) * t.lut;
    p.push_back(measured("tile", tile_fixed_ns + slot_ns, tile_terms));
    if (wm) p.push_back(stream);

    // RMS engine and dividers: R cascaded restoring steps per cycle, each a
    // 35-bit (square root) or 33-bit (division) compare-subtract chain plus
    // the LUTs that select the next remainder; the chain is counted, the select fitted.
    const int norm_steps = std::min(d.norm_radix_bits, arch::kSqrtResultBits);
    p.push_back(measured("rms_engine", norm_steps * t.adder(kSqrtStepBits),
                         {{"base_ns", 1}, {"step_select_ns", static_cast<double>(norm_steps)}}));
    const int div_steps = std::min(d.div_radix_bits, arch::kAttnQuotientBits);
    p.push_back(measured("divider", div_steps * t.adder(kDivStepBits),
                         {{"base_ns", 1}, {"step_select_ns", static_cast<double>(div_steps)}}));

    // Sampler (rtl/mgpt_sampler.sv): one pipelined kind or the other, each a fixed structure.
    const bool seq = d.sampler == arch::SamplerKind::sequential;
    p.push_back(measured("sampler", 0, {{"sequential_ns", seq ? 1.0 : 0.0}, {"parallel_ns", seq ? 0.0 : 1.0}}));

    // The core (rtl/mgpt_core.sv; tile, weight streams and engines are
    // blackboxes there). At pipeline = 0 its longest path, as measured, is the
    // embedding load and its sum of squares: stage counter -> wte/wpe address
    // arithmetic -> the ROM -> wte + wpe, saturate -> square (DSP) -> the
    // 64-bit sum, whose V lanes' squares are added one after another in the
    // cycle: each further vector lane adds a link to that chain; logic ROMs
    // put the address arithmetic and the ROM's mux tree in front of the add
    // where an M10K stream's words leave a register. From
    // pipeline = 1 the vector passes are registered (docs/MICROARCH.md
    // "Pipeline") and the measured paths are the attention datapath's, alike
    // for every vector width: the V accumulate (registered V row -> multiply
    // -> 64-bit add), and with the KV cache in registers the K row's select
    // in front of the q.k multiply.
    const bool kv_m10k = d.kv_memory == arch::KvMemory::m10k;
    // With S slots a unit's operands come through the S:1 select of its
    // holder's fields, and its grant through the arbiter: the measured core
    // paths grow with each doubling of S (9.98, 10.28, 10.72, 11.74 ns at
    // S = 1, 2, 4, 8, oldest), and round robin's rotating pick, a priority
    // search over the S slots, adds a cost per doubling too: at S = 2 it is
    // off the longest path (10.58 and 10.21 ns, the score and q.k paths), at
    // S = 4 on it (11.43, 12.13 ns); fitted to the multi-slot core's runs.
    // With the KV cache in registers the K row select in front of q.k widens
    // with S too (16 S:1): 10.59 ns at S = 1, 12.76 at S = 4.
    const double slot_doublings = log2_of(d.sequences);
    const double kv_slot_doublings = kv_m10k ? 0.0 : slot_doublings;
    const double slot_rr = d.schedule == arch::Policy::round_robin ? slot_doublings : 0.0;
    // slot_memory = mlab: the slot vectors are MLAB reads at the holder's
    // slot, not S:1 selects; what that changes per doubling of S is fitted.
    const double slot_mlab = slot_vectors_in_mlab(d) ? slot_doublings : 0.0;
    if (level == 0)
        p.push_back(measured("core", 0, {{"base_ns", 1},
                                         {"vector_lane_ns", static_cast<double>(d.vector_lanes - 1)},
                                         {"logic_rom_load_ns", wm ? 0.0 : 1.0},
                                         {"slot_doubling_ns", slot_doublings},
                                         {"slot_round_robin_doubling_ns", slot_rr},
                                         {"slot_kv_registers_doubling_ns", kv_slot_doublings},
                                         {"slot_mlab_doubling_ns", slot_mlab}}));
    else
        p.push_back(measured("core", 0,
                             {{"pipelined_base_ns", 1}, {"pipelined_kv_registers_ns", kv_m10k ? 0.0 : 1.0},
                              {"slot_doubling_ns", slot_doublings}, {"slot_round_robin_doubling_ns", slot_rr},
                              {"slot_kv_registers_doubling_ns", kv_slot_doublings},
                              {"slot_mlab_doubling_ns", slot_mlab}}));

    // Not synthesized on their own: counted from the cell library (paths inside
    // the core that the measured core family above may cover).
    // Write-back: accumulator -> Q4.12 shift and saturate (3 levels) -> any lane into any row (L:1).
    p.push_back(counted("writeback", t.clock + (3 + mux_levels(d.lanes)) * t.lut + slot_ns));
    // Load, pipeline = 0: wte + wpe (16-bit add) -> square (DSP) -> 64-bit sum
    // of squares; from pipeline = 1 the ROM read into the operand register alone.
    const auto streams = stream_shapes(d);
    int embed_levels = 0;
    for (const Matrix m : {Matrix::wte, Matrix::wpe}) {
        const auto& s = streams[static_cast<int>(m)];
        embed_levels = std::max(embed_levels, wm ? 1 : rom_levels(s.words / std::max(1, s.words_per_step)));
    }
    const double rom_read_ns = t.clock + (wm ? t.m10k_tco : 0) + embed_levels * t.lut;
    p.push_back(counted("load", slot_ns + (level == 0 ? rom_read_ns + t.adder(16) + t.dsp + t.adder(64) : rom_read_ns)));
    // Scale and residual passes, pipeline = 0: element select (16/V:1) -> multiply by the scale (DSP)
    // -> saturate -> add. From pipeline = 1 the longer of the element select into the operand
    // register and the multiply -> saturate (two LUT levels) -> result select.
    const double select_ns = mux_levels(kEmbd / d.vector_lanes) * t.lut;
    p.push_back(counted("vector", slot_ns + (level == 0 ? t.clock + t.dsp + select_ns + 2 * t.lut + t.adder(16)
                                                        : t.clock + std::max(select_ns + t.lut, t.dsp + 3 * t.lut))));
    // Attention: cached K row (64:1 register mux, or M10K and the head's row of the four read) ->
    // 4-wide dot (DSP + two adders) -> score select. (With S slots in registers the row select is
    // (64 S):1; in M10K the slot is an address bit.)
    const double k_row_ns = kv_m10k ? t.m10k_tco + t.lut : mux_levels(kHeads * kContext * d.sequences) * t.lut;
    p.push_back(counted("attention", t.clock + k_row_ns + t.dsp + t.adder(34) + t.adder(36) + t.lut));
    // Argmax: one 16-bit compare and select per cycle (sequential or one tree level).
    p.push_back(counted("argmax", t.clock + t.adder(16) + t.lut));
    p.push_back(counted("controller", t.clock + 5 * t.lut));
    // The arbiters (S > 1, rtl/mgpt_core.sv): a slot's stage -> waiting ->
    // the grant (`oldest`: the waiting slot no other waiting slot is older
    // than, an S-input AND over the age matrix; `round_robin`: a rotating
    // priority pick, about two LUT levels per 4:1 level) -> the held slot's
    // select of the unit's first-cycle operands.
    if (d.sequences > 1)
        p.push_back(counted("arbiter", t.clock + t.lut +
                                           (d.schedule == arch::Policy::oldest ? 1 : 2) * mux_levels(d.sequences) * t.lut +
                                           slot_ns));
    return p;
}

double structural_ns(const PathModel& p, const Calibration& c) {
    double ns = p.fixed_ns;
    const std::string comp = path_component(p.family);
    for (const auto& term : p.terms) ns += c.get(comp, term.name) * term.units;
    return ns;
}

FmaxEstimate estimate_fmax(const arch::DesignPoint& d, const Calibration& c) {
    FmaxEstimate e;
    e.mapping_factor = c.get("mapping_factor", "factor");
    auto consider = [&](const std::string& family, double ns) {
        if (ns > e.critical_ns) {
            e.critical_ns = ns;
            e.critical = family;
        }
    };
    for (const auto& p : path_models(d, c)) {
        const double ns = structural_ns(p, c);
        e.paths.push_back({p.family, ns, p.measured});
        consider(p.family, e.mapping_factor * ns);
    }
    // Hard blocks: their own maximum clock.
    if (m10k_weights(d) || d.kv_memory == arch::KvMemory::m10k)
        consider("m10k_block", 1000.0 / c.get("m10k_block", "fmax_mhz"));
    consider("dsp_block", 1000.0 / c.get("dsp_block", "fmax_mhz"));
    e.fmax_mhz = 1000.0 / e.critical_ns;
    return e;
}

void add_fmax_schema(CoefficientSchema& schema) {
    for (const auto& [component, metric] : cell_parameters()) {
        schema.required.emplace_back(component, metric);
        schema.allowed.push_back({component, {metric}});
    }
    for (const auto& f : measured_families()) {
        const std::string comp = path_component(f.family);
        for (const auto& t : f.terms) schema.required.emplace_back(comp, t);
        schema.allowed.push_back({comp, f.terms});
        schema.nonnegative.push_back(comp);  // a term never shortens a path
    }
}

}  // namespace mgpt::explorer
