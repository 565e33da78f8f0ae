#include "sweep.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include <boost/program_options.hpp>

#include "common/input_file.hpp"
#include "common/option_error.hpp"
#include "common/source_tree.hpp"
#include "model/parse_values.hpp"
#include "text_util.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace mgpt::explorer {

const char* to_string(Strategy s) {
    return s == Strategy::grid ? "grid" : s == Strategy::exhaustive ? "exhaustive" : "random";
}

const Axis& Sweep::axis(const std::string& key) const {
    for (const auto& a : axes)
        if (a.key == key) return a;
    throw std::logic_error("sweep has no axis '" + key + "'");
}

const std::vector<SweepKeyInfo>& sweep_keys() {
    static const std::vector<SweepKeyInfo> keys = {
        {"name", "text without spaces or '/'", "the file name without .cfg", "names the results folder and the points"},
        {"strategy", "grid, exhaustive, random", "grid",
         "grid: every combination; exhaustive: every combination of the keys but `pll_mhz`, each at the fastest "
         "listed PLL request that meets timing (the same fronts as the grid, proven in tests/explorer); random: "
         "`samples` distinct points drawn uniformly"},
        {"samples", "1 .. 10000000 (random only)", "(required for random)", "points drawn by the random strategy"},
        {"seed", "0 .. 4294967295", "1", "seed of the random strategy"},
        {"local_search_rounds", "0 .. 1000", "0",
         "rounds of local search: evaluate every neighbour (one key moved one step in its list) of the current "
         "Pareto points (tokens/s vs ALMs and vs DSP blocks)"},
        {"baseline", "a design file (relative to the sweep file)", "configs/designs/baseline.cfg",
         "always evaluated (point 0), marked in plots and compared against; keys the sweep omits take its values"},
        {"<design key>", "a list `v1, v2, ...` of legal values; pll_mhz also `start:stop:step`", "the baseline's value",
         "the values a sweep tries for that key (weight_banks and bram_ports apply to m10k points only)"},
        {"workload.names", "1 .. 100000", "32", "names generated per point (the golden model's seeded workload)"},
        {"workload.seed", "32-bit, decimal or 0x hex", "2", "RNG seed of the workload (carries from name to name)"},
        {"workload.temperature", "real (0.5) or Q8.8 hex (0x0080)", "0.5", "sampling temperature"},
        {"workload.greedy", "true, false", "false", "argmax instead of sampling"},
        {"workload.weights", "a Q4.12 ROM directory (relative to the sweep file)", "data/weights", "weights the workload runs on"},
        {"device.alms", "> 0", "32070", "ALMs of the device"},
        {"device.registers", "> 0", "128280", "registers of the device"},
        {"device.dsp", "> 0", "87", "DSP blocks of the device"},
        {"device.m10k", "> 0", "397", "M10K blocks of the device"},
        {"device.mlabs", "> 0", "768", "MLABs of the device (480 Kb of MLAB memory / 640 bits, to confirm)"},
        {"device.max_alm_utilisation", "0 < u <= 1", "0.85", "share of the ALMs a point may use (routing margin)"},
        {"device.max_register_utilisation", "0 < u <= 1", "1", "share of the registers a point may use"},
        {"device.max_dsp_utilisation", "0 < u <= 1", "1", "share of the DSP blocks a point may use"},
        {"device.max_m10k_utilisation", "0 < u <= 1", "1", "share of the M10K blocks a point may use"},
        {"device.max_mlab_utilisation", "0 < u <= 1", "1", "share of the MLABs a point may use"},
    };
    return keys;
}

