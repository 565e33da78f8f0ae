#include "rtl_sources.hpp"

#include <fstream>
#include <stdexcept>

#include "common/source_tree.hpp"

namespace mgpt::cosim {

std::vector<std::string> read_rtl_source_list(const std::string& list) {
    const std::string path = source_path(list);
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the RTL source list " + path);
    const std::string folder = list.substr(0, list.find_last_of('/') + 1);
    std::vector<std::string> sources;
    for (std::string line; std::getline(in, line);) {
        const size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos || line[b] == '#') continue;
        const size_t e = line.find_last_not_of(" \t\r");
        sources.push_back(folder + line.substr(b, e - b + 1));
    }
    if (sources.empty()) throw std::runtime_error("the RTL source list " + path + " names no file");
    return sources;
}

std::vector<std::string> core_rtl_sources() { return read_rtl_source_list("rtl/core_sources.txt"); }

}  // namespace mgpt::cosim
