// Shared fixtures of the SystemC tests: design points and golden references.
#pragma once
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "model/golden_step.hpp"
#include "systemc_models/platform.hpp"
#include "../unit/test_helpers.hpp"

namespace mgpt::test {

inline arch::DesignPoint baseline() {
    return arch::load_design(std::string(MGPT_SOURCE_DIR) + "/configs/designs/baseline.cfg");
}

inline arch::DesignPoint with(arch::DesignPoint d, const std::vector<std::string>& overrides) {
    arch::apply_overrides(d, overrides);
    return d;
}

}  // namespace mgpt::test

#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

namespace mgpt::test {

// The last binary value a VCD writes for the vector variable declared on the
// `$var` line containing `decl` (e.g. " cycle [63:0]"), without its 'b'; ""
// when there is none.
inline std::string last_vcd_value(const std::string& vcd, const std::string& decl) {
    std::istringstream lines(vcd);
    std::string line, id, last;
    while (std::getline(lines, line)) {
        if (line.find("$var") == 0 && line.find(decl) != std::string::npos) {
            std::istringstream f(line);
            std::string var, kind, width;
            f >> var >> kind >> width >> id;
        } else if (!id.empty() && line.size() > id.size() + 2 && line[0] == 'b' &&
                   line.compare(line.size() - id.size() - 1, id.size() + 1, " " + id) == 0) {
            last = line.substr(1, line.size() - id.size() - 2);
        }
    }
    return last;
}

// Values tried for a real-valued key (the key table gives only its range).
inline std::vector<std::string> real_samples(const arch::DesignKey& k, bool wide) {
    if (k.key == "pll_mhz") return wide ? std::vector<std::string>{"25", "50", "56.25", "100", "150"}
                                        : std::vector<std::string>{"25", "57.123", "200"};
    return {std::to_string(k.min), std::to_string((k.min + k.max) / 2), std::to_string(k.max)};
}

// `key=value` plus every combination of the dependents `value` switches on.
inline std::vector<std::vector<std::string>> with_dependents(const arch::DesignKey& k, const std::string& value) {
    std::vector<std::vector<std::string>> out{{k.key + "=" + value}};
    for (const auto* dep : arch::dependent_keys(k.key)) {
        if (dep->applies_when->value != value) continue;
        std::vector<std::vector<std::string>> next;
        for (const auto& o : out)
            for (const auto& v : dep->values) {
                next.push_back(o);
                next.back().push_back(dep->key + "=" + v);
            }
        out = next;
    }
    return out;
}

// Every value of every key (from the key table), one key at a time from the
// baseline, both profiles; a key that switches dependents on, with every
// combination of them.
inline std::vector<arch::DesignPoint> one_key_at_a_time() {
    const auto b = baseline();
    std::vector<std::vector<std::string>> sets;
    for (const auto& k : arch::design_keys()) {
        if (!arch::is_sweepable(k) || k.applies_when) continue;
        const auto values = k.type == arch::KeyType::real_range ? real_samples(k, false) : k.values;
        for (const auto& v : values) {
            if (v == k.get(b)) continue;
            for (const auto& s : with_dependents(k, v)) sets.push_back(s);
        }
    }
    std::vector<arch::DesignPoint> out{b};
    for (const auto& s : sets) out.push_back(with(b, s));
    return out;
}

// A uniformly random legal design point (every key from the key table).
inline arch::DesignPoint random_design(std::mt19937& rng) {
    auto pick = [&](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
    };
    std::vector<std::string> o;
    for (const auto& k : arch::design_keys()) {
        if (!arch::is_sweepable(k) || k.applies_when) continue;
        const std::string v = pick(k.type == arch::KeyType::real_range ? real_samples(k, true) : k.values);
        o.push_back(k.key + "=" + v);
        for (const auto* dep : arch::dependent_keys(k.key))
            if (dep->applies_when->value == v) o.push_back(dep->key + "=" + pick(dep->values));
    }
    return with(baseline(), o);
}

}  // namespace mgpt::test
