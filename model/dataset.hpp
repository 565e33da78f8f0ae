// The training data: a names file (Karpathy's makemore names), its tokens and
// the deterministic train/validation split.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "topology.hpp"

namespace mgpt {

// The longest name a sequence of the context holds whole: [BOS] + 15 letters +
// [BOS] is 17 tokens, 16 predictions. A longer name is cut as Karpathy's
// microgpt.py cuts it (n = min(block_size, len(tokens) - 1)): its first 16
// letters are predicted, its end (the closing BOS) never is.
constexpr size_t kLongestWholeName = kContext - 1;

// Reads one lower-case name (a-z) per line. Blank lines are skipped and a
// trailing '\r' (CRLF files) is ignored. Throws std::runtime_error naming the
// file (and line) when it cannot be opened, is a folder, holds any other
// character, or holds no name at all. Names longer than kLongestWholeName are
// kept (training and evaluation cut them, as the reference does); when
// `warnings` is given, a "warning: FILE:LINE: ..." line per such name is
// written to it (the first few, then a count of the rest).
std::vector<std::string> load_names(const std::string& path, std::ostream* warnings = nullptr);

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
