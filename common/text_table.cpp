#include "text_table.hpp"

#include <algorithm>
#include <iomanip>

namespace mgpt {

void TextTable::print(std::ostream& os) const {
    std::vector<size_t> width;
    const auto widen = [&width](const std::vector<std::string>& r) {
        for (size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], r[i].size());
        }
    };
    widen(header_);
    for (const auto& r : rows_) widen(r);
    const auto line = [&](const std::vector<std::string>& r) {
        for (size_t i = 0; i < r.size(); ++i) {
            if (i == 0)
                os << std::left << std::setw(static_cast<int>(width[i])) << r[i];
            else
                os << "  " << std::right << std::setw(static_cast<int>(width[i])) << r[i];
        }
        os << "\n";
    };
    line(header_);
    size_t total = 0;
    for (size_t w : width) total += w + 2;
    os << std::string(total - 2, '-') << "\n";
    for (const auto& r : rows_) line(r);
}

std::string TextTable::markdown() const {
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

}  // namespace mgpt
