// Rows this process did not compute — a resumed journal, a finished run's
// points.csv, the shards a merge combines — are trusted only once they are
// computed again: each must be a point of this plan and shard, and every
// column must equal its re-evaluation (the analytic engine is exact and
// evaluates millions of points a minute). TLM rows are checked the same way:
// their analytic columns are re-evaluated, and their cycle columns must equal
// the closed-form model's (proven equal to the TLM, tests/systemc), so no row
// of either engine is taken on trust. A row that differs is refused, naming
// its file, line and column.
#pragma once
#include <string>
#include <vector>

#include "evaluator.hpp"
#include "planner.hpp"
#include "point_row.hpp"

namespace mgpt::explorer {

// Rows read from one points.csv or journal: rows[k] is on line k + 2.
struct RowFile {
    std::string path;
    std::vector<PointRow> rows;
};

// Throws std::runtime_error "FILE:LINE: ..." for the first row (in file order)
// that is not a point of `plan` in shard shard_index/shard_count or whose
// text differs from its re-evaluation by `engine` (analytic | tlm); the
// message ends with `remedy`. The fronts' columns (pareto, pareto_dsp) are
// not checked: they are recomputed from the other columns.
void verify_rows(const RowFile& file, const Plan& plan, const Evaluator& ev, const std::string& engine,
                 int shard_index, int shard_count, int jobs, const std::string& remedy);

}  // namespace mgpt::explorer
