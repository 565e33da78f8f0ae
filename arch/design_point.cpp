#include "design_point.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/program_options.hpp>

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
        bool any_set = false, any_unset = false;
        for (const auto* k : dependents) (k->get(d).empty() ? any_unset : any_set) = true;
        if (on && any_unset)
            throw std::invalid_argument(at + controller.key + " = " + value + " needs " +
                                        join(dependents, " and ", true));
        if (!on && any_set)
            throw std::invalid_argument(at + join(dependents, " and ", false) + " apply only to " + controller.key +
                                        " = " + value + " (" + controller.key + " is " + controller.get(d) +
                                        ": remove them)");
    }
}

void apply_overrides(DesignPoint& d, const std::vector<std::string>& overrides) {
    for (const auto& o : overrides) {
        const size_t eq = o.find('=');
        if (eq == std::string::npos || eq == 0)
            throw std::invalid_argument("--set '" + o + "': expected key=value");
        // An empty value unsets a conditional key (so --set weight_memory=logic can drop them).
        set_or_clear_key(d, o.substr(0, eq), o.substr(eq + 1), "--set");
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
    for (const auto& k : design_keys()) desc.add_options()(k.key.c_str(), po::value<std::string>());
    po::variables_map vm;
    std::ifstream cfg(path);
    try {
        po::store(po::parse_config_file(cfg, desc, /*allow_unregistered=*/false), vm);
    } catch (const po::unknown_option& e) {
        throw std::runtime_error(line_of(e.get_option_name()) + ": unknown key '" + e.get_option_name() +
                                 "' (known keys: " + design_key_names() + ")");
    } catch (const po::multiple_occurrences& e) {
        throw std::runtime_error(line_of(e.get_option_name()) + ": key '" + e.get_option_name() +
                                 "' is given more than once");
    } catch (const po::error& e) {
        throw std::runtime_error(path + ": malformed design file: " + e.what() + " (expected 'key = value' lines)");
    }
    DesignPoint d;
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
