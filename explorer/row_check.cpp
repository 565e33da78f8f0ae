#include "row_check.hpp"

#include <atomic>
#include <stdexcept>

#include "parallel_for.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

namespace {

// What the row should read, or why it cannot belong to this plan ("" = it can).
std::string expected_row(const PointRow& row, const Plan& plan, const Evaluator& ev, const std::string& engine,
                         int shard_index, int shard_count, PointRow& expected) {
    const std::string point = "point " + std::to_string(row.index);
    if (row.index < 0 || row.index >= plan.total)
        return point + " is not a point of this run's plan (" + std::to_string(plan.total) + " points)";
    if (row.index % shard_count != shard_index)
        return point + " does not belong to shard " + std::to_string(shard_index) + "/" + std::to_string(shard_count);
    const PlannedPoint* p = plan.find(row.index);
    if (!p || arch::to_short_string(p->design) != row.key())
        return point + " (" + row.key() + ") is not this run's point " + std::to_string(row.index) +
               (p ? " (" + arch::to_short_string(p->design) + ")" : "");
    expected = ev.evaluate(*p);
    if (engine == "tlm") {
        // The TLM's cycles equal the closed form's: only the sources differ.
        // The worst step is the TLM's when its full-context name reached
        // position 15 without an RMS early exit, else the closed form's.
        const std::string worst = row.worst_source == kTlmSource ? kTlmSource : expected.worst_source;
        expected = ev.with_cycles(expected, expected.steps, expected.generated_tokens, expected.total_cycles,
                                  expected.stall_cycles, expected.worst_step_cycles, kTlmSource, worst);
    }
    expected.pareto = row.pareto;
    expected.pareto_dsp = row.pareto_dsp;
    return "";
}

}  // namespace

void verify_rows(const RowFile& file, const Plan& plan, const Evaluator& ev, const std::string& engine,
                 int shard_index, int shard_count, int jobs, const std::string& remedy) {
    const size_t n = file.rows.size();
    std::atomic<size_t> first_bad{n};
    parallel_for(n, jobs, [&](size_t k) {
        PointRow expected;
        if (!expected_row(file.rows[k], plan, ev, engine, shard_index, shard_count, expected).empty() ||
            to_csv_line(expected) != to_csv_line(file.rows[k]))
            for (size_t seen = first_bad.load(); k < seen && !first_bad.compare_exchange_weak(seen, k);) {
            }
    }, nullptr);
    const size_t k = first_bad.load();
    if (k == n) return;
    const PointRow& row = file.rows[k];
    const std::string at = file.path + ":" + std::to_string(k + 2);
    PointRow expected;
    const std::string foreign = expected_row(row, plan, ev, engine, shard_index, shard_count, expected);
    if (!foreign.empty()) throw std::runtime_error(at + ": " + foreign + ": " + remedy);
    const auto fields = [](const PointRow& r) {
        std::string line = to_csv_line(r);
        line.pop_back();  // the newline
        return split(line, ',');
    };
    const auto got = fields(row), want = fields(expected);
    const auto& columns = points_csv_columns();
    size_t c = 0;
    while (c + 1 < got.size() && c < want.size() && got[c] == want[c]) ++c;
    throw std::runtime_error(at + ": column '" + columns[c] + "' of point " + std::to_string(row.index) + " is '" +
                             got[c] + "', its re-evaluation (" + (engine == "tlm" ? "TLM row: the closed form's cycles, " : "") +
                             "analytic models) gives '" + want[c] +
                             "': the row was edited, or computed by another version of the models: " + remedy);
}

}  // namespace mgpt::explorer
