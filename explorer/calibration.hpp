// The coefficients of the resource and Fmax models: explorer/calibration.csv
// (component,metric,coefficient,source), loaded at run time. There are no
// built-in fallbacks: a missing file, a malformed line, an unknown component or
// metric, a duplicate or a missing required coefficient is an error naming the
// file and the line.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mgpt::explorer {

struct Coefficient {
    std::string component, metric;
    double value = 0;
    std::string source;
    // A structural count ("count ...": a flip-flop per register bit, mux_alms
    // per select bit), which no fit changes.
    bool is_count() const { return source.rfind("count", 0) == 0; }
};

// (component, metric) pairs a model needs, and the metrics a component may have.
struct CoefficientSchema {
    std::vector<std::pair<std::string, std::string>> required;
    std::vector<std::pair<std::string, std::vector<std::string>>> allowed;  // component -> metrics
    std::vector<std::string> nonnegative;  // components whose coefficients cannot be negative (costs)
};

class Calibration {
public:
    // Throws std::runtime_error naming path:line.
    static Calibration load(const std::string& path, const CoefficientSchema& schema);

    double get(std::string_view component, std::string_view metric) const;  // 0 if absent
    bool has(std::string_view component, std::string_view metric) const;
    const Coefficient* find(std::string_view component, std::string_view metric) const;
    void set(const std::string& component, const std::string& metric, double value, const std::string& source);

    const std::vector<Coefficient>& rows() const { return rows_; }
    const std::string& path() const { return path_; }
    // Identity of the values (not of comments): runs, shards and merges must agree on it.
    uint64_t hash() const;
    // The CSV text (header comment, header, one row per coefficient).
    std::string to_csv(const std::string& header_comment) const;

private:
    void index();  // rebuilds by_name_
    std::string path_;
    std::vector<Coefficient> rows_;
    // rows_ positions by (component, metric): the Fmax model looks up dozens
    // of coefficients by name for each of millions of points
    std::vector<size_t> by_name_;
};

// explorer/calibration.csv of the source tree.
std::string default_calibration_path();

}  // namespace mgpt::explorer