namespace {


// Locates keys in the file ("section.key" -> line) so errors can name the line.
class Locator {
public:
    explicit Locator(const std::string& path) : path_(path) {
        std::ifstream in(path);
        std::string section;
        int n = 0;
        for (std::string l; std::getline(in, l);) {
            ++n;
            const std::string t = trim(l.substr(0, l.find('#')));
            if (t.empty()) continue;
            if (t.front() == '[' && t.back() == ']') {
                section = trim(t.substr(1, t.size() - 2));
                continue;
            }
            const size_t eq = t.find('=');
            if (eq == std::string::npos) continue;
            const std::string key = (section.empty() ? "" : section + ".") + trim(t.substr(0, eq));
            lines_.emplace(key, n);  // first occurrence
        }
    }
    std::string at(const std::string& key) const {
        const auto it = lines_.find(key);
        return it == lines_.end() ? path_ : path_ + ":" + std::to_string(it->second);
    }

private:
    std::string path_;
    std::map<std::string, int> lines_;
};

[[noreturn]] void illegal(const Locator& loc, const std::string& key, const std::string& value,
                          const std::string& legal) {
    throw std::runtime_error(loc.at(key) + ": key '" + key + "': value '" + value + "' is not legal (legal: " + legal +
                             ")");
}

long parse_long(const Locator& loc, const std::string& key, const std::string& value, long lo, long hi,
                const std::string& legal) {
    size_t used = 0;
    long v = 0;
    try {
        v = std::stol(value, &used);
    } catch (const std::exception&) {
        illegal(loc, key, value, legal);
    }
    if (used != value.size() || v < lo || v > hi) illegal(loc, key, value, legal);
    return v;
}

double parse_bounded(const Locator& loc, const std::string& key, const std::string& value, double lo, double hi,
                     bool lo_open, const std::string& legal) {
    const std::optional<double> v = parse_finite_real(value);
    if (!v || *v > hi || *v < lo || (lo_open && *v == lo)) illegal(loc, key, value, legal);
    return *v;
}

std::string format_mhz(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// The keys whose sweep lists may hold start:stop:step ranges.
std::string real_range_keys() {
    std::string s;
    for (const auto& k : arch::design_keys())
        if (k.type == arch::KeyType::real_range) s += (s.empty() ? "" : ", ") + k.key;
    return s;
}

// "25:200:5" -> 25, 30, ..., 200 (inclusive; steps accumulate without drift).
std::vector<std::string> expand_range(const Locator& loc, const std::string& key, const std::string& item) {
    const auto parts = split(item, ':');
    const std::string legal = "start:stop:step with start <= stop and step > 0 (at most 100000 values)";
    if (parts.size() != 3) illegal(loc, key, item, legal);
    const std::optional<double> first = parse_finite_real(trim(parts[0])), last = parse_finite_real(trim(parts[1])),
                                step = parse_finite_real(trim(parts[2]));
    if (!first || !last || !step || *step <= 0 || *last < *first) illegal(loc, key, item, legal);
    const double a = *first, b = *last, s = *step;
    const double n = std::floor((b - a) / s + 1e-9) + 1;
    if (n > 100000) illegal(loc, key, item, legal);
    std::vector<std::string> out;
    for (long i = 0; i < static_cast<long>(n); ++i) out.push_back(format_mhz(a + static_cast<double>(i) * s));
    return out;
}

// A design key's list: each value checked by arch::set_key (which names the
// key, the value and the legal set) and respelled as arch::get_key writes it.
Axis parse_axis(const Locator& loc, const std::string& key, const std::string& raw, const arch::DesignPoint& base) {
    Axis axis{key, {}};
    std::set<std::string> seen;
    for (const std::string& item0 : split(raw, ',')) {
        const std::string item = trim(item0);
        if (item.empty()) illegal(loc, key, raw, "a comma-separated list of values, no empty entries");
        std::vector<std::string> values{item};
        if (item.find(':') != std::string::npos) {
            if (arch::find_design_key(key)->type != arch::KeyType::real_range)
                illegal(loc, key, item, "ranges start:stop:step apply to " + real_range_keys() + " only");
            values = expand_range(loc, key, item);
        }
        for (const auto& v : values) {
            arch::DesignPoint scratch = base;
            try {
                arch::set_key(scratch, key, v, loc.at(key));
            } catch (const std::invalid_argument& e) {
                throw std::runtime_error(e.what());
            }
            const std::string canonical = arch::get_key(scratch, key);
            if (!seen.insert(canonical).second)
                illegal(loc, key, v, "each value once (" + canonical + " is listed twice)");
            axis.values.push_back(canonical);
        }
    }
    return axis;
}

std::string resolve(const std::string& sweep_path, const std::string& p) {
    if (p.empty() || fs::path(p).is_absolute()) return p;
    return (fs::absolute(sweep_path).parent_path() / p).lexically_normal().string();
}

std::string canonical_text(const Sweep& s) {
    std::string t = "name=" + s.name + ";strategy=" + to_string(s.strategy) + ";samples=" + std::to_string(s.samples) +
                    ";seed=" + std::to_string(s.seed) + ";rounds=" + std::to_string(s.local_search_rounds) + ";";
    for (const auto& a : s.axes) {
        t += a.key + "=";
        for (const auto& v : a.values) t += v + ",";
        t += ";";
    }
    const auto& w = s.workload;
    t += "workload=" + std::to_string(w.names) + "," + std::to_string(w.seed) + "," + std::to_string(w.temperature) +
         "," + (w.greedy ? "greedy" : "sampled") + ";";
    const auto& d = s.device;
    for (double v : {d.alms, d.registers, d.dsp, d.m10k, d.mlabs, d.max_alm_utilisation, d.max_register_utilisation,
                     d.max_dsp_utilisation, d.max_m10k_utilisation, d.max_mlab_utilisation})
        t += format_mhz(v) + ",";
    t += ";baseline=" + arch::to_short_string(s.baseline);
    return t;
}

// The sweep file's values: whether a key is given, and its value (trimmed).
class Values {
public:
    explicit Values(const po::variables_map& vm) : vm_(vm) {}
    bool has(const std::string& k) const { return vm_.count(k) > 0; }
    std::string get(const std::string& k) const { return trim(vm_[k].as<std::string>()); }
    std::string raw(const std::string& k) const { return vm_[k].as<std::string>(); }

private:
    const po::variables_map& vm_;
};

// The [workload] section.
void parse_workload(const Locator& loc, const Values& in, const std::string& path, WorkloadSpec& w) {
    if (in.has("workload.names"))
        w.names = static_cast<int>(parse_long(loc, "workload.names", in.get("workload.names"), 1, 100000, "1 .. 100000"));
    try {
        if (in.has("workload.seed")) w.seed = parse_u32(in.get("workload.seed"), "workload.seed");
        w.temperature = parse_temperature(in.has("workload.temperature") ? in.get("workload.temperature") : "0.5");
    } catch (const std::invalid_argument& e) {
        const std::string key = in.has("workload.temperature") ? "workload.temperature" : "workload.seed";
        throw std::runtime_error(loc.at(key) + ": " + e.what());
    }
    if (in.has("workload.greedy")) {
        const std::string v = in.get("workload.greedy");
        if (v == "true" || v == "1") w.greedy = true;
        else if (v == "false" || v == "0") w.greedy = false;
        else illegal(loc, "workload.greedy", v, "true, false");
    }
    w.weights_dir = in.has("workload.weights") ? resolve(path, in.get("workload.weights")) : data_dir() + "/weights";
}

// The [device] section.
void parse_device(const Locator& loc, const Values& in, DeviceLimits& d) {
    const std::string pos = "a number > 0", share = "a share 0 < u <= 1";
    struct {
        const char* key;
        double* value;
        bool is_share;
    } dev[] = {{"device.alms", &d.alms, false},
               {"device.registers", &d.registers, false},
               {"device.dsp", &d.dsp, false},
               {"device.m10k", &d.m10k, false},
               {"device.mlabs", &d.mlabs, false},
               {"device.max_alm_utilisation", &d.max_alm_utilisation, true},
               {"device.max_register_utilisation", &d.max_register_utilisation, true},
               {"device.max_dsp_utilisation", &d.max_dsp_utilisation, true},
               {"device.max_m10k_utilisation", &d.max_m10k_utilisation, true},
               {"device.max_mlab_utilisation", &d.max_mlab_utilisation, true}};
    for (auto& e : dev)
        if (in.has(e.key))
            *e.value = parse_bounded(loc, e.key, in.get(e.key), 0, e.is_share ? 1.0 : 1e9, true, e.is_share ? share : pos);
}

// One axis per design key; conditional keys listed exactly where they apply.
void parse_axes(const Locator& loc, const Values& in, Sweep& s) {
    for (const auto& k : arch::design_keys()) {
        const std::string key = k.key;
        if (!arch::is_sweepable(k)) continue;
        if (in.has(key)) {
            s.axes.push_back(parse_axis(loc, key, in.raw(key), s.baseline));
        } else {
            const std::string v = arch::get_key(s.baseline, key);
            s.axes.push_back({key, v.empty() ? std::vector<std::string>{} : std::vector<std::string>{v}});
        }
    }
    // A conditional key (e.g. weight_banks: m10k only) is listed exactly when
    // its condition's value is (arch::validate holds every point to it).
    for (const auto& k : arch::design_keys()) {
        if (!k.applies_when) continue;
        const std::string& ctl = k.applies_when->key;
        const std::string& on = k.applies_when->value;
        const auto& ctl_values = s.axis(ctl).values;
        const bool any_on = std::find(ctl_values.begin(), ctl_values.end(), on) != ctl_values.end();
        const bool listed = !s.axis(k.key).values.empty();
        if (any_on && !listed)
            throw std::runtime_error(loc.at(ctl) + ": " + ctl + " lists " + on + ": the sweep needs '" + k.key +
                                     " = ...' (" + k.legal() + ")");
        if (!any_on && listed && in.has(k.key))
            illegal(loc, k.key, in.get(k.key), k.key + " applies only to " + on + " points (" + ctl + " lists no " + on + ")");
        if (!any_on)
            for (auto& a : s.axes)
                if (a.key == k.key) a.values.clear();
    }
}

}  // namespace

Sweep load_sweep(const std::string& path) {
    std::ifstream cfg = open_input_file(path, "sweep file");  // a folder is refused, not read as empty
    const Locator loc(path);

    po::options_description desc;
    std::vector<std::string> known;
    for (const auto& k : sweep_keys())
        if (std::string(k.key) != "<design key>") known.push_back(k.key);
    for (const auto& k : arch::design_keys())
        if (arch::is_sweepable(k)) known.push_back(k.key);
    for (const auto& k : known) desc.add_options()(k.c_str(), po::value<std::string>());
    po::variables_map vm;
    try {
        po::store(po::parse_config_file(cfg, desc, /*allow_unregistered=*/false), vm);
    } catch (const po::unknown_option& e) {
        std::string legal;
        for (const auto& k : known) legal += (legal.empty() ? "" : ", ") + k;
        throw std::runtime_error(loc.at(e.get_option_name()) + ": unknown key '" + e.get_option_name() +
                                 "' (known keys: " + legal + ")");
    } catch (const po::multiple_occurrences& e) {
        throw std::runtime_error(loc.at(e.get_option_name()) + ": key '" + e.get_option_name() +
                                 "' is given more than once");
    } catch (const po::error& e) {
        throw std::runtime_error(path + ": malformed sweep file: " + option_error_message(e) +
                                 " (expected 'key = value' lines and [workload] / [device] sections)");
    }
    const Values in(vm);

    Sweep s;
    s.path = path;
    s.name = in.has("name") ? in.get("name") : fs::path(path).stem().string();
    if (s.name.empty() || s.name.find_first_of(" \t/") != std::string::npos)
        illegal(loc, "name", s.name, "non-empty text without spaces or '/'");

    if (in.has("strategy")) {
        const std::string v = in.get("strategy");
        if (v == "grid") s.strategy = Strategy::grid;
        else if (v == "exhaustive") s.strategy = Strategy::exhaustive;
        else if (v == "random") s.strategy = Strategy::random;
        else illegal(loc, "strategy", v, "grid, exhaustive, random");
    }
    if (s.strategy == Strategy::random) {
        if (!in.has("samples"))
            throw std::runtime_error(path + ": strategy = random needs 'samples = K' (points to draw)");
        s.samples = parse_long(loc, "samples", in.get("samples"), 1, 10000000, "an integer 1 .. 10000000");
    } else if (in.has("samples")) {
        illegal(loc, "samples", in.get("samples"),
                std::string("samples applies to strategy = random only (strategy is ") + to_string(s.strategy) + ")");
    }
    if (in.has("seed")) s.seed = static_cast<uint64_t>(parse_long(loc, "seed", in.get("seed"), 0, 4294967295L, "0 .. 4294967295"));
    if (in.has("local_search_rounds"))
        s.local_search_rounds =
            static_cast<int>(parse_long(loc, "local_search_rounds", in.get("local_search_rounds"), 0, 1000, "0 .. 1000"));

    if (s.strategy == Strategy::exhaustive && s.local_search_rounds > 0)
        illegal(loc, "local_search_rounds", in.get("local_search_rounds"),
                "0 with strategy = exhaustive (it already covers every point)");

    s.baseline_path = in.has("baseline") ? resolve(path, in.get("baseline")) : source_path("configs/designs/baseline.cfg");
    try {
        s.baseline = arch::load_design(s.baseline_path);
    } catch (const std::exception& e) {
        throw std::runtime_error(loc.at("baseline") + ": baseline design: " + e.what());
    }

    parse_axes(loc, in, s);
    parse_workload(loc, in, path, s.workload);
    parse_device(loc, in, s.device);

    s.hash = fnv1a64(canonical_text(s));
    return s;
}

}  // namespace mgpt::explorer
