#include "design_point.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/program_options.hpp>

namespace po = boost::program_options;

namespace mgpt::arch {

namespace {

const char* to_string(WeightMemory v) { return v == WeightMemory::logic ? "logic" : "m10k"; }
const char* to_string(KvMemory v) { return v == KvMemory::registers ? "registers" : "m10k"; }
const char* to_string(SamplerKind v) { return v == SamplerKind::sequential ? "sequential" : "parallel"; }
const char* to_string(ArgmaxKind v) { return v == ArgmaxKind::sequential ? "sequential" : "tree"; }

[[noreturn]] void illegal(const std::string& where, const std::string& key, const std::string& value,
                          const std::string& legal) {
    throw std::invalid_argument((where.empty() ? "" : where + ": ") + "key '" + key + "': value '" + value +
                                "' is not legal (legal: " + legal + ")");
}

int parse_int_in(const std::string& where, const std::string& key, const std::string& value,
                 std::initializer_list<int> legal_set, const std::string& legal) {
    size_t used = 0;
    int v = 0;
    try {
        v = std::stoi(value, &used);
    } catch (const std::exception&) {
        illegal(where, key, value, legal);
    }
    if (used != value.size()) illegal(where, key, value, legal);
    for (int l : legal_set)
        if (l == v) return v;
    illegal(where, key, value, legal);
}

template <typename E>
E parse_enum(const std::string& where, const std::string& key, const std::string& value, E a, const char* an, E b,
             const char* bn) {
    if (value == an) return a;
    if (value == bn) return b;
    illegal(where, key, value, std::string(an) + ", " + bn);
}

std::string format_mhz(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

}  // namespace

bool DesignPoint::operator==(const DesignPoint& o) const { return to_short_string(*this) == to_short_string(o); }

const std::vector<KeyInfo>& design_keys() {
    static const std::vector<KeyInfo> keys = {
        {"name", "any text without spaces", "baseline", "label used in reports and file names"},
        {"lanes", "1, 2, 4, 8, 16, 32, 64", "16", "MAC rows computed per matvec-tile pass"},
        {"cols_per_cycle", "1, 2, 4, 8, 16", "1", "input columns each lane consumes per cycle"},
        {"weight_memory", "logic, m10k", "logic",
         "weights as combinational logic ROMs, or in M10K block RAM (synchronous read, 1 cycle latency)"},
        {"weight_banks", "1, 2, 4, 8, 16, 32, 64 (m10k only)", "(unset)",
         "M10K banks per weight matrix; words are striped across banks in read order"},
        {"bram_ports", "1, 2 (m10k only)", "(unset)", "read ports per M10K bank (2 = true dual-port ROM)"},
        {"kv_memory", "registers, m10k", "registers", "KV cache in registers or in M10K (1 cycle read latency)"},
        {"vector_lanes", "1, 2, 4, 8, 16", "1", "elements per cycle in load, scale, sum-of-squares and residual passes"},
        {"norm_radix_bits", "1, 2, 4", "1", "result bits per cycle of the RMS engine's square root and division"},
        {"attn_dividers", "1, 2, 4, 16", "4", "attention dividers working in parallel"},
        {"div_radix_bits", "1, 2, 4", "1", "quotient bits per cycle of each attention divider"},
        {"sampler", "sequential, parallel", "sequential",
         "sequential: 3 cycles per vocabulary weight, 1 per pick; parallel: all weights at once, prefix-sum tree"},
        {"argmax", "sequential, tree", "sequential", "sequential: 1 logit per cycle; tree: 5-level comparator tree"},
        {"pll_mhz", "1.171875 .. 550 (MHz)", "56.25",
         "requested core clock; the PLL model picks M/N/C from the 50 MHz board clock"},
        {"numerics", "reference, saturating", "saturating",
         "reference: bit-compatible with the published RTL (index wraparound); saturating: indices clamp"},
    };
    return keys;
}

void set_key(DesignPoint& d, const std::string& key, const std::string& value, const std::string& where) {
    if (key == "name") {
        if (value.empty() || value.find_first_of(" \t/") != std::string::npos)
            illegal(where, key, value, "non-empty text without spaces or '/'");
        d.name = value;
    } else if (key == "lanes") {
        d.lanes = parse_int_in(where, key, value, {1, 2, 4, 8, 16, 32, 64}, "1, 2, 4, 8, 16, 32, 64");
    } else if (key == "cols_per_cycle") {
        d.cols_per_cycle = parse_int_in(where, key, value, {1, 2, 4, 8, 16}, "1, 2, 4, 8, 16");
    } else if (key == "weight_memory") {
        d.weight_memory = parse_enum(where, key, value, WeightMemory::logic, "logic", WeightMemory::m10k, "m10k");
    } else if (key == "weight_banks") {
        d.weight_banks = parse_int_in(where, key, value, {1, 2, 4, 8, 16, 32, 64}, "1, 2, 4, 8, 16, 32, 64");
    } else if (key == "bram_ports") {
        d.bram_ports = parse_int_in(where, key, value, {1, 2}, "1, 2");
    } else if (key == "kv_memory") {
        d.kv_memory = parse_enum(where, key, value, KvMemory::registers, "registers", KvMemory::m10k, "m10k");
    } else if (key == "vector_lanes") {
        d.vector_lanes = parse_int_in(where, key, value, {1, 2, 4, 8, 16}, "1, 2, 4, 8, 16");
    } else if (key == "norm_radix_bits") {
        d.norm_radix_bits = parse_int_in(where, key, value, {1, 2, 4}, "1, 2, 4");
    } else if (key == "attn_dividers") {
        d.attn_dividers = parse_int_in(where, key, value, {1, 2, 4, 16}, "1, 2, 4, 16");
    } else if (key == "div_radix_bits") {
        d.div_radix_bits = parse_int_in(where, key, value, {1, 2, 4}, "1, 2, 4");
    } else if (key == "sampler") {
        d.sampler = parse_enum(where, key, value, SamplerKind::sequential, "sequential", SamplerKind::parallel,
                               "parallel");
    } else if (key == "argmax") {
        d.argmax = parse_enum(where, key, value, ArgmaxKind::sequential, "sequential", ArgmaxKind::tree, "tree");
    } else if (key == "pll_mhz") {
        size_t used = 0;
        double v = 0;
        try {
            v = std::stod(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != value.size() || !std::isfinite(v) || v < 1.171875 || v > 550)
            illegal(where, key, value, "a frequency in MHz, 1.171875 .. 550");
        d.pll_mhz = v;
    } else if (key == "numerics") {
        try {
            d.numerics = parse_numerics(value);
        } catch (const std::invalid_argument&) {
            illegal(where, key, value, "reference, saturating");
        }
    } else {
        std::string legal;
        for (const auto& k : design_keys()) legal += std::string(legal.empty() ? "" : ", ") + k.key;
        throw std::invalid_argument((where.empty() ? "" : where + ": ") + "unknown key '" + key +
                                    "' (known keys: " + legal + ")");
    }
}

std::string get_key(const DesignPoint& d, const std::string& key) {
    if (key == "name") return d.name;
    if (key == "lanes") return std::to_string(d.lanes);
    if (key == "cols_per_cycle") return std::to_string(d.cols_per_cycle);
    if (key == "weight_memory") return to_string(d.weight_memory);
    if (key == "weight_banks") return d.weight_banks ? std::to_string(d.weight_banks) : "";
    if (key == "bram_ports") return d.bram_ports ? std::to_string(d.bram_ports) : "";
    if (key == "kv_memory") return to_string(d.kv_memory);
    if (key == "vector_lanes") return std::to_string(d.vector_lanes);
    if (key == "norm_radix_bits") return std::to_string(d.norm_radix_bits);
    if (key == "attn_dividers") return std::to_string(d.attn_dividers);
    if (key == "div_radix_bits") return std::to_string(d.div_radix_bits);
    if (key == "sampler") return to_string(d.sampler);
    if (key == "argmax") return to_string(d.argmax);
    if (key == "pll_mhz") return format_mhz(d.pll_mhz);
    if (key == "numerics") return mgpt::to_string(d.numerics);
    throw std::invalid_argument("unknown key '" + key + "'");
}

void validate(const DesignPoint& d, const std::string& where) {
    const std::string at = where.empty() ? "" : where + ": ";
    if (d.weight_memory == WeightMemory::m10k && (d.weight_banks == 0 || d.bram_ports == 0))
        throw std::invalid_argument(at + "weight_memory = m10k needs weight_banks (1, 2, 4, 8, 16, 32, 64) and "
                                         "bram_ports (1, 2)");
    if (d.weight_memory == WeightMemory::logic && (d.weight_banks != 0 || d.bram_ports != 0))
        throw std::invalid_argument(at + "weight_banks and bram_ports apply only to weight_memory = m10k "
                                         "(weight_memory is logic: remove them)");
}

void apply_overrides(DesignPoint& d, const std::vector<std::string>& overrides) {
    for (const auto& o : overrides) {
        const size_t eq = o.find('=');
        if (eq == std::string::npos || eq == 0)
            throw std::invalid_argument("--set '" + o + "': expected key=value");
        const std::string key = o.substr(0, eq), value = o.substr(eq + 1);
        // An empty value unsets the m10k-only keys (so --set weight_memory=logic can drop them).
        if (value.empty() && (key == "weight_banks" || key == "bram_ports")) {
            (key == "weight_banks" ? d.weight_banks : d.bram_ports) = 0;
            continue;
        }
        set_key(d, key, value, "--set");
    }
    validate(d, "--set");
}

DesignPoint load_design(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open design file");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    // Where a key is written, so errors can name the line.
    auto line_of = [&](const std::string& key) {
        for (size_t i = 0; i < lines.size(); ++i) {
            const size_t b = lines[i].find_first_not_of(" \t");
            if (b != std::string::npos && lines[i].compare(b, key.size(), key) == 0) {
                const size_t e = lines[i].find_first_not_of(" \t", b + key.size());
                if (e != std::string::npos && lines[i][e] == '=') return path + ":" + std::to_string(i + 1);
            }
        }
        return path;
    };
    po::options_description desc;
    for (const auto& k : design_keys()) desc.add_options()(k.key, po::value<std::string>());
    po::variables_map vm;
    std::ifstream cfg(path);
    try {
        po::store(po::parse_config_file(cfg, desc, /*allow_unregistered=*/false), vm);
    } catch (const po::unknown_option& e) {
        std::string legal;
        for (const auto& k : design_keys()) legal += std::string(legal.empty() ? "" : ", ") + k.key;
        throw std::runtime_error(line_of(e.get_option_name()) + ": unknown key '" + e.get_option_name() +
                                 "' (known keys: " + legal + ")");
    } catch (const po::multiple_occurrences& e) {
        throw std::runtime_error(line_of(e.get_option_name()) + ": key '" + e.get_option_name() +
                                 "' is given more than once");
    } catch (const po::error& e) {
        throw std::runtime_error(path + ": malformed design file: " + e.what() + " (expected 'key = value' lines)");
    }
    DesignPoint d;
    try {
        for (const auto& k : design_keys())
            if (vm.count(k.key)) set_key(d, k.key, vm[k.key].as<std::string>(), line_of(k.key));
        validate(d, path);
        apply_overrides(d, overrides);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(e.what());
    }
    return d;
}

std::string to_config_text(const DesignPoint& d) {
    std::ostringstream os;
    os << "# microgpt-dse design point (keys: see README, 'Design points')\n";
    for (const auto& k : design_keys()) {
        const std::string v = get_key(d, k.key);
        if (v.empty()) continue;
        os << "# " << k.meaning << " (legal: " << k.legal << ")\n" << k.key << " = " << v << "\n";
    }
    return os.str();
}

std::string to_short_string(const DesignPoint& d) {
    std::string s;
    for (const auto& k : design_keys()) {
        if (std::string(k.key) == "name") continue;
        const std::string v = get_key(d, k.key);
        if (!v.empty()) s += std::string(s.empty() ? "" : " ") + k.key + "=" + v;
    }
    return s;
}

}  // namespace mgpt::arch
