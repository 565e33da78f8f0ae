#include "calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <tuple>

#include "csv_reader.hpp"

#include "common/source_tree.hpp"
#include "model/parse_values.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

std::string default_calibration_path() { return source_path("explorer/calibration.csv"); }

Calibration Calibration::load(const std::string& path, const CoefficientSchema& schema) {
    Calibration c;
    c.path_ = path;
    std::map<std::pair<std::string, std::string>, unsigned> line_of;
    if (!std::ifstream(path)) throw std::runtime_error(path + ": cannot open calibration file");
    try {
        io::CSVReader<4, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>, io::throw_on_overflow,
                      io::single_line_comment<'#'>>
            in(path);
        in.read_header(io::ignore_no_column, "component", "metric", "coefficient", "source");
        std::string component, metric, value, source;
        while (in.read_row(component, metric, value, source)) {
            const std::string at = path + ":" + std::to_string(in.get_file_line());
            const std::optional<double> parsed = parse_finite_real(value);
            if (!parsed)
                throw std::runtime_error(at + ": coefficient '" + value + "' of " + component + "," + metric +
                                         " is not a number");
            const double v = *parsed;
            const std::vector<std::string>* metrics = nullptr;
            std::string known;
            for (const auto& [comp, ms] : schema.allowed) {
                known += (known.empty() ? "" : ", ") + comp;
                if (comp == component) metrics = &ms;
            }
            if (!metrics) throw std::runtime_error(at + ": unknown component '" + component + "' (known: " + known + ")");
            bool metric_ok = false;
            std::string legal;
            for (const auto& m : *metrics) {
                legal += (legal.empty() ? "" : ", ") + m;
                metric_ok |= m == metric;
            }
            if (!metric_ok)
                throw std::runtime_error(at + ": component '" + component + "': metric '" + metric +
                                         "' is not legal (legal: " + legal + ")");
            const auto [it, fresh] = line_of.emplace(std::make_pair(component, metric), in.get_file_line());
            if (!fresh)
                throw std::runtime_error(at + ": " + component + "," + metric + " is given twice (first at line " +
                                         std::to_string(it->second) + ")");
            if (v < 0 && std::find(schema.nonnegative.begin(), schema.nonnegative.end(), component) !=
                             schema.nonnegative.end())
                throw std::runtime_error(at + ": coefficient " + value + " of " + component + "," + metric +
                                         " is negative: a resource term costs something or nothing");
            if (source.empty()) throw std::runtime_error(at + ": " + component + "," + metric + " has no source");
            c.rows_.push_back({component, metric, v, source});
        }
    } catch (const io::error::base& e) {
        // fast-cpp-csv-parser's messages carry the file and line themselves
        throw std::runtime_error(path + ": malformed calibration file: " + e.what() +
                                 " (expected the header component,metric,coefficient,source)");
    }
    c.index();
    for (const auto& [component, metric] : schema.required)
        if (!c.has(component, metric))
            throw std::runtime_error(path + ": missing coefficient " + component + "," + metric +
                                     " (every model term needs one; see explorer/README.md)");
    return c;
}

void Calibration::index() {
    by_name_.resize(rows_.size());
    for (size_t i = 0; i < rows_.size(); ++i) by_name_[i] = i;
    std::sort(by_name_.begin(), by_name_.end(), [&](size_t a, size_t b) {
        return std::tie(rows_[a].component, rows_[a].metric) < std::tie(rows_[b].component, rows_[b].metric);
    });
}

const Coefficient* Calibration::find(std::string_view component, std::string_view metric) const {
    using Key = std::pair<std::string_view, std::string_view>;
    const auto key = [&](size_t i) { return Key(rows_[i].component, rows_[i].metric); };
    const Key want(component, metric);
    const auto it = std::lower_bound(by_name_.begin(), by_name_.end(), want,
                                     [&](size_t i, const auto& w) { return key(i) < w; });
    return it != by_name_.end() && key(*it) == want ? &rows_[*it] : nullptr;
}

double Calibration::get(std::string_view component, std::string_view metric) const {
    const Coefficient* c = find(component, metric);
    return c ? c->value : 0.0;
}

bool Calibration::has(std::string_view component, std::string_view metric) const {
    return find(component, metric) != nullptr;
}

void Calibration::set(const std::string& component, const std::string& metric, double value,
                      const std::string& source) {
    for (auto& r : rows_)
        if (r.component == component && r.metric == metric) {
            r.value = value;
            r.source = source;
            return;
        }
    rows_.push_back({component, metric, value, source});
    index();
}

uint64_t Calibration::hash() const {
    std::string t;
    for (const auto& r : rows_) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.9g", r.value);
        t += r.component + "," + r.metric + "," + buf + ";";
    }
    return fnv1a64(t);
}

std::string Calibration::to_csv(const std::string& header_comment) const {
    std::string out;
    for (const auto& line : split(header_comment, '\n'))
        if (!line.empty()) out += "# " + line + "\n";
    out += "component,metric,coefficient,source\n";
    for (const auto& r : rows_) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.8g", r.value);
        std::string src = r.source;
        if (src.find_first_of(",\"") != std::string::npos) {
            std::string q = "\"";
            for (char ch : src) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            src = q + "\"";
        }
        out += r.component + "," + r.metric + "," + buf + "," + src + "\n";
    }
    return out;
}

}  // namespace mgpt::explorer
