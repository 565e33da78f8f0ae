// Small text helpers shared by the explorer's file formats: stable hashing
// (sweep and calibration identities survive rebuilds and machines), fixed
// formatting that round-trips through text, and splitting/trimming.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/fnv1a.hpp"
#include "common/text_format.hpp"

namespace mgpt::explorer {

// FNV-1a 64 (common/fnv1a.hpp): stable across compilers and platforms (std::hash is not).
using mgpt::fnv1a64;
std::string hex64(uint64_t v);

std::string trim(const std::string& s);
std::vector<std::string> split(const std::string& s, char sep);

// printf("%.*f") (common/text_format.hpp): the explorer writes every real with a fixed
// number of decimals, and reads it back, so a figure means the same in memory and on disk.
using mgpt::fixed_decimals;
// "12,345" for reports.
std::string thousands(double v);
// A relative error as "+4.6%" / "-1.8%" / "+0.0%" (one decimal, always signed, no "-0.0").
std::string signed_percent(double fraction);
// A path inside the source tree relative to it (reports and run files get committed).
std::string shown_path(const std::string& path);

}  // namespace mgpt::explorer
