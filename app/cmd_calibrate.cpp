// microgpt-dse calibrate: refit the resource model's coefficients, either to
// yosys figures of the project's RTL on a calibration set of design points
// (a measurements CSV), or to the reference's published Quartus fits.
#include <cmath>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "explorer/fit.hpp"
#include "explorer/fmax_model.hpp"
#include "explorer/measurements.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/reference_fits.hpp"
#include "explorer/text_util.hpp"
#include "model/weights.hpp"
#include "sampling_options.hpp"
#include "text_table.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace mgpt::app {

namespace {

using explorer::Metric;

// The accuracy targets: ALMs and registers within 15%, DSP and M10K exact.
std::string verdict(Metric m, double model, double measured) {
    if (m == Metric::dsp || m == Metric::m10k) return std::lround(model) == std::lround(measured) ? "exact" : "MISS";
    if (m == Metric::alms || m == Metric::registers)
        return measured > 0 && std::fabs(model - measured) / measured <= 0.15 ? "within 15%" : "MISS";
    return "-";
}

void print_errors(const std::vector<explorer::Measurement>& rows, const explorer::Calibration& before,
                  const explorer::Calibration& after) {
    TextTable t({"measurement", "group", "metric", "measured", "model before", "model after", "error", "target"});
    for (const auto& r : rows) {
        const double b = explorer::estimate_group(r.design, before, r.metric, r.group);
        const double a = explorer::estimate_group(r.design, after, r.metric, r.group);
        t.add({r.label, r.group, explorer::metric_name(r.metric), explorer::fixed_decimals(r.value, 0),
               explorer::fixed_decimals(b, 0), explorer::fixed_decimals(a, 0),
               r.value > 0 ? explorer::fixed_decimals(100.0 * (a - r.value) / r.value, 1) + "%" : "-",
               verdict(r.metric, a, r.value)});
    }
    t.print(std::cout);
}

void print_reference_check(const explorer::Calibration& c) {
    TextTable t({"reference build", "ALMs model/Quartus", "registers model/Quartus", "DSP model/Quartus",
                 "Fmax MHz model/Quartus", "longest path (model)"});
    for (const auto& r : explorer::reference_builds()) {
        const auto res = explorer::estimate_resources(r.design, c);
        const auto f = explorer::estimate_fmax(r.design, c);
        t.add({r.name, std::to_string(res.alms) + " / " + explorer::fixed_decimals(r.alms, 0),
               std::to_string(res.registers) + " / " + explorer::fixed_decimals(r.registers, 0),
               std::to_string(res.dsp) + " / " + explorer::fixed_decimals(r.dsp, 0),
               explorer::fixed_decimals(f.fmax_mhz, 2) + " / " + explorer::fixed_decimals(1000.0 / r.critical_path_ns, 2),
               f.critical});
    }
    t.print(std::cout);
}

}  // namespace

int cmd_calibrate(const Args& args) {
    po::options_description desc("calibrate options");
    desc.add_options()("help,h", "show this help")
        ("points", po::value<std::string>()->default_value(std::string(MGPT_SOURCE_DIR) + "/rtl/synth/results"),
         "calibration set folder: the yosys runner's yosys_figures.csv with its points/*.cfg, or a measurements.csv")
        ("measurements", po::value<std::string>(),
         "measured figures: yosys_figures.csv (point,component,luts,alms_est,ffs,dsp,mlab,...) or "
         "design,group,metric,value,source (default: <points>/yosys_figures.csv, else <points>/measurements.csv)")
        ("reference", po::bool_switch(), "fit the anchor coefficients to the reference's Quartus fits instead")
        ("free", po::value<std::string>(), "comma-separated components to fit (default: every measured one)")
        ("calibration", po::value<std::string>(), "coefficients to start from (default explorer/calibration.csv)")
        ("out", po::value<std::string>(), "where to write the fitted coefficients (default: --calibration)")
        ("dry-run", po::bool_switch(), "print the fit, write nothing");
    po::variables_map vm;
    if (!parse_or_help("calibrate",
                       "[--points DIR] [--measurements FILE] [--reference] [--free a,b] [--calibration FILE] "
                       "[--out FILE] [--dry-run]",
                       args, desc, vm))
        return 0;
    const std::string in = vm.count("calibration") ? vm["calibration"].as<std::string>()
                                                   : explorer::default_calibration_path();
    const std::string out = vm.count("out") ? vm["out"].as<std::string>() : in;
    const explorer::Calibration prior = explorer::load_model_calibration(in);
    std::vector<std::string> notes;
    explorer::Calibration fitted;
    std::string header;
    if (vm["reference"].as<bool>()) {
        fitted = explorer::fit_to_reference(prior, &notes);
        header = "Coefficients of the explorer's resource and Fmax models (explorer/README.md documents every term).\n"
                 "Anchors fitted by `microgpt-dse calibrate --reference` to the reference's Quartus fits (DEVICE.md);\n"
                 "the other coefficients are hardware estimates. Replace with `calibrate` on yosys figures.";
        std::cout << "fit to the reference's Quartus fits [Quartus 18.1 Lite, DEVICE.md]:\n";
        for (const auto& n : notes) std::cout << "  " << n << "\n";
        std::cout << "\n";
        print_reference_check(fitted);
    } else {
        const std::string dir = vm["points"].as<std::string>();
        std::string file = vm.count("measurements") ? vm["measurements"].as<std::string>() : dir + "/yosys_figures.csv";
        if (!vm.count("measurements") && !fs::exists(file)) file = dir + "/measurements.csv";
        if (!fs::exists(file))
            throw std::runtime_error(file + ": cannot open: no yosys figures of the calibration set yet "
                                            "(rtl/synth/run_calibration.sh writes yosys_figures.csv; or use --reference)");
        const auto rows = explorer::read_measurements(file);
        std::vector<std::string> free;
        if (vm.count("free"))
            for (const auto& f : explorer::split(vm["free"].as<std::string>(), ','))
                if (!explorer::trim(f).empty()) free.push_back(explorer::trim(f));
        fitted = explorer::fit_coefficients(prior, rows, free,
                                            "yosys fit (" + std::to_string(rows.size()) + " measurements, " +
                                                fs::path(file).filename().string() + ")",
                                            &notes);
        header = "Coefficients of the explorer's resource and Fmax models (explorer/README.md documents every term).\n"
                 "Fitted by `microgpt-dse calibrate` to " + file + ".";
        std::cout << "least-squares fit to " << rows.size() << " measurements of " << file << ":\n";
        for (const auto& n : notes) std::cout << "  " << n << "\n";
        std::cout << "\nmodel against the measurements (targets: ALMs and registers within 15%, DSP exact):\n";
        print_errors(rows, prior, fitted);
        std::cout << "\nthe reference's Quartus fits with the new coefficients:\n";
        print_reference_check(fitted);
    }
    if (vm["dry-run"].as<bool>()) return 0;
    write_file_atomically(out, fitted.to_csv(header));
    std::cout << "\nwrote " << out << "\n";
    return 0;
}

}  // namespace mgpt::app
