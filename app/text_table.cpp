#include "text_table.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace mgpt::app {

void TextTable::print(std::ostream& os) const {
    std::vector<size_t> width;
    for (const auto& r : rows_)
        for (size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], r[i].size());
        }
    for (size_t ri = 0; ri < rows_.size(); ++ri) {
        const auto& r = rows_[ri];
        for (size_t i = 0; i < r.size(); ++i) {
            if (i == 0)
                os << std::left << std::setw(static_cast<int>(width[i])) << r[i];
            else
                os << "  " << std::right << std::setw(static_cast<int>(width[i])) << r[i];
        }
        os << "\n";
        if (ri == 0) {
            size_t total = 0;
            for (size_t w : width) total += w + 2;
            os << std::string(total - 2, '-') << "\n";
        }
    }
}

std::string fixed(double v, int decimals) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(decimals) << v;
    return os.str();
}

}  // namespace mgpt::app
