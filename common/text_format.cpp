#include "text_format.hpp"

#include <cstdio>

namespace mgpt {

std::string fixed_decimals(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace mgpt
