#include "point_row.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "csv_reader.hpp"

#include "model/weights.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

namespace {

// The design keys as columns (design_keys() order, without `name`).
std::vector<std::string> design_columns() {
    std::vector<std::string> c;
    for (const auto& k : arch::design_keys())
        if (arch::is_sweepable(k)) c.push_back(k.key);
    return c;
}

const std::vector<std::string> kFigureColumns = {
    "pll_m", "pll_n", "pll_c", "pll_vco_mhz", "f_mhz", "pll_exact", "pll_source",
    "steps", "generated_tokens", "total_cycles", "stall_cycles", "cycles_per_step_avg", "cycles_per_token",
    "worst_step_cycles", "tokens_per_s", "cycles_source", "worst_step_source",
    "makespan_cycles", "latency_mean_cycles", "latency_p50_cycles", "latency_p99_cycles", "bound_unit",
    "bound_utilisation",
    "alms", "registers", "dsp", "m10k", "mlabs", "resource_source",
    "fmax_mhz", "slack_ns", "critical_path", "fmax_source",
    "structural_ns", "structural_path", "structural_measured",
    "fits", "over_limits", "meets_timing", "feasible", "pareto", "pareto_dsp"};

constexpr const char* kPllSource = "pll-model";

std::string b(bool v) { return v ? "1" : "0"; }

// Field reader with errors naming the file, line and column.
class Fields {
public:
    Fields(const std::vector<std::string>& f, const std::string& where) : f_(f), where_(where) {}
    const std::string& text(size_t i) const { return f_[i]; }
    long integer(size_t i) const {
        size_t used = 0;
        long v = 0;
        try {
            v = std::stol(f_[i], &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != f_[i].size()) bad(i, "an integer");
        return v;
    }
    uint64_t u64(size_t i) const {
        const long v = integer(i);
        if (v < 0) bad(i, "a non-negative integer");
        return static_cast<uint64_t>(v);
    }
    double real(size_t i) const {
        char* end = nullptr;
        const double v = std::strtod(f_[i].c_str(), &end);
        if (f_[i].empty() || end != f_[i].c_str() + f_[i].size()) bad(i, "a number");
        return v;
    }
    bool flag(size_t i) const {
        if (f_[i] == "1") return true;
        if (f_[i] == "0") return false;
        bad(i, "0 or 1");
    }

private:
    [[noreturn]] void bad(size_t i, const std::string& want) const {
        throw std::runtime_error(where_ + ": column '" + points_csv_columns()[i] + "': value '" + f_[i] +
                                 "' is not " + want);
    }
    const std::vector<std::string>& f_;
    std::string where_;
};

bool ends_with_newline(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() == 0) return true;
    in.seekg(-1, std::ios::end);
    char c = 0;
    in.get(c);
    return c == '\n';
}

}  // namespace

const std::vector<std::string>& points_csv_columns() {
    static const std::vector<std::string> cols = [] {
        std::vector<std::string> c = {"index", "phase"};
        for (const auto& k : design_columns()) c.push_back(k);
        c.insert(c.end(), kFigureColumns.begin(), kFigureColumns.end());
        return c;
    }();
    return cols;
}

std::string points_csv_header() {
    std::string h;
    for (const auto& c : points_csv_columns()) h += (h.empty() ? "" : ",") + c;
    return h + "\n";
}

std::string to_csv_line(const PointRow& r) {
    std::string s = std::to_string(r.index) + "," + r.phase;
    for (const auto& k : design_columns()) s += "," + arch::get_key(r.design, k);
    const std::vector<std::string> f = {
        std::to_string(r.pll_m), std::to_string(r.pll_n), std::to_string(r.pll_c), fixed_decimals(r.pll_vco_mhz, 6),
        fixed_decimals(r.f_mhz, 6), b(r.pll_exact), kPllSource,
        std::to_string(r.steps), std::to_string(r.generated_tokens), std::to_string(r.total_cycles),
        std::to_string(r.stall_cycles), fixed_decimals(r.cycles_per_step, 3), fixed_decimals(r.cycles_per_token, 3),
        std::to_string(r.worst_step_cycles), fixed_decimals(r.tokens_per_s, 1), r.cycles_source, r.worst_source,
        std::to_string(r.makespan_cycles), fixed_decimals(r.latency_mean_cycles, 3),
        std::to_string(r.latency_p50_cycles), std::to_string(r.latency_p99_cycles), r.bound_unit,
        fixed_decimals(r.bound_utilisation, 4),
        std::to_string(r.alms), std::to_string(r.registers), std::to_string(r.dsp), std::to_string(r.m10k),
        std::to_string(r.mlabs), r.resource_source,
        fixed_decimals(r.fmax_mhz, 3), fixed_decimals(r.slack_ns, 3), r.critical_path, r.fmax_source,
        fixed_decimals(r.structural_ns, 3), r.structural_path, r.structural_measured,
        b(r.fits), r.over_limits, b(r.meets_timing), b(r.feasible), b(r.pareto), b(r.pareto_dsp)};
    for (const auto& x : f) s += "," + x;
    return s + "\n";
}

