// The points a sweep spans: the grid of its axes (weight memory as one axis
// of options: logic, or m10k with each listed banks x ports), uniform random
// draws from it, and the one-step neighbours the local search visits.
#pragma once
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

class DesignSpace {
public:
    explicit DesignSpace(const Sweep& sweep);

    // Number of grid points (saturates at UINT64_MAX).
    uint64_t size() const { return size_; }
    // Grid point i (mixed radix over the axes, the last key fastest).
    arch::DesignPoint at(uint64_t i) const;
    // A uniform draw: every key's value uniformly; for the weight memory, the
    // kind uniformly, then banks and ports uniformly.
    arch::DesignPoint draw(std::mt19937_64& rng) const;
    // Every point one step away along one key's list (the weight memory moves
    // logic <-> m10k with the stall-free bank count per port option, or one
    // step in banks or ports). Deterministic order.
    std::vector<arch::DesignPoint> neighbours(const arch::DesignPoint& d) const;

private:
    struct MemoryOption {
        arch::WeightMemory kind;
        int banks, ports;
    };
    struct Dim {
        std::string key;                  // design key ("weight_memory" = the memory options)
        std::vector<std::string> values;  // regular keys
    };
    void apply(arch::DesignPoint& d, size_t dim, size_t value) const;
    size_t count(size_t dim) const;
    int find(const arch::DesignPoint& d, size_t dim) const;  // -1 if d's value is not listed

    arch::DesignPoint base_;
    std::vector<Dim> dims_;
    std::vector<MemoryOption> memory_;
    std::vector<int> banks_, ports_;
    bool has_logic_ = false, has_m10k_ = false;
    uint64_t size_ = 1;
};

}  // namespace mgpt::explorer
