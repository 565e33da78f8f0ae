#include "design_space.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace mgpt::explorer {

DesignSpace::DesignSpace(const Sweep& sweep, const std::vector<std::string>& without_keys) : base_(sweep.baseline) {
    for (const auto& a : sweep.axes) {
        const arch::DesignKey* key = arch::find_design_key(a.key);
        const bool left_out = std::find(without_keys.begin(), without_keys.end(), a.key) != without_keys.end();
        if (key->applies_when || left_out) continue;  // part of its controller's dimension, or folded
        Dim dim{key, a.values, arch::dependent_keys(a.key), {}, {}};
        for (const auto* dep : dim.dependents) dim.dependent_values.push_back(sweep.axis(dep->key).values);
        for (const auto& v : dim.values)
            for (auto& o : options_under(dim, v)) dim.options.push_back(std::move(o));
        dims_.push_back(std::move(dim));
    }
    for (const auto& dim : dims_) {
        const uint64_t n = dim.options.size();
        size_ = size_ > std::numeric_limits<uint64_t>::max() / n ? std::numeric_limits<uint64_t>::max() : size_ * n;
    }
}

std::vector<DesignSpace::Assignment> DesignSpace::options_under(const Dim& dim, const std::string& value) const {
    std::vector<Assignment> out{{{dim.key, value}}};
    for (size_t j = 0; j < dim.dependents.size(); ++j) {
        const arch::DesignKey* dep = dim.dependents[j];
        if (dep->applies_when->value != value) {
            for (auto& a : out) a.emplace_back(dep, "");
            continue;
        }
        std::vector<Assignment> next;
        for (const auto& a : out)
            for (const auto& v : dim.dependent_values[j]) {
                next.push_back(a);
                next.back().emplace_back(dep, v);
            }
        out = std::move(next);
    }
    return out;
}

void DesignSpace::apply(arch::DesignPoint& d, const Assignment& a) {
    // Values come from the sweep, already checked and spelled canonically.
    for (const auto& [key, value] : a) {
        if (value.empty()) key->clear(d);
        else key->store(d, value);
    }
}

int DesignSpace::find(const arch::DesignPoint& d, const Dim& dim) const {
    for (size_t i = 0; i < dim.options.size(); ++i) {
        bool match = true;
        for (const auto& [key, value] : dim.options[i]) match = match && key->get(d) == value;
        if (match) return static_cast<int>(i);
    }
    return -1;
}

arch::DesignPoint DesignSpace::at(uint64_t i) const {
    arch::DesignPoint d = base_;
    for (size_t k = dims_.size(); k-- > 0;) {
        const uint64_t n = dims_[k].options.size();
        apply(d, dims_[k].options[static_cast<size_t>(i % n)]);
        i /= n;
    }
    return d;
}

std::optional<uint64_t> DesignSpace::index_of(const arch::DesignPoint& d) const {
    uint64_t i = 0;
    for (const auto& dim : dims_) {
        const int k = find(d, dim);
        if (k < 0) return std::nullopt;
        i = i * dim.options.size() + static_cast<uint64_t>(k);
    }
    return i;
}

arch::DesignPoint DesignSpace::draw(std::mt19937_64& rng) const {
    // rng() % n: mt19937_64's output is fully specified, so the draws are the
    // same on every platform (std::uniform_int_distribution is not).
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    arch::DesignPoint d = base_;
    for (const auto& dim : dims_) {
        if (dim.dependents.empty()) {
            apply(d, dim.options[pick(dim.options.size())]);
            continue;
        }
        // The value first (a single listed value costs no draw), then its dependents.
        const std::string& value = dim.values[dim.values.size() > 1 ? pick(dim.values.size()) : 0];
        Assignment a{{dim.key, value}};
        for (size_t j = 0; j < dim.dependents.size(); ++j) {
            const auto& listed = dim.dependent_values[j];
            const bool on = dim.dependents[j]->applies_when->value == value;
            a.emplace_back(dim.dependents[j], on ? listed[pick(listed.size())] : "");
        }
        apply(d, a);
    }
    return d;
}

std::vector<arch::DesignPoint> DesignSpace::neighbours(const arch::DesignPoint& d) const {
    std::vector<arch::DesignPoint> out;
    auto with = [&](const Assignment& a) {
        arch::DesignPoint n = d;
        apply(n, a);
        out.push_back(n);
    };
    for (const auto& dim : dims_) {
        if (dim.dependents.empty()) {
            const int i = find(d, dim);
            if (i < 0) continue;
            for (int j : {i - 1, i + 1})
                if (j >= 0 && j < static_cast<int>(dim.options.size())) with(dim.options[static_cast<size_t>(j)]);
            continue;
        }
        // Other values of the key: dependents that have an entry rule take the
        // value it picks, the others each listed value.
        const std::string current = dim.key->get(d);
        for (const auto& v : dim.values) {
            if (v == current) continue;
            std::vector<Assignment> seen;
            for (Assignment a : options_under(dim, v)) {
                arch::DesignPoint n = d;
                apply(n, a);
                for (size_t j = 0; j < dim.dependents.size(); ++j) {
                    const arch::DesignKey* dep = dim.dependents[j];
                    if (dep->applies_when->value != v || !dep->entry_value) continue;
                    const std::string e = dep->entry_value(n, dim.dependent_values[j]);
                    dep->store(n, e);
                    for (auto& kv : a)
                        if (kv.first == dep) kv.second = e;
                }
                if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
                seen.push_back(a);
                out.push_back(n);
            }
        }
        // One step of one dependent that applies (all must be listed).
        std::vector<int> at;
        for (size_t j = 0; j < dim.dependents.size(); ++j) {
            if (!dim.dependents[j]->applies(d)) continue;
            const auto& listed = dim.dependent_values[j];
            const auto it = std::find(listed.begin(), listed.end(), dim.dependents[j]->get(d));
            at.push_back(it == listed.end() ? -1 : static_cast<int>(it - listed.begin()));
        }
        if (at.empty() || std::find(at.begin(), at.end(), -1) != at.end()) continue;
        for (size_t j = 0, a = 0; j < dim.dependents.size(); ++j) {
            if (!dim.dependents[j]->applies(d)) continue;
            const auto& listed = dim.dependent_values[j];
            for (int s : {at[a] - 1, at[a] + 1})
                if (s >= 0 && s < static_cast<int>(listed.size())) with({{dim.dependents[j], listed[static_cast<size_t>(s)]}});
            ++a;
        }
    }
    return out;
}

}  // namespace mgpt::explorer
