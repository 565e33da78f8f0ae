#include "dataset.hpp"

#include <fstream>
#include <random>
#include <stdexcept>

#include "common/input_file.hpp"
#include "common/printable.hpp"

namespace mgpt {

namespace {

// Uniform in [0, n) by rejection: std::uniform_int_distribution's output is
// implementation-defined, and the split must be the same with every library.
uint32_t uniform_below(std::mt19937& g, uint32_t n) {
    const uint64_t range = uint64_t{1} << 32;
    const uint64_t limit = range - range % n;  // largest multiple of n that fits
    uint64_t x;
    do x = g(); while (x >= limit);
    return static_cast<uint32_t>(x % n);
}

}  // namespace

std::vector<std::string> load_names(const std::string& path, std::ostream* warnings) {
    constexpr int kWarningsShown = 5;  // then one line counting the rest
    std::ifstream in = open_input_file(path, "names file");
    std::vector<std::string> names;
    std::string line;
    int long_names = 0;
    for (int line_no = 1; std::getline(in, line); ++line_no) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        for (size_t i = 0; i < line.size(); ++i)
            if (line[i] < 'a' || line[i] > 'z')
                throw std::runtime_error(path + ":" + std::to_string(line_no) + ": '" + printable(line) +
                                         "' has a character outside a-z at column " + std::to_string(i + 1) +
                                         " (one lower-case name per line)");
        if (line.size() > kLongestWholeName && warnings && long_names++ < kWarningsShown)
            *warnings << "warning: " << path << ":" << line_no << ": a name of " << line.size()
                      << " letters is longer than the context holds (" << kLongestWholeName << "): only its first "
                      << kContext << " letters are predicted and its end never is, as in microgpt.py\n";
        names.push_back(line);
    }
    if (long_names > kWarningsShown)
        *warnings << "warning: " << path << ": " << long_names - kWarningsShown << " more names longer than "
                  << kLongestWholeName << " letters\n";
    if (names.empty()) throw std::runtime_error(path + ": no names (expected one lower-case a-z name per line)");
    return names;
}

int char_to_token(char c) {
    if (c < 'a' || c > 'z') throw std::invalid_argument(std::string("character '") + c + "' is not in a-z");
    return c - 'a';
}

std::vector<int> encode_name(const std::string& name) {
    std::vector<int> t;
    t.reserve(name.size() + 2);
    t.push_back(kBos);
    for (char c : name) t.push_back(char_to_token(c));
    t.push_back(kBos);
    return t;
}

std::vector<std::vector<int>> encode_names(const std::vector<std::string>& names) {
    std::vector<std::vector<int>> out;
    out.reserve(names.size());
    for (const auto& n : names) out.push_back(encode_name(n));
    return out;
}

NameSplit split_names(std::vector<std::string> names, uint32_t seed) {
    std::mt19937 g(seed);
    for (size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[uniform_below(g, static_cast<uint32_t>(i))]);
    NameSplit s;
    for (size_t i = 0; i < names.size(); ++i) (i % 10 == 9 ? s.validation : s.train).push_back(std::move(names[i]));
    return s;
}

}  // namespace mgpt
