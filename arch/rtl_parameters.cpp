#include "rtl_parameters.hpp"

#include <stdexcept>

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d) {
    std::vector<std::pair<std::string, int>> p;
    for (const auto& k : design_keys())
        if (!k.rtl_parameter.empty()) p.emplace_back(k.rtl_parameter, k.rtl_value(d));
    return p;
}

void require_rtl(const DesignPoint& d, RtlFlow flow, const std::string& what) {
    if (d.cores == 1 || flow == RtlFlow::cosim) return;
    throw std::invalid_argument((what.empty() ? "" : what + ": ") + "cores = " + std::to_string(d.cores) +
                                ": the board flow (roms, fpga) takes one core (legal: cores = 1, any sequences); "
                                "cosim, simulate and explore take any cores");
}

std::string rtl_top_module(const DesignPoint& d) { return d.cores > 1 ? "mgpt_cores" : "mgpt_core"; }

std::string rtl_config_id(const DesignPoint& d) {
    std::string id;
    for (const auto& [name, value] : rtl_parameters(d)) id += (id.empty() ? "" : "_") + std::to_string(value);
    if (d.cores > 1) id += "_k" + std::to_string(d.cores);
    return "core_" + id;
}

}  // namespace mgpt::arch
