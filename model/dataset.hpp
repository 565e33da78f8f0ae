// The training data: a names file (Karpathy's makemore names), its tokens and
// the deterministic train/validation split.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mgpt {

// Reads one lower-case name (a-z) per line. Blank lines are skipped and a
// trailing '\r' (CRLF files) is ignored. Throws std::runtime_error naming the
// file (and line) when it cannot be opened, holds any other character, or
// holds no name at all.
std::vector<std::string> load_names(const std::string& path);

// 'a'..'z' -> 0..25. Throws std::invalid_argument on any other character.
int char_to_token(char c);
// [BOS] + tokens of the name + [BOS]: one training/validation sequence.
std::vector<int> encode_name(const std::string& name);
std::vector<std::vector<int>> encode_names(const std::vector<std::string>& names);

struct NameSplit {
    std::vector<std::string> train;       // shuffled order, the order training visits them
    std::vector<std::string> validation;  // every 10th name of the shuffled list
};

// Shuffles `names` with a portable Fisher-Yates driven by std::mt19937(seed),
// then puts index % 10 == 9 into validation and the rest into train.
NameSplit split_names(std::vector<std::string> names, uint32_t seed);

}  // namespace mgpt
