#include "design_keys.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "common/printable.hpp"
#include "design_point.hpp"
#include "microarch.hpp"
#include "model/parse_values.hpp"

namespace mgpt::arch {

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

[[noreturn]] void illegal(const std::string& where, const std::string& key, const std::string& value,
                          const std::string& legal) {
    throw std::invalid_argument((where.empty() ? "" : where + ": ") + "key '" + key + "': value '" +
                                printable(value) + "' is not legal (legal: " + legal + ")");
}

bool all_integers(const std::vector<std::string>& values) {
    for (const auto& v : values)
        if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos) return false;
    return true;
}

// The canonical spelling of `value` in an integer legal set ("016" -> "16"),
// or "" if it is not one of them.
std::string canonical_integer(const std::string& value, const std::vector<std::string>& values) {
    size_t used = 0;
    int v = 0;
    try {
        v = std::stoi(value, &used);
    } catch (const std::exception&) {
        return "";
    }
    if (used != value.size()) return "";
    for (const auto& l : values)
        if (std::to_string(v) == l) return l;
    return "";
}

std::string format_mhz(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

std::vector<std::string> spelled(std::initializer_list<int> values) {
    std::vector<std::string> s;
    for (int v : values) s.push_back(std::to_string(v));
    return s;
}

// An integer key stored in an int field; the RTL parameter is the value itself.
DesignKey integer_key(std::string key, std::initializer_list<int> values, int DesignPoint::*field, std::string rtl,
                      std::string meaning) {
    DesignKey k;
    k.key = std::move(key);
    k.values = spelled(values);
    k.deflt = std::to_string(DesignPoint{}.*field);
    k.rtl_parameter = std::move(rtl);
    k.meaning = std::move(meaning);
    k.get = [field](const DesignPoint& d) { return std::to_string(d.*field); };
    k.store = [field](DesignPoint& d, const std::string& v) { d.*field = std::stoi(v); };
    k.rtl_value = [field](const DesignPoint& d) { return d.*field; };
    return k;
}

// An integer key that applies only under `cond`: 0 in the field means unset, and
// the RTL parameter is 1 where the key does not apply (one bank, one port).
DesignKey conditional_integer_key(std::string key, std::initializer_list<int> values, int DesignPoint::*field,
                                  KeyCondition cond, std::string rtl, std::string meaning) {
    DesignKey k = integer_key(std::move(key), values, field, std::move(rtl), std::move(meaning));
    k.deflt = "(unset)";
    k.applies_when = std::move(cond);
    k.get = [field](const DesignPoint& d) { return d.*field ? std::to_string(d.*field) : std::string(); };
    k.clear = [field](DesignPoint& d) { d.*field = 0; };
    k.rtl_value = [field](const DesignPoint& d) { return d.*field ? d.*field : 1; };
    return k;
}

// A word key stored in an enum field whose enumerators follow `values`; the
// RTL parameter is the enumerator's index (0 for the first word, 1 for the second).
template <typename E>
DesignKey enum_key(std::string key, std::vector<std::string> values, E DesignPoint::*field, std::string rtl,
                   std::string meaning) {
    DesignKey k;
    k.key = std::move(key);
    k.values = std::move(values);
    k.deflt = k.values[static_cast<size_t>(DesignPoint{}.*field)];
    k.rtl_parameter = std::move(rtl);
    k.meaning = std::move(meaning);
    const std::vector<std::string> words = k.values;
    k.get = [field, words](const DesignPoint& d) { return words[static_cast<size_t>(d.*field)]; };
    k.store = [field, words](DesignPoint& d, const std::string& v) {
        for (size_t i = 0; i < words.size(); ++i)
            if (words[i] == v) d.*field = static_cast<E>(i);
    };
    k.rtl_value = [field](const DesignPoint& d) { return static_cast<int>(d.*field); };
    return k;
}

std::vector<DesignKey> make_table() {
    const KeyCondition m10k{"weight_memory", "m10k"};
    std::vector<DesignKey> t;

    DesignKey name;
    name.key = "name";
    name.type = KeyType::text;
    name.legal_text = "non-empty text without spaces, control characters or '/'";
    name.doc_legal = "any text without spaces";
    name.deflt = DesignPoint{}.name;
    name.meaning = "label used in reports and file names";
    name.get = [](const DesignPoint& d) { return d.name; };
    name.store = [](DesignPoint& d, const std::string& v) { d.name = v; };
    t.push_back(name);

    t.push_back(integer_key("lanes", {1, 2, 4, 8, 16, 32, 64}, &DesignPoint::lanes, "LANES",
                            "MAC rows computed per matvec-tile pass"));
    t.push_back(integer_key("cols_per_cycle", {1, 2, 4, 8, 16}, &DesignPoint::cols_per_cycle, "COLS",
                            "input columns each lane consumes per cycle"));
    t.push_back(enum_key("weight_memory", {"logic", "m10k"}, &DesignPoint::weight_memory, "WEIGHT_M10K",
                         "weights as combinational logic ROMs, or in M10K block RAM (synchronous read, 1 cycle latency)"));
    DesignKey banks = conditional_integer_key("weight_banks", {1, 2, 4, 8, 16, 32, 64}, &DesignPoint::weight_banks,
                                              m10k, "BANKS",
                                              "M10K banks per weight matrix; words are striped across banks in read order");
    // Entering M10K from logic ROMs, the local search tries the fewest listed
    // banks that stream one lane pass (lanes x cols weights) without stalls.
    banks.entry_value = [](const DesignPoint& d, const std::vector<std::string>& listed) {
        const int words = ceil_div(d.lanes * d.cols_per_cycle, kWeightsPerWord);
        for (const auto& b : listed)
            if (std::stoi(b) * d.bram_ports >= words) return b;
        return listed.back();
    };
    t.push_back(banks);
    t.push_back(conditional_integer_key("bram_ports", {1, 2}, &DesignPoint::bram_ports, m10k, "PORTS",
                                        "read ports per M10K bank (2 = true dual-port ROM)"));
    DesignKey rom_layout = enum_key(
        "rom_layout", {"matrix", "step"}, &DesignPoint::rom_layout, "ROM_STEP",
        "how a logic ROM is read: matrix: word i of a step at address step x words + i of one ROM of the whole "
        "matrix per word (the reference's structure: an adder in front of a matrix-deep ROM); step: one ROM of "
        "whole steps, indexed by the step (every bit steps deep, no address arithmetic; same cycles; no effect "
        "with M10K weights)");
    // M10K weights have no logic ROM: both layouts are one netlist, one
    // Verilated build, one measured stream.
    rom_layout.rtl_value = [](const DesignPoint& d) {
        return d.weight_memory == WeightMemory::logic && d.rom_layout == RomLayout::step ? 1 : 0;
    };
    t.push_back(rom_layout);
    t.push_back(enum_key("kv_memory", {"registers", "m10k"}, &DesignPoint::kv_memory, "KV_M10K",
                         "KV cache in registers or in M10K (1 cycle read latency)"));
    t.push_back(integer_key("vector_lanes", {1, 2, 4, 8, 16}, &DesignPoint::vector_lanes, "VLANES",
                            "elements per cycle in load, scale, sum-of-squares and residual passes"));
    t.push_back(integer_key("norm_radix_bits", {1, 2, 4}, &DesignPoint::norm_radix_bits, "NORM_RADIX",
                            "result bits per cycle of the RMS engine's square root and division"));
    t.push_back(integer_key("attn_dividers", {1, 2, 4, 16}, &DesignPoint::attn_dividers, "DIVIDERS",
                            "attention dividers working in parallel"));
    t.push_back(integer_key("div_radix_bits", {1, 2, 4}, &DesignPoint::div_radix_bits, "DIV_RADIX",
                            "quotient bits per cycle of each attention divider"));
    t.push_back(enum_key("sampler", {"sequential", "parallel"}, &DesignPoint::sampler, "SAMPLER_PARALLEL",
                         "sequential: 3 cycles per vocabulary weight, 1 per pick; parallel: all weights at once, "
                         "prefix-sum tree"));
    t.push_back(enum_key("argmax", {"sequential", "tree"}, &DesignPoint::argmax, "ARGMAX_TREE",
                         "sequential: 1 logit per cycle; tree: 5-level comparator tree"));
    t.push_back(integer_key("pipeline", {0, 1, 2, 3}, &DesignPoint::pipeline, "PIPELINE",
                            "register stages: 0 none (single-cycle read-multiply-accumulate and vector passes); "
                            "matvec tile: 1 weight and input registers, 2 + product registers, 3 + column-sum "
                            "registers, each one cycle per tile pass; from 1 the vector passes register operands, "
                            "results and squares (+3 cycles per pass that sums squares, +1 per other pass)"));

    // Many names in flight (docs/SEQUENCES.md, docs/SCHEDULING.md). The core
    // takes SLOTS and SCHED_RR (docs/MICROARCH.md "Slots"); every RTL flow runs
    // it. Several cores are the top rtl/mgpt_cores.sv's CORES, not a parameter
    // of the core (arch::rtl_top_module): cosim runs them, the board flow (roms,
    // fpga) refuses them (arch::require_rtl).
    t.push_back(integer_key("sequences", {1, 2, 4, 8, 16}, &DesignPoint::sequences, "SLOTS",
                            "slots per core: independent generations (own position, KV cache, activations, RNG) "
                            "whose stages share the core's units; name i of the workload runs in slot i mod "
                            "(sequences x cores)"));
    t.push_back(integer_key("cores", {1, 2, 4, 8}, &DesignPoint::cores, "",
                            "core replicas, each with its own units and slots (slots k x sequences .. of core k)"));
    DesignKey schedule = enum_key("schedule", {"oldest", "round_robin"}, &DesignPoint::schedule, "SCHED_RR",
                                  "which waiting slot a free unit serves: oldest token step first, or round robin "
                                  "(no effect with one slot)");
    // One slot has no arbiter: both schedules are the same netlist, so they share
    // one RTL parameter set (one Verilated build, one measured core).
    schedule.rtl_value = [](const DesignPoint& d) {
        return d.sequences > 1 && d.schedule == Policy::round_robin ? 1 : 0;
    };
    t.push_back(schedule);
    DesignKey slot_memory = enum_key(
        "slot_memory", {"registers", "mlab"}, &DesignPoint::slot_memory, "SLOT_MLAB",
        "where the slots' activation vectors (x, res, nrm, q, k, v, attn, y, hidden) live: registers behind an "
        "S:1 select per reading unit, or one MLAB per element and reader, read without latency (same cycles; "
        "no effect with one slot; at pipeline 0, x and res stay in registers)");
    // One slot keeps its vectors in registers either way (rtl/mgpt_slot_vector.sv):
    // one netlist, one Verilated build, one measured core.
    slot_memory.rtl_value = [](const DesignPoint& d) {
        return d.sequences > 1 && d.slot_memory == SlotMemory::mlab ? 1 : 0;
    };
    t.push_back(slot_memory);

    DesignKey pll;
    pll.key = "pll_mhz";
    pll.type = KeyType::real_range;
    pll.min = 1.171875;
    pll.max = 550;
    pll.legal_text = "a frequency in MHz, 1.171875 .. 550";
    pll.doc_legal = "1.171875 .. 550 (MHz)";
    pll.deflt = format_mhz(DesignPoint{}.pll_mhz);
    pll.meaning = "requested core clock; the PLL model picks M/N/C from the 50 MHz board clock";
    pll.get = [](const DesignPoint& d) { return format_mhz(d.pll_mhz); };
    pll.store = [](DesignPoint& d, const std::string& v) { d.pll_mhz = std::stod(v); };
    t.push_back(pll);

    DesignKey numerics = enum_key("numerics", {"reference", "saturating"}, &DesignPoint::numerics, "REF_PROFILE",
                                  "reference: bit-compatible with the published RTL (index wraparound); "
                                  "saturating: indices clamp");
    numerics.rtl_value = [](const DesignPoint& d) { return d.numerics == Numerics::reference ? 1 : 0; };
    t.push_back(numerics);
    return t;
}

}  // namespace

