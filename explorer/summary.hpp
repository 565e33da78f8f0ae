// The summary an explore or merge prints on stdout: the baseline and the best
// point side by side, each figure labelled with its source.
#pragma once
#include <string>
#include <vector>

#include "point_row.hpp"
#include "run_digest.hpp"

namespace mgpt::explorer {

struct SummaryTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string sources;  // one line: where each column comes from
};

// Rows: the baseline (index 0) if present, the best feasible point if any.
SummaryTable summary_table(const RunDigest& digest);

}  // namespace mgpt::explorer
