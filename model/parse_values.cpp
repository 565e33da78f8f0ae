#include "parse_values.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace mgpt {

std::optional<double> parse_finite_real(const std::string& s) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

uint32_t parse_u32(const std::string& s, const std::string& what) {
    const bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const std::string digits = hex ? s.substr(2) : s;
    const char* legal = hex ? "0123456789abcdefABCDEF" : "0123456789";
    if (digits.empty() || digits.size() > (hex ? 8u : 10u) || digits.find_first_not_of(legal) != std::string::npos)
        throw std::invalid_argument(what + " '" + s + "' is not a 32-bit unsigned integer (decimal or 0x hex)");
    const unsigned long long v = std::stoull(digits, nullptr, hex ? 16 : 10);
    if (v > 0xffffffffull) throw std::invalid_argument(what + " '" + s + "' exceeds 32 bits");
    return static_cast<uint32_t>(v);
}

uint16_t parse_temperature(const std::string& s) {
    // The legal values are the Q8.8 codes 0x0001..0xffff: 1/256 (0.00390625) to
    // 65535/256 (255.99609375). A real is rounded to the nearest code (half to
    // even), so exactly the reals above 0.001953125 and below 255.998046875 are taken.
    const std::string legal =
        " (legal: a Q8.8 temperature 0x0001..0xffff, i.e. 0.00390625 .. 255.99609375 in steps of 1/256, such as "
        "0x0080; a real such as 0.5 is rounded to the nearest step and must lie in (0.001953125, 255.998046875))";
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        uint32_t v;
        try {
            v = parse_u32(s, "temperature");
        } catch (const std::invalid_argument&) {
            throw std::invalid_argument("temperature '" + s + "' is not valid" + legal);
        }
        if (v == 0 || v > 0xffff) throw std::invalid_argument("temperature '" + s + "' is out of range" + legal);
        return static_cast<uint16_t>(v);
    }
    size_t used = 0;
    double t = 0;
    try {
        t = std::stod(s, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != s.size() || s.empty() || !std::isfinite(t))
        throw std::invalid_argument("temperature '" + s + "' is not valid" + legal);
    const double q = std::nearbyint(t * 256.0);
    if (q < 1 || q > 0xffff) throw std::invalid_argument("temperature '" + s + "' is out of range" + legal);
    return static_cast<uint16_t>(q);
}

}  // namespace mgpt
