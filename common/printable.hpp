// Text from a file or the command line, made safe to echo in a message: a
// binary byte printed raw garbles the terminal and hides what is wrong.
#pragma once
#include <string>

namespace mgpt {

// `s` with every byte outside printable ASCII (0x20..0x7e) written as \xNN
// (a tab as \t), and cut to `max_chars` with "..." (0: no limit).
std::string printable(const std::string& s, size_t max_chars = 80);

}  // namespace mgpt
