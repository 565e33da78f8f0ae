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
#include <unistd.h>

namespace mgpt::test {

// Every value of every key, one key at a time from the baseline, both profiles.
inline std::vector<arch::DesignPoint> one_key_at_a_time() {
    const auto b = baseline();
    std::vector<std::vector<std::string>> sets;
    for (const char* v : {"1", "2", "4", "8", "32", "64"}) sets.push_back({std::string("lanes=") + v});
    for (const char* v : {"2", "4", "8", "16"}) sets.push_back({std::string("cols_per_cycle=") + v});
    for (const char* banks : {"1", "2", "4", "8", "16", "32", "64"})
        for (const char* ports : {"1", "2"})
            sets.push_back({"weight_memory=m10k", std::string("weight_banks=") + banks, std::string("bram_ports=") + ports});
    sets.push_back({"kv_memory=m10k"});
    for (const char* v : {"2", "4", "8", "16"}) sets.push_back({std::string("vector_lanes=") + v});
    for (const char* v : {"2", "4"}) sets.push_back({std::string("norm_radix_bits=") + v});
    for (const char* v : {"1", "2", "16"}) sets.push_back({std::string("attn_dividers=") + v});
    for (const char* v : {"2", "4"}) sets.push_back({std::string("div_radix_bits=") + v});
    sets.push_back({"sampler=parallel"});
    sets.push_back({"argmax=tree"});
    for (const char* v : {"25", "57.123", "200"}) sets.push_back({std::string("pll_mhz=") + v});
    sets.push_back({"numerics=reference"});
    std::vector<arch::DesignPoint> out{b};
    for (const auto& s : sets) out.push_back(with(b, s));
    return out;
}

// A uniformly random legal design point.
inline arch::DesignPoint random_design(std::mt19937& rng) {
    auto pick = [&](std::vector<std::string> v) { return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)]; };
    arch::DesignPoint d = baseline();
    std::vector<std::string> o = {
        "lanes=" + pick({"1", "2", "4", "8", "16", "32", "64"}),
        "cols_per_cycle=" + pick({"1", "2", "4", "8", "16"}),
        "kv_memory=" + pick({"registers", "m10k"}),
        "vector_lanes=" + pick({"1", "2", "4", "8", "16"}),
        "norm_radix_bits=" + pick({"1", "2", "4"}),
        "attn_dividers=" + pick({"1", "2", "4", "16"}),
        "div_radix_bits=" + pick({"1", "2", "4"}),
        "sampler=" + pick({"sequential", "parallel"}),
        "argmax=" + pick({"sequential", "tree"}),
        "pll_mhz=" + pick({"25", "50", "56.25", "100", "150"}),
        "numerics=" + pick({"reference", "saturating"})};
    if (pick({"logic", "m10k"}) == "m10k") {
        o.push_back("weight_memory=m10k");
        o.push_back("weight_banks=" + pick({"1", "2", "4", "8", "16", "32", "64"}));
        o.push_back("bram_ports=" + pick({"1", "2"}));
    }
    return with(d, o);
}

}  // namespace mgpt::test
