#include "design_point.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <boost/program_options.hpp>

#include "common/input_file.hpp"
#include "common/option_error.hpp"
#include "common/printable.hpp"

namespace po = boost::program_options;

namespace mgpt::arch {

namespace {

std::string join(const std::vector<const DesignKey*>& keys, const std::string& sep, bool with_legal) {
    std::string s;
    for (const auto* k : keys) s += (s.empty() ? "" : sep) + k->key + (with_legal ? " (" + k->legal() + ")" : "");
    return s;
}

const DesignKey& key_or_throw(const std::string& key, const std::string& where) {
    if (const DesignKey* k = find_design_key(key)) return *k;
    throw std::invalid_argument((where.empty() ? "" : where + ": ") + "unknown key '" + key +
                                "' (known keys: " + design_key_names() + ")");
}

}  // namespace

bool DesignPoint::operator==(const DesignPoint& o) const { return to_short_string(*this) == to_short_string(o); }

void set_key(DesignPoint& d, const std::string& key, const std::string& value, const std::string& where) {
    key_or_throw(key, where).set(d, value, where);
}

void set_or_clear_key(DesignPoint& d, const std::string& key, const std::string& value, const std::string& where) {
    const DesignKey& k = key_or_throw(key, where);
    if (value.empty() && k.clear) k.clear(d);
    else k.set(d, value, where);
}

std::string get_key(const DesignPoint& d, const std::string& key) {
    if (const DesignKey* k = find_design_key(key)) return k->get(d);
    throw std::invalid_argument("unknown key '" + key + "'");
}

void validate(const DesignPoint& d, const std::string& where) {
    const std::string at = where.empty() ? "" : where + ": ";
    for (const auto& controller : design_keys()) {
        const auto dependents = dependent_keys(controller.key);
        if (dependents.empty()) continue;
        // Every dependent shares one condition value per controller (the table's rows).
        const std::string& value = dependents.front()->applies_when->value;
        const bool on = controller.get(d) == value;
        std::vector<const DesignKey*> set, unset;
        for (const auto* k : dependents) (k->get(d).empty() ? unset : set).push_back(k);
        if (on && !unset.empty())
            throw std::invalid_argument(at + controller.key + " = " + value + " needs " +
                                        join(dependents, " and ", true));
        if (!on && !set.empty())
            throw std::invalid_argument(at + join(set, " and ", false) + (set.size() > 1 ? " apply" : " applies") +
                                        " only to " + controller.key + " = " + value + " (" + controller.key + " is " +
                                        controller.get(d) + ": remove " + (set.size() > 1 ? "them" : "it") + ")");
    }
}

void apply_overrides(DesignPoint& d, const std::vector<std::string>& overrides) {
    std::set<std::string> given;
    for (const auto& o : overrides) {
        const size_t eq = o.find('=');
        if (eq == std::string::npos || eq == 0)
            throw std::invalid_argument("--set '" + printable(o) + "': expected key=value");
        // An empty value unsets a conditional key.
        set_or_clear_key(d, o.substr(0, eq), o.substr(eq + 1), "--set");
        given.insert(o.substr(0, eq));
    }
    // A conditional key the overrides did not name follows its condition: it is
    // dropped where the condition no longer holds (--set weight_memory=logic on
    // an M10K design drops weight_banks and bram_ports). One named explicitly is
    // left for validate() to judge.
    for (const auto& k : design_keys())
        if (k.clear && !given.count(k.key) && !k.applies(d)) k.clear(d);
    validate(d, "--set");
}

namespace {

// The first line boost's config parser would reject ("key = value", '#'
// comments, blank lines; design files have no [sections]), so its error can
// name the line: 0 when every line is well formed.
size_t first_malformed_line(const std::vector<std::string>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string s = lines[i].substr(0, lines[i].find('#'));
        const size_t b = s.find_first_not_of(" \t\r");
        if (b == std::string::npos) continue;
        const size_t eq = s.find('=');
        if (eq == std::string::npos || s[b] == '[' || eq == b) return i + 1;
    }
    return 0;
}

// The name of a design file without a `name` key: its stem, with any character
// a name cannot hold (spaces, '/', control bytes) replaced by '_'.
std::string name_from_path(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    for (char& c : stem)
        if (c == ' ' || c == '\t' || c == '/' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '_';
    return stem.empty() ? "design" : stem;
}

}  // namespace

DesignPoint load_design(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in = open_input_file(path, "design file");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    if (const size_t bad = first_malformed_line(lines))
        throw std::runtime_error(path + ":" + std::to_string(bad) + ": not a 'key = value' line: '" +
                                 printable(lines[bad - 1]) + "'");
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
    for (const auto& k : design_keys()) desc.add_options()(k.key.c_str(), po::value<std::string>());
    po::variables_map vm;
    std::istringstream cfg([&] {
        std::string text;
        for (const auto& l : lines) text += l + "\n";
        return text;
    }());
    try {
        po::store(po::parse_config_file(cfg, desc, /*allow_unregistered=*/false), vm);
    } catch (const po::unknown_option& e) {
        throw std::runtime_error(line_of(e.get_option_name()) + ": unknown key '" + printable(e.get_option_name()) +
                                 "' (known keys: " + design_key_names() + ")");
    } catch (const po::multiple_occurrences& e) {
        throw std::runtime_error(line_of(e.get_option_name()) + ": key '" + printable(e.get_option_name()) +
                                 "' is given more than once");
    } catch (const po::error& e) {
        throw std::runtime_error(path + ": malformed design file: " + option_error_message(e) +
                                 " (expected 'key = value' lines)");
    }
    DesignPoint d;
    d.name = name_from_path(path);  // unless the file names it
    try {
        for (const auto& k : design_keys())
            if (vm.count(k.key)) k.set(d, vm[k.key].as<std::string>(), line_of(k.key));
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
        const std::string v = k.get(d);
        if (v.empty()) continue;
        os << "# " << k.meaning << " (legal: " << k.documented_legal() << ")\n" << k.key << " = " << v << "\n";
    }
    return os.str();
}

std::string to_short_string(const DesignPoint& d) {
    std::string s;
    for (const auto& k : design_keys()) {
        if (!is_sweepable(k)) continue;
        const std::string v = k.get(d);
        if (!v.empty()) s += std::string(s.empty() ? "" : " ") + k.key + "=" + v;
    }
    return s;
}

}  // namespace mgpt::arch
