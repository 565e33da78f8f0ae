// A table of text cells under a header row, the first column left-aligned and
// the others right-aligned (they hold figures), rendered for a terminal
// (padded columns, a rule under the header) or as Markdown (the reports).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace mgpt {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // Columns padded to their widest cell, two spaces apart, a rule of '-' under the header.
    void print(std::ostream& os) const;
    // "| a | b |\n|---|---:|\n| 1 | 2 |\n"
    std::string markdown() const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace mgpt
