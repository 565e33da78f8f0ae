#include "rtl_parameters.hpp"

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d) {
    const bool m10k = d.weight_memory == WeightMemory::m10k;
    return {
        {"LANES", d.lanes},
        {"COLS", d.cols_per_cycle},
        {"WEIGHT_M10K", m10k ? 1 : 0},
        {"BANKS", m10k ? d.weight_banks : 1},
        {"PORTS", m10k ? d.bram_ports : 1},
        {"KV_M10K", d.kv_memory == KvMemory::m10k ? 1 : 0},
        {"VLANES", d.vector_lanes},
        {"NORM_RADIX", d.norm_radix_bits},
        {"DIVIDERS", d.attn_dividers},
        {"DIV_RADIX", d.div_radix_bits},
        {"SAMPLER_PARALLEL", d.sampler == SamplerKind::parallel ? 1 : 0},
        {"ARGMAX_TREE", d.argmax == ArgmaxKind::tree ? 1 : 0},
        {"REF_PROFILE", d.numerics == Numerics::reference ? 1 : 0},
    };
}

std::string rtl_config_id(const DesignPoint& d) {
    std::string id;
    for (const auto& [name, value] : rtl_parameters(d)) id += (id.empty() ? "" : "_") + std::to_string(value);
    return "core_" + id;
}

}  // namespace mgpt::arch
