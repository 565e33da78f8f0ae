#include "calibration_check.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "markdown_table.hpp"
#include "resource_model.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

double CheckRow::error(size_t m) const {
    if (measured[m] == 0) return std::fabs(model[m]) < 0.5 ? 0.0 : 1.0;
    return (model[m] - measured[m]) / measured[m];
}

bool CheckRow::meets_target(size_t m) const {
    switch (kYosysMetrics[m]) {
        case Metric::alms:
        case Metric::registers: return std::fabs(error(m)) <= 0.15;
        case Metric::dsp: return std::lround(model[m]) == std::lround(measured[m]);
        default: return true;
    }
}

double CalibrationCheck::worst_error(const std::vector<CheckRow>& rows, size_t m) const {
    double w = 0;
    for (const auto& r : rows) w = std::max(w, std::fabs(r.error(m)));
    return w;
}

int CalibrationCheck::misses(const std::vector<CheckRow>& rows, size_t m) const {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(), [&](const CheckRow& r) { return !r.meets_target(m); }));
}

std::vector<std::string> core_groups() {
    std::vector<std::string> g;
    for (const auto& c : resource_components())
        if (std::find(g.begin(), g.end(), c.group) == g.end()) g.push_back(c.group);
    return g;
}

CalibrationCheck check_calibration(const std::vector<Measurement>& rows, const Calibration& c) {
    CalibrationCheck out;
    std::map<std::pair<std::string, std::string>, size_t> at;  // (point, group) -> components index
    std::map<std::string, arch::DesignPoint> designs;
    std::vector<std::string> order;
    for (const auto& r : rows) {
        const auto key = std::make_pair(r.point, r.group);
        auto it = at.find(key);
        if (it == at.end()) {
            it = at.emplace(key, out.components.size()).first;
            CheckRow row;
            row.point = r.point;
            row.group = r.group;
            for (size_t m = 0; m < kYosysMetrics.size(); ++m)
                row.model[m] = estimate_group(r.design, c, kYosysMetrics[m], r.group);
            out.components.push_back(row);
            if (!designs.count(r.point)) order.push_back(r.point);
            designs.emplace(r.point, r.design);
        }
        for (size_t m = 0; m < kYosysMetrics.size(); ++m)
            if (kYosysMetrics[m] == r.metric) out.components[it->second].measured[m] = r.value;
    }
    for (const auto& p : order) {
        CheckRow total;
        total.point = p;
        total.group = "total";
        bool complete = true;
        for (const auto& g : core_groups()) {
            const auto it = at.find({p, g});
            if (it == at.end()) {
                complete = false;
                break;
            }
            for (size_t m = 0; m < kYosysMetrics.size(); ++m) total.measured[m] += out.components[it->second].measured[m];
        }
        if (!complete) continue;
        for (size_t m = 0; m < kYosysMetrics.size(); ++m)
            total.model[m] = estimate_group(designs.at(p), c, kYosysMetrics[m], "total");
        out.points.push_back(total);
    }
    return out;
}

CalibrationCheck check_leave_one_out(const std::vector<Measurement>& rows, const Calibration& prior) {
    // Every fitted coefficient starts from 0; a structural count keeps its value.
    Calibration neutral = prior;
    for (const auto& c : prior.rows()) {
        const bool resource = std::any_of(resource_components().begin(), resource_components().end(),
                                          [&](const ResourceComponent& comp) { return c.component == comp.name; });
        const bool yosys_metric = std::any_of(kYosysMetrics.begin(), kYosysMetrics.end(),
                                              [&](Metric m) { return c.metric == metric_name(m); });
        if (resource && yosys_metric && !c.is_count())
            neutral.set(c.component, c.metric, 0.0, "neutral prior");
    }
    std::vector<std::string> points;
    for (const auto& r : rows)
        if (std::find(points.begin(), points.end(), r.point) == points.end()) points.push_back(r.point);
    CalibrationCheck out;
    for (const auto& p : points) {
        std::vector<Measurement> train, held;
        for (const auto& r : rows) (r.point == p ? held : train).push_back(r);
        const Calibration fitted = fit_coefficients(neutral, train, {}, "leave-one-out fit without " + p);
        const CalibrationCheck one = check_calibration(held, fitted);
        out.components.insert(out.components.end(), one.components.begin(), one.components.end());
        out.points.insert(out.points.end(), one.points.begin(), one.points.end());
    }
    return out;
}

namespace {

std::string cell(const CheckRow& r, size_t m) {
    std::string s = thousands(r.measured[m]) + " / " + thousands(std::round(r.model[m]));
    if (kYosysMetrics[m] == Metric::alms || kYosysMetrics[m] == Metric::registers) {
        s += " (" + signed_percent(r.error(m)) + ")";
    }
    return r.meets_target(m) ? s : "**" + s + "**";
}

std::string table(const std::vector<CheckRow>& rows, bool with_group) {
    std::vector<std::string> header = {"point"};
    if (with_group) header.push_back("component");
    for (const char* h : {"ALMs yosys / model", "FFs yosys / model", "DSP yosys / model", "MLAB yosys / model"})
        header.push_back(h);
    MarkdownTable t(header);
    for (const auto& r : rows) {
        std::vector<std::string> cells = {r.point};
        if (with_group) cells.push_back(r.group);
        for (size_t m = 0; m < kYosysMetrics.size(); ++m) cells.push_back(cell(r, m));
        t.add(cells);
    }
    return t.str();
}

std::string summary(const CalibrationCheck& c, const std::vector<CheckRow>& rows) {
    return "ALMs worst " + fixed_decimals(100 * c.worst_error(rows, 0), 1) + "% (" + std::to_string(c.misses(rows, 0)) +
           " of " + std::to_string(rows.size()) + " outside 15%), registers worst " +
           fixed_decimals(100 * c.worst_error(rows, 1), 1) + "% (" + std::to_string(c.misses(rows, 1)) +
           " outside 15%), DSP " + std::to_string(rows.size() - c.misses(rows, 2)) + " of " +
           std::to_string(rows.size()) + " exact";
}

}  // namespace

std::string calibration_check_markdown(const CalibrationCheck& check, const std::string& file) {
    std::string s;
    s += "Measured: yosys 0.23 `synth_intel_alm -family cyclonev` of each RTL component (`" + file +
         "`; ALMs = the runner's packing estimate of yosys' LUTs). Model: the resource model's yosys-equivalent "
         "figures (before the Quartus correction). Bold: outside the target (ALMs and registers within 15%, DSP "
         "exact).\n\n";
    s += "### Whole design points (sum of the " + std::to_string(core_groups().size()) + " components)\n\n";
    if (check.points.empty()) s += "No point has all components measured.\n\n";
    else s += table(check.points, false) + "\n" + summary(check, check.points) + ".\n\n";
    s += "### Per component\n\n" + table(check.components, true) + "\n" + summary(check, check.components) + ".\n";
    return s;
}

}  // namespace mgpt::explorer
