#include "rtl_parameters.hpp"

#include <stdexcept>

namespace mgpt::arch {

std::vector<std::pair<std::string, int>> rtl_parameters(const DesignPoint& d) {
    std::vector<std::pair<std::string, int>> p;
    for (const auto& k : design_keys())
        if (!k.rtl_parameter.empty()) p.emplace_back(k.rtl_parameter, k.rtl_value(d));
    return p;
}

void require_rtl(const DesignPoint& d, const std::string& what) {
    if (d.cores == 1) return;
    throw std::invalid_argument((what.empty() ? "" : what + ": ") + "cores = " + std::to_string(d.cores) +
                                ": the RTL has one core so far (legal: cores = 1, any sequences); simulate and "
                                "explore model more");
}

std::string rtl_config_id(const DesignPoint& d) {
    std::string id;
    for (const auto& [name, value] : rtl_parameters(d)) id += (id.empty() ? "" : "_") + std::to_string(value);
    return "core_" + id;
}

}  // namespace mgpt::arch
