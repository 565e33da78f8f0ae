// microgpt-dse calibrate: refit the resource model's coefficients to yosys
// figures of the project's RTL on a calibration set of design points (a
// measurements CSV), then the Quartus correction and the Fmax anchors to the
// reference's published Quartus fits; or (--reference) only the latter.
// Writes the coefficients and a Markdown report of the model's errors.
#include <filesystem>
#include <iostream>

#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "explorer/calibration_check.hpp"
#include "explorer/fit.hpp"
#include "explorer/fmax_model.hpp"
#include "explorer/measurements.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/reference_fits.hpp"
#include "explorer/text_util.hpp"
#include "model/weights.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace mgpt::app {

namespace {

using explorer::thousands;

std::string reference_check(const explorer::Calibration& c) {
    TextTable t({"reference build", "ALMs model / Quartus", "registers model / Quartus", "DSP model / Quartus",
                 "Fmax MHz model / Quartus", "longest path (model)"});
    for (const auto& r : explorer::reference_builds()) {
        const auto res = explorer::estimate_resources(r.design, c);
        const auto f = explorer::estimate_fmax(r.design, c);
        t.add({r.name, thousands(static_cast<double>(res.alms)) + " / " + thousands(r.alms),
               thousands(static_cast<double>(res.registers)) + " / " + thousands(r.registers),
               std::to_string(res.dsp) + " / " + fixed_decimals(r.dsp, 0),
               fixed_decimals(f.fmax_mhz, 2) + " / " + fixed_decimals(1000.0 / r.critical_path_ns, 2), f.critical});
    }
    return t.markdown();
}

std::string bullets(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& n : lines) s += "- " + n + "\n";
    return s;
}

// explorer/calibration.csv -> explorer/calibration_report.md
std::string default_report_path(const std::string& csv) {
    const fs::path p(csv);
    return (p.parent_path() / (p.stem().string() + "_report.md")).string();
}

const char* kTitle = "# Calibration of the resource and Fmax models\n\n";
const char* kCsvHeader = "Coefficients of the explorer's resource and Fmax models (explorer/README.md documents every term).\n";

std::string reference_section(const explorer::Calibration& fitted, const std::vector<std::string>& notes) {
    return "## Quartus correction and Fmax anchors, fitted to the reference's Quartus fits [Quartus 18.1 Lite, "
           "docs/DEVICE.md]\n\n" +
           bullets(notes) + "\nThe model (Quartus-corrected ALMs and registers) against the reference's builds:\n\n" +
           reference_check(fitted);
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
        ("reference", po::bool_switch(),
         "only refit the Quartus correction and the Fmax anchors to the reference's Quartus fits")
        ("free", po::value<std::string>(), "comma-separated components to fit (default: every measured one)")
        ("calibration", po::value<std::string>(), "coefficients to start from (default explorer/calibration.csv)")
        ("out", po::value<std::string>(), "where to write the fitted coefficients (default: --calibration)")
        ("report", po::value<std::string>(), "where to write the Markdown report (default: <out>_report.md)")
        ("dry-run", po::bool_switch(), "print the fit, write nothing");
    po::variables_map vm;
    if (!cli::parse_or_help("calibrate",
                       "[--points DIR] [--measurements FILE] [--reference] [--free a,b] [--calibration FILE] "
                       "[--out FILE] [--report FILE] [--dry-run]",
                       args, desc, vm))
        return 0;
    const std::string in = vm.count("calibration") ? vm["calibration"].as<std::string>()
                                                   : explorer::default_calibration_path();
    const std::string out = vm.count("out") ? vm["out"].as<std::string>() : in;
    const explorer::Calibration prior = explorer::load_model_calibration(in);
    explorer::Calibration fitted;
    std::string header = kCsvHeader, report = kTitle;
    if (vm["reference"].as<bool>()) {
        std::vector<std::string> notes;
        fitted = explorer::fit_to_reference(prior, &notes);
        header += "quartus_correction and the Fmax anchors refitted by `microgpt-dse calibrate --reference` to the "
                  "reference's Quartus fits (docs/DEVICE.md);\nthe component coefficients are as in " +
                  explorer::shown_path(in) + ".";
        report += "Written by `microgpt-dse calibrate --reference`.\n\n" + reference_section(fitted, notes);
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
        const std::string shown = explorer::shown_path(file);
        std::vector<std::string> notes, ref_notes;
        fitted = explorer::fit_coefficients(
            prior, rows, free, "yosys fit (" + std::to_string(rows.size()) + " measurements, " + shown + ")", &notes);
        fitted = explorer::fit_to_reference(fitted, &ref_notes);
        header += "Component coefficients: least-squares fit by `microgpt-dse calibrate` to the yosys figures " + shown +
                  ";\nquartus_correction and the Fmax anchors: fitted to the reference's Quartus fits (docs/DEVICE.md).";
        report += "Written by `microgpt-dse calibrate` from `" + shown + "` (" + std::to_string(rows.size()) +
                  " measurements). Do not edit; rerun.\n\n## Least-squares fit to yosys (relative error)\n\n" +
                  bullets(notes) + "\n## The model against yosys\n\n" +
                  explorer::calibration_check_markdown(explorer::check_calibration(rows, fitted), shown) + "\n" +
                  reference_section(fitted, ref_notes);
    }
    std::cout << report;
    if (vm["dry-run"].as<bool>()) return 0;
    const std::string report_file = vm.count("report") ? vm["report"].as<std::string>() : default_report_path(out);
    write_file_atomically(report_file, report);
    write_file_atomically(out, fitted.to_csv(header));
    std::cout << "\nwrote " << out << " and " << report_file << "\n";
    return 0;
}

}  // namespace mgpt::app
