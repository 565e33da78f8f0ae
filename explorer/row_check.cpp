#include "row_check.hpp"

#include <atomic>
#include <stdexcept>

#include "parallel_for.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

PointRow expected_row(const Evaluator& ev, const PointRow& analytic, const std::string& engine,
                      const std::string& claimed_worst_source) {
    if (engine != "tlm") return analytic;
    // The TLM's cycles equal the closed form's: only the sources differ. The
    // worst step is the TLM's when its full-context name reached position 15
    // without an RMS early exit, else the closed form's.
    const std::string worst = claimed_worst_source == kTlmSource ? kTlmSource : analytic.worst_source;
    return ev.with_cycles(analytic, ev.workload_cycles(analytic.design), analytic.worst_step_cycles, kTlmSource,
                          worst);
}

namespace {

std::vector<std::string> fields(const PointRow& r) {
    std::string line = to_csv_line(r);
    line.pop_back();  // the newline
    return split(line, ',');
}

// "" if the row is its point and reads as its re-evaluation; else why not.
std::string problem(const ClaimedRow& c, PointRow& row, const PointPlan& plan, const Evaluator& ev,
                    const std::string& engine, const std::string& remedy,
                    const std::function<std::string(long, long)>& misplaced, bool detailed) {
    try {
        row = parse_csv_line(c.line, c.where);
    } catch (const std::exception& e) {
        return e.what();
    }
    row.pareto = row.pareto_dsp = false;
    if (row.index != c.index) return detailed ? c.where + ": " + misplaced(row.index, c.index) + ": " + remedy : "x";
    const PointRow expected = expected_row(ev, plan.evaluate(ev, c.index), engine, row.worst_source);
    if (row.key() != expected.key())
        return detailed ? c.where + ": point " + std::to_string(row.index) + " (" + row.key() + ") is not this run's point " +
                              std::to_string(c.index) + " (" + expected.key() + "): " + remedy
                        : "x";
    if (to_csv_line(row) == to_csv_line(expected)) return "";
    if (!detailed) return "x";
    const auto got = fields(row), want = fields(expected);
    const auto& columns = points_csv_columns();
    size_t k = 0;
    while (k + 1 < got.size() && k < want.size() && got[k] == want[k]) ++k;
    return c.where + ": column '" + columns[k] + "' of point " + std::to_string(row.index) + " is '" + got[k] +
           "', its re-evaluation (" + (engine == "tlm" ? "TLM row: the closed form's cycles, " : "") +
           "analytic models) gives '" + want[k] +
           "': the row was edited, or computed by another version of the models: " + remedy;
}

}  // namespace

std::vector<PointRow> check_rows(const std::vector<ClaimedRow>& block, const PointPlan& plan, const Evaluator& ev,
                                 const std::string& engine, int jobs, const std::string& remedy,
                                 const std::function<std::string(long got, long want)>& misplaced) {
    const size_t n = block.size();
    std::vector<PointRow> rows(n);
    std::atomic<size_t> first_bad{n};
    parallel_for(n, jobs, [&](size_t k) {
        if (!problem(block[k], rows[k], plan, ev, engine, remedy, misplaced, false).empty())
            for (size_t seen = first_bad.load(); k < seen && !first_bad.compare_exchange_weak(seen, k);) {
            }
    }, nullptr);
    const size_t k = first_bad.load();
    if (k < n) {
        PointRow row;
        throw std::runtime_error(problem(block[k], row, plan, ev, engine, remedy, misplaced, true));
    }
    return rows;
}

}  // namespace mgpt::explorer
