#include "text_format.hpp"

#include <cstdio>

namespace mgpt {

std::string fixed_decimals(double v, int decimals) {
    // Sized to the text: a fixed buffer would cut a real of 1e62 or more short,
    // and points.csv would read back a different figure.
    std::string s(static_cast<size_t>(std::snprintf(nullptr, 0, "%.*f", decimals, v)), '\0');
    std::snprintf(s.data(), s.size() + 1, "%.*f", decimals, v);
    return s;
}

}  // namespace mgpt
