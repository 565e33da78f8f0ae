#include "text_util.hpp"

#include <cmath>
#include <cstdio>

#include "common/source_tree.hpp"

namespace mgpt::explorer {

std::string hex64(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string trim(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        const size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) return out;
        start = p + 1;
    }
}

std::string thousands(double v) {
    const long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

std::string signed_percent(double fraction) {
    std::string v = fixed_decimals(100.0 * fraction, 1);
    if (v == "-0.0") v = "0.0";
    return (v[0] == '-' ? "" : "+") + v + "%";
}

std::string shown_path(const std::string& path) {
    const std::string root = source_root() + "/";
    return path.compare(0, root.size(), root) == 0 ? path.substr(root.size()) : path;
}

}  // namespace mgpt::explorer
