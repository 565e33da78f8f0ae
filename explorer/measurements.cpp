#include "measurements.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "csv_reader.hpp"
#include "model/parse_values.hpp"
#include "text_util.hpp"

namespace fs = std::filesystem;

namespace mgpt::explorer {

double measured_number(const std::string& v, const std::string& at, const std::string& column) {
    const std::optional<double> x = parse_finite_real(v);
    if (!x || *x < 0) throw std::runtime_error(at + ": " + column + " '" + v + "' is not a non-negative number");
    return *x;
}

const arch::DesignPoint& DesignCache::get(const std::string& file, const std::string& at) {
    auto it = cache_.find(file);
    if (it != cache_.end()) return it->second;
    try {
        return cache_[file] = arch::load_design(file);
    } catch (const std::exception& e) {
        throw std::runtime_error(at + ": " + e.what());
    }
}

void DuplicateCheck::add(const std::string& item, const std::string& what, const std::string& path, unsigned line) {
    const auto [it, fresh] = first_.emplace(item, line);
    if (!fresh)
        throw std::runtime_error(path + ":" + std::to_string(line) + ": duplicate row: " + what +
                                 " is measured on line " + std::to_string(it->second) + " already (" + path + ":" +
                                 std::to_string(it->second) + "); keep one row per item");
}

namespace {

using Reader5 = io::CSVReader<5, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>, io::throw_on_overflow,
                              io::single_line_comment<'#'>>;
using Reader7 = io::CSVReader<7, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>, io::throw_on_overflow,
                              io::single_line_comment<'#'>>;

std::vector<Measurement> read_generic(const std::string& path) {
    std::vector<Measurement> out;
    DesignCache designs;
    DuplicateCheck once;
    const fs::path dir = fs::absolute(path).parent_path();
    Reader5 in(path);
    in.read_header(io::ignore_no_column, "design", "group", "metric", "value", "source");
    std::string design, group, metric, value, source;
    while (in.read_row(design, group, metric, value, source)) {
        const std::string at = path + ":" + std::to_string(in.get_file_line());
        Measurement m;
        const std::string file = fs::path(design).is_absolute() ? design : (dir / design).string();
        m.design = designs.get(file, at);
        try {
            m.metric = parse_metric(metric);
        } catch (const std::exception& e) {
            throw std::runtime_error(at + ": " + e.what());
        }
        m.value = measured_number(value, at, "value");
        once.add(fs::weakly_canonical(file).string() + "\n" + group + "\n" + metric_name(m.metric),
                 "design " + design + ", group " + group + ", metric " + metric_name(m.metric), path,
                 in.get_file_line());
        m.label = at + " (" + design + ")";
        m.point = fs::path(design).stem().string();
        m.group = group;
        m.source = source;
        out.push_back(m);
    }
    return out;
}

std::vector<Measurement> read_yosys(const std::string& path) {
    std::vector<Measurement> out;
    DesignCache designs;
    DuplicateCheck once;
    const fs::path dir = fs::absolute(path).parent_path() / "points";
    Reader7 in(path);
    in.read_header(io::ignore_extra_column, "point", "component", "alms_est", "ffs", "dsp", "mlab", "status");
    std::string point, component, alms, ffs, dsp, mlab, status;
    while (in.read_row(point, component, alms, ffs, dsp, mlab, status)) {
        // every row counts, a timeout too: two runs of one item mean a mixed-up file
        once.add(point + "\n" + component, "point " + point + ", component " + component, path, in.get_file_line());
        if (status != "ok") continue;  // timeouts and failures carry no figures
        const std::string at = path + ":" + std::to_string(in.get_file_line());
        const arch::DesignPoint& d = designs.get((dir / (point + ".cfg")).string(), at);
        const std::string group = component == "full" ? "total" : component;
        const std::string source = "yosys 0.23 synth_intel_alm (" + fs::path(path).filename().string() + ")";
        const std::pair<Metric, std::string> figures[] = {
            {Metric::alms, alms}, {Metric::registers, ffs}, {Metric::dsp, dsp}, {Metric::mlabs, mlab}};
        for (const auto& [metric, v] : figures)
            out.push_back({d, at + " (" + point + " " + component + ")", point, group, metric,
                           measured_number(v, at, metric_name(metric)), source});
    }
    return out;
}

}  // namespace

std::vector<Measurement> read_measurements(const std::string& path) {
    std::string header;
    {
        std::ifstream in(path);
        if (!in) throw std::runtime_error(path + ": cannot open measurements file");
        while (std::getline(in, header) && (trim(header).empty() || trim(header)[0] == '#')) {
        }
    }
    std::vector<Measurement> out;
    try {
        out = header.rfind("point,component,", 0) == 0 ? read_yosys(path) : read_generic(path);
    } catch (const io::error::base& e) {
        throw std::runtime_error(path + ": malformed measurements file: " + e.what() +
                                 " (expected design,group,metric,value,source or the yosys runner's "
                                 "point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status)");
    }
    if (out.empty()) throw std::runtime_error(path + ": no usable measurements (no rows, or none with status ok)");
    return out;
}

}  // namespace mgpt::explorer