std::string DesignKey::legal() const { return type == KeyType::choice ? join(values) : legal_text; }

std::string DesignKey::documented_legal() const {
    if (type != KeyType::choice) return doc_legal;
    return join(values) + (applies_when ? " (" + applies_when->value + " only)" : "");
}

bool DesignKey::applies(const DesignPoint& d) const {
    return !applies_when || find_design_key(applies_when->key)->get(d) == applies_when->value;
}

void DesignKey::set(DesignPoint& d, const std::string& value, const std::string& where) const {
    switch (type) {
    case KeyType::text:
        if (value.empty() || value.find_first_of(" \t/") != std::string::npos ||
            std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            illegal(where, key, value, legal());
        store(d, value);
        return;
    case KeyType::real_range: {
        const std::optional<double> v = parse_finite_real(value);
        if (!v || *v < min || *v > max) illegal(where, key, value, legal());
        store(d, value);
        return;
    }
    case KeyType::choice:
        if (all_integers(values)) {
            const std::string c = canonical_integer(value, values);
            if (c.empty()) illegal(where, key, value, legal());
            store(d, c);
            return;
        }
        for (const auto& v : values)
            if (v == value) {
                store(d, v);
                return;
            }
        illegal(where, key, value, legal());
    }
}

const std::vector<DesignKey>& design_keys() {
    static const std::vector<DesignKey> keys = make_table();
    return keys;
}

const DesignKey* find_design_key(const std::string& key) {
    for (const auto& k : design_keys())
        if (k.key == key) return &k;
    return nullptr;
}

std::string design_key_names() {
    std::vector<std::string> names;
    for (const auto& k : design_keys()) names.push_back(k.key);
    return join(names);
}

std::vector<const DesignKey*> dependent_keys(const std::string& controller) {
    std::vector<const DesignKey*> out;
    for (const auto& k : design_keys())
        if (k.applies_when && k.applies_when->key == controller) out.push_back(&k);
    return out;
}

bool is_sweepable(const DesignKey& k) { return k.type != KeyType::text; }

std::string design_keys_markdown() {
    std::string s = "| key | legal | default | applies | RTL parameter | meaning |\n|---|---|---|---|---|---|\n";
    for (const auto& k : design_keys()) {
        if (!is_sweepable(k)) continue;
        const std::string applies = k.applies_when ? k.applies_when->key + " = " + k.applies_when->value : "always";
        const std::string rtl = k.rtl_parameter.empty() ? "—" : "`" + k.rtl_parameter + "`";
        s += "| `" + k.key + "` | " + k.documented_legal() + " | " + k.deflt + " | " + applies + " | " + rtl + " | " +
             k.meaning + " |\n";
    }
    return s;
}

}  // namespace mgpt::arch