PointRow parse_csv_line(const std::string& line0, const std::string& where) {
    std::string line = line0;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = split(line, ',');
    const auto& cols = points_csv_columns();
    if (f.size() != cols.size())
        throw std::runtime_error(where + ": " + std::to_string(f.size()) + " columns, expected " +
                                 std::to_string(cols.size()) + " (" + points_csv_header().substr(0, 40) + "...)");
    const Fields x(f, where);
    PointRow r;
    size_t i = 0;
    r.index = x.integer(i++);
    r.phase = x.text(i++);
    r.design = arch::DesignPoint{};
    r.design.name = "p" + std::to_string(r.index);
    for (const auto& k : design_columns()) {
        const std::string& v = x.text(i++);
        try {
            arch::set_or_clear_key(r.design, k, v, where);  // empty: a conditional key that does not apply
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(e.what());
        }
    }
    try {
        arch::validate(r.design, where);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(e.what());
    }
    r.pll_m = static_cast<int>(x.integer(i++));
    r.pll_n = static_cast<int>(x.integer(i++));
    r.pll_c = static_cast<int>(x.integer(i++));
    r.pll_vco_mhz = x.real(i++);
    r.f_mhz = x.real(i++);
    r.pll_exact = x.flag(i++);
    ++i;  // pll_source: always the PLL model
    r.steps = x.u64(i++);
    r.generated_tokens = x.u64(i++);
    r.total_cycles = x.u64(i++);
    r.stall_cycles = x.u64(i++);
    r.cycles_per_step = x.real(i++);
    r.cycles_per_token = x.real(i++);
    r.worst_step_cycles = static_cast<uint32_t>(x.u64(i++));
    r.tokens_per_s = x.real(i++);
    r.cycles_source = x.text(i++);
    r.worst_source = x.text(i++);
    r.makespan_cycles = x.u64(i++);
    r.latency_mean_cycles = x.real(i++);
    r.latency_p50_cycles = x.u64(i++);
    r.latency_p99_cycles = x.u64(i++);
    r.bound_unit = x.text(i++);
    r.bound_utilisation = x.real(i++);
    r.alms = x.integer(i++);
    r.registers = x.integer(i++);
    r.dsp = x.integer(i++);
    r.m10k = x.integer(i++);
    r.mlabs = x.integer(i++);
    r.resource_source = x.text(i++);
    r.fmax_mhz = x.real(i++);
    r.slack_ns = x.real(i++);
    r.critical_path = x.text(i++);
    r.fmax_source = x.text(i++);
    r.structural_ns = x.real(i++);
    r.structural_path = x.text(i++);
    r.structural_measured = x.text(i++);
    r.fits = x.flag(i++);
    r.over_limits = x.text(i++);
    r.meets_timing = x.flag(i++);
    r.feasible = x.flag(i++);
    r.pareto = x.flag(i++);
    r.pareto_dsp = x.flag(i++);
    return r;
}

PointRow canonical(const PointRow& r) {
    PointRow c = parse_csv_line(to_csv_line(r), "(row " + std::to_string(r.index) + ")");
    c.design.name = r.design.name;
    return c;
}

std::vector<PointRow> read_points_csv(const std::string& path, bool tolerate_torn_tail, bool* torn) {
    if (torn) *torn = false;
    std::vector<std::string> lines;
    try {
        io::LineReader in(path);
        while (const char* l = in.next_line()) lines.emplace_back(l);
    } catch (const io::error::base& e) {
        throw std::runtime_error(path + ": cannot read: " + e.what());
    }
    // A kill can cut the journal's last line short: it lacks its newline.
    if (!lines.empty() && !ends_with_newline(path)) {
        if (!tolerate_torn_tail) throw std::runtime_error(path + ":" + std::to_string(lines.size()) + ": truncated line");
        lines.pop_back();
        if (torn) *torn = true;
    }
    std::vector<PointRow> rows;
    if (lines.empty()) {
        if (tolerate_torn_tail) return rows;
        throw std::runtime_error(path + ": empty (expected the header " + points_csv_header().substr(0, 30) + "...)");
    }
    if (lines[0] + "\n" != points_csv_header())
        throw std::runtime_error(path + ":1: header does not match this version's points.csv columns (" +
                                 points_csv_header().substr(0, 40) + "...)");
    for (size_t i = 1; i < lines.size(); ++i)
        rows.push_back(parse_csv_line(lines[i], path + ":" + std::to_string(i + 1)));
    return rows;
}

void write_points_csv(const std::string& path, const std::vector<PointRow>& rows) {
    std::string text = points_csv_header();
    for (const auto& r : rows) text += to_csv_line(r);
    write_file_atomically(path, text);
}

}  // namespace mgpt::explorer
