// A Markdown table (first column left-aligned, the others right-aligned), for
// the reports the explorer and `calibrate` write.
#pragma once
#include <string>
#include <vector>

namespace mgpt::explorer {

class MarkdownTable {
public:
    explicit MarkdownTable(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::string str() const {
        std::string s = "|";
        for (const auto& h : header_) s += " " + h + " |";
        s += "\n|";
        for (size_t i = 0; i < header_.size(); ++i) s += i == 0 ? "---|" : "---:|";
        s += "\n";
        for (const auto& r : rows_) {
            s += "|";
            for (const auto& c : r) s += " " + c + " |";
            s += "\n";
        }
        return s;
    }

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace mgpt::explorer
