// Rows this process did not compute — a resumed journal, a finished run's
// points.csv, the shards a merge combines — are trusted only once they are
// computed again: each must be the point of the plan the file's order says
// it is, of the same design, and every column must equal its re-evaluation
// (the analytic engine is exact and evaluates millions of points a minute).
// TLM rows are checked the same way: their analytic columns are
// re-evaluated, and their cycle columns must equal the closed-form model's
// (proven equal to the TLM, tests/systemc), so no row of either engine is
// taken on trust. A row that differs is refused, naming its file, line and column.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "evaluator.hpp"
#include "point_plan.hpp"
#include "point_row.hpp"

namespace mgpt::explorer {

// A row as read: its text and where it was ("FILE:LINE").
struct ClaimedRow {
    std::string line, where;
    long index = 0;  // the plan index it must hold
};

// The row `analytic` reads as when computed by `engine` (tlm: the TLM's
// sources; its worst step is the TLM's when `claimed_worst_source` says so).
PointRow expected_row(const Evaluator& ev, const PointRow& analytic, const std::string& engine,
                      const std::string& claimed_worst_source);

// Parses and checks `block` on `jobs` threads; throws std::runtime_error
// "WHERE: ..." for the first row (in order) that is not its point or differs
// from its re-evaluation, ending with `remedy`; `misplaced(got, want)` words
// a row holding another index. Returns the rows (fronts' columns cleared).
std::vector<PointRow> check_rows(const std::vector<ClaimedRow>& block, const PointPlan& plan, const Evaluator& ev,
                                 const std::string& engine, int jobs, const std::string& remedy,
                                 const std::function<std::string(long got, long want)>& misplaced);

}  // namespace mgpt::explorer
