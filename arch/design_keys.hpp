// The one table of design keys: for every key its name, legal values (or
// range), default, the condition under which it applies, the RTL parameter it
// sets, its one-line meaning and the accessors that tie it to a DesignPoint
// field. Parsing (config files, --set, points.csv), validation, sweeps, the
// explorer's design space, the RTL parameters and cache key, the README table
// and the tests' design-point generators all derive from this table: adding a
// key is one row here plus the models that use it.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mgpt::arch {

struct DesignPoint;

enum class KeyType {
    choice,      // one of `values` (integers or words)
    real_range,  // a real number in [min, max]
    text,        // free text (the point's name)
};

// A key that applies only when another key has a given value (e.g. the M10K
// bank count applies only to weight_memory = m10k). Outside it the key is unset.
struct KeyCondition {
    std::string key, value;
};

struct DesignKey {
    std::string key;
    KeyType type = KeyType::choice;
    std::vector<std::string> values;  // choice: the legal set, in the order sweeps and tests list it
    double min = 0, max = 0;          // real_range
    std::string legal_text;           // real_range/text: the legal set in words (errors)
    std::string doc_legal;            // real_range/text: the legal set as documented
    std::string deflt;                // the default as written in a config file; "(unset)" for conditional keys
    std::optional<KeyCondition> applies_when;
    std::string rtl_parameter;        // rtl/mgpt_core.sv parameter it sets; empty: it does not shape the RTL
    std::string meaning;

    // The value as a config file writes it ("" when the key does not apply).
    std::function<std::string(const DesignPoint&)> get;
    // Stores a value already checked to be legal.
    std::function<void(DesignPoint&, const std::string&)> store;
    // Conditional keys: makes the key unset.
    std::function<void(DesignPoint&)> clear;
    // The RTL parameter's value (only for keys with an rtl_parameter).
    std::function<int(const DesignPoint&)> rtl_value;
    // Conditional keys, optional: the value the explorer's local search picks
    // when a neighbour switches the condition on (given the point with the
    // other dependent keys already set and the values the sweep lists).
    std::function<std::string(const DesignPoint&, const std::vector<std::string>&)> entry_value;

    // The legal set as error messages spell it ("1, 2, 4").
    std::string legal() const;
    // The legal set as documentation spells it (with "(m10k only)" for conditional keys).
    std::string documented_legal() const;
    bool applies(const DesignPoint& d) const;
    // Checks `value` and stores it; throws std::invalid_argument naming `where`,
    // the key, the value and the legal set.
    void set(DesignPoint& d, const std::string& value, const std::string& where) const;
};

// Every design key, in config-file / points.csv / RTL-parameter order.
const std::vector<DesignKey>& design_keys();
// The key named `key`, or nullptr.
const DesignKey* find_design_key(const std::string& key);
// "lanes, cols_per_cycle, ..." (error messages for unknown keys).
std::string design_key_names();
// The keys that apply only when `controller` has some value (table order).
std::vector<const DesignKey*> dependent_keys(const std::string& controller);
// The keys a sweep may list (all but the point's name).
bool is_sweepable(const DesignKey& k);

// The README's key table (Markdown), generated from the table.
std::string design_keys_markdown();

}  // namespace mgpt::arch
