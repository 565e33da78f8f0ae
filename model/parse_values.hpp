// Parsers for the value formats users type: temperatures and seeds. Shared by
// the command line and the design/sweep config files.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace mgpt {

// A temperature as Q8.8 hex ("0x0080", 0x0001..0xffff) or as a real number
// ("0.5") rounded half to even to the nearest 1/256, which must give one of
// those codes: 0.001953125 < T < 255.998046875. Returns the Q8.8 value; throws
// std::invalid_argument naming the value and the legal range.
uint16_t parse_temperature(const std::string& s);
// The whole of `s` as a finite real (strtod's syntax): empty, trailing text,
// an infinity or NaN give nullopt. The one rule for every real a user types
// (design and sweep keys, calibration coefficients, measurements).
std::optional<double> parse_finite_real(const std::string& s);
// A 32-bit unsigned integer, decimal or 0x-prefixed hex.
uint32_t parse_u32(const std::string& s, const std::string& what);

}  // namespace mgpt
