#include "printable.hpp"

#include <cstdio>

namespace mgpt {

std::string printable(const std::string& s, size_t max_chars) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (max_chars && i == max_chars) return out + "...";
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c > 0x7e) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace mgpt
