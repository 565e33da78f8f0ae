// A plain-text table with right-aligned numeric columns, for terminal reports.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace mgpt::app {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : rows_{std::move(header)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print(std::ostream& os) const;

private:
    std::vector<std::vector<std::string>> rows_;
};

std::string fixed(double v, int decimals);

}  // namespace mgpt::app
