// The measured figures `calibrate` fits to, in either of two CSV formats (read
// with fast-cpp-csv-parser; the header decides):
//
// - the yosys runner's rtl/synth/results/yosys_figures.csv:
//   point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status
//   point = the design file <dir>/points/<point>.cfg; component = an RTL module
//   group of the resource model (tile, weight_stream, core, rms_engine,
//   divider, sampler) or full (= total); alms_est, ffs, dsp, mlab become the
//   alms, registers, dsp and mlabs measurements; rows whose status is not "ok"
//   are skipped (m10k_bits too: M10K blocks are counted from the layout).
// - a generic measurements.csv: design,group,metric,value,source
//   design = a design file relative to the CSV's folder; metric = alms,
//   registers, dsp or mlabs.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "fit.hpp"

namespace mgpt::explorer {

// Throws std::runtime_error naming the file and line.
std::vector<Measurement> read_measurements(const std::string& path);

// Shared by the readers of measured figures (this one, structural_paths.hpp):
// a non-negative number of a CSV cell, or an error naming `at` and the column;
// design files loaded once each, errors naming `at`.
double measured_number(const std::string& v, const std::string& at, const std::string& column);
class DesignCache {
public:
    const arch::DesignPoint& get(const std::string& file, const std::string& at);

private:
    std::map<std::string, arch::DesignPoint> cache_;
};
// The first line of each measured item: a second row of the same item is an
// error naming both lines (a fit would count it twice).
class DuplicateCheck {
public:
    void add(const std::string& item, const std::string& what, const std::string& path, unsigned line);

private:
    std::map<std::string, unsigned> first_;
};

}  // namespace mgpt::explorer
