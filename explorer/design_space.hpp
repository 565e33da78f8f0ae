// The points a sweep spans: the grid of its axes, uniform random draws from it,
// and the one-step neighbours the local search visits. Derived from the design
// key table: a key with conditional dependents (weight_memory, whose m10k value
// brings weight_banks and bram_ports) forms one dimension whose options are its
// values, each with every listed combination of the dependents it switches on.
#pragma once
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "arch/design_point.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

class DesignSpace {
public:
    // `without_key` (optional): a key left out of the grid (every point keeps
    // the baseline's value): the exhaustive strategy's space of micro-architectures.
    explicit DesignSpace(const Sweep& sweep, const std::string& without_key = "")
        : DesignSpace(sweep, std::vector<std::string>{without_key}) {}
    // Several keys left out (the pruned exhaustive plan's base micro-architectures: explorer/slot_variants.hpp).
    DesignSpace(const Sweep& sweep, const std::vector<std::string>& without_keys);

    // Number of grid points (saturates at UINT64_MAX).
    uint64_t size() const { return size_; }
    // Grid point i (mixed radix over the dimensions, the last key fastest).
    arch::DesignPoint at(uint64_t i) const;
    // The grid position of `d` (at(i) is d), or none if d is not a grid point.
    std::optional<uint64_t> index_of(const arch::DesignPoint& d) const;
    // A uniform draw: every key's value uniformly; for a key with dependents,
    // its value uniformly, then each dependent it switches on uniformly.
    arch::DesignPoint draw(std::mt19937_64& rng) const;
    // Every point one step away along one key's list. A key with dependents
    // moves to each other listed value (entering a value that switches
    // dependents on, with each listed combination of them, or the value the
    // key table's entry rule picks), or moves one dependent one step.
    // Deterministic order.
    std::vector<arch::DesignPoint> neighbours(const arch::DesignPoint& d) const;

    // The grid position of the k-th point of a plan that skips grid position
    // `skipped` (the baseline's, which is the plan's point 0).
    static uint64_t position_skipping(uint64_t k, const std::optional<uint64_t>& skipped) {
        return skipped && k >= *skipped ? k + 1 : k;
    }

private:
    // Key/value pairs one option of a dimension sets ("" = unset).
    using Assignment = std::vector<std::pair<const arch::DesignKey*, std::string>>;
    struct Dim {
        const arch::DesignKey* key;
        std::vector<std::string> values;                 // the key's listed values
        std::vector<const arch::DesignKey*> dependents;  // keys some value switches on
        std::vector<std::vector<std::string>> dependent_values;
        std::vector<Assignment> options;                 // grid order
    };
    static void apply(arch::DesignPoint& d, const Assignment& a);
    // Every combination of the dependents' listed values under `value` (the
    // last dependent fastest); one all-unset assignment if `value` switches none on.
    std::vector<Assignment> options_under(const Dim& dim, const std::string& value) const;
    int find(const arch::DesignPoint& d, const Dim& dim) const;  // -1 if d's option is not listed

    arch::DesignPoint base_;
    std::vector<Dim> dims_;
    uint64_t size_ = 1;
};

}  // namespace mgpt::explorer
