// microgpt-dse calibrate: refit the resource model's coefficients to yosys
// figures of the project's RTL on a calibration set of design points (a
// measurements CSV), the Fmax model's path terms to the structural timing of
// the same set and its mapping factor to the baseline's Quartus fit, then the
// Quartus resource correction to the reference's published Quartus fits; or
// (--reference) only the latter.
// Writes the coefficients and a Markdown report of the model's errors.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/usage.hpp"
#include "commands.hpp"
#include "common/text_format.hpp"
#include "common/source_tree.hpp"
#include "common/text_table.hpp"
#include "explorer/calibration_check.hpp"
#include "explorer/fit.hpp"
#include "explorer/fmax_model.hpp"
#include "explorer/measurements.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/reference_fits.hpp"
#include "explorer/resource_model.hpp"
#include "explorer/structural_paths.hpp"
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

// --free a,b: every item a resource model component; an empty item (",", "a,,b")
// is a typo, not "fit everything".
std::vector<std::string> free_components(const std::string& list) {
    std::string legal;
    for (const auto& c : explorer::resource_components()) legal += std::string(legal.empty() ? "" : ", ") + c.name;
    std::vector<std::string> out;
    const auto items = explorer::split(list, ',');
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string f = explorer::trim(items[i]);
        const bool known = std::any_of(explorer::resource_components().begin(), explorer::resource_components().end(),
                                       [&](const explorer::ResourceComponent& c) { return c.name == f; });
        if (!known)
            throw UsageError("--free '" + list + "': item " + std::to_string(i + 1) +
                             (f.empty() ? " is empty" : " '" + f + "' is not a resource model component") +
                             " (legal: a comma-separated list of: " + legal + ")");
        out.push_back(f);
    }
    return out;
}

const char* kTitle = "# Calibration of the resource and Fmax models\n\n";
const char* kCsvHeader = "Coefficients of the explorer's resource and Fmax models (explorer/README.md documents every term).\n";

// The Fmax model's structural fit: per point, the longest measured path against the model, in sample and
// leave-one-out, both scaled by the mapping factor.
std::string timing_section(const std::vector<explorer::StructuralPath>& rows, const explorer::Calibration& fitted,
                           const std::vector<std::string>& notes, const std::string& shown) {
    TextTable t({"point", "measured longest path (ns)", "model (ns)", "error", "leave-one-out model (ns)", "error"});
    const auto in = explorer::compare_points(rows, fitted), out = explorer::leave_one_out(rows, fitted);
    size_t unlearnt = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        // a term only this point determines: its leave-one-out figure is not out of sample
        std::string why;
        for (const auto& term : out[i].unlearnt) why += (why.empty() ? "" : ", ") + term;
        unlearnt += !why.empty();
        t.add({in[i].point, in[i].measured_family + " " + fixed_decimals(in[i].measured_ns, 2),
               in[i].model_family + " " + fixed_decimals(in[i].model_ns, 2), explorer::signed_percent(in[i].error()),
               out[i].model_family + " " + fixed_decimals(out[i].model_ns, 2),
               why.empty() ? explorer::signed_percent(out[i].error()) : "not predictable (only it determines " + why + ")"});
    }
    return "## Fmax model against structural timing [yosys 0.23 mapped cells, mgpt-sta; " + shown + "]\n\n" +
           bullets(notes) +
           "\nPer point, the longest path over the components measured there, times the mapping factor (what the "
           "clock must cover). Leave-one-out refits without the point; where a term only that point determines, "
           "the refit cannot learn it and the row says \"not predictable\" (" + std::to_string(unlearnt) +
           " of " + std::to_string(in.size()) + " points; the held-out points, rtl/synth/heldout/, are the "
           "check for those terms):\n\n" + t.markdown() + "\n";
}

std::string reference_section(const explorer::Calibration& fitted, const std::vector<std::string>& notes) {
    return "## Quartus correction, fitted to the reference's Quartus fits [Quartus 18.1 Lite, "
           "docs/DEVICE.md]\n\n" +
           bullets(notes) + "\nThe model (Quartus-corrected ALMs and registers) against the reference's builds:\n\n" +
           reference_check(fitted);
}

}  // namespace

int cmd_calibrate(const Args& args) {
    po::options_description desc("calibrate options");
    // computed before po::value allocates: a default that throws (no tree found) must not leak it
    const std::string points_default = source_path("rtl/synth/results");
    desc.add_options()("help,h", "show this help")
        ("points", po::value<std::string>()->default_value(points_default),
         "calibration set folder: the yosys runner's yosys_figures.csv with its points/*.cfg, or a measurements.csv")
        ("measurements", po::value<std::string>(),
         "measured figures: yosys_figures.csv (point,component,luts,alms_est,ffs,dsp,mlab,...) or "
         "design,group,metric,value,source (default: <points>/yosys_figures.csv, else <points>/measurements.csv)")
        ("timing", po::value<std::string>(),
         "structural timing of the calibration set (rtl/synth/run_timing.sh; default: <points>/structural_timing.csv)")
        ("reference", po::bool_switch(),
         "only refit the Quartus correction to the reference's Quartus fits")
        ("free", po::value<std::string>(), "comma-separated components to fit (default: every measured one)")
        ("calibration", po::value<std::string>(), "coefficients to start from (default explorer/calibration.csv)")
        ("out", po::value<std::string>(), "where to write the fitted coefficients (default: --calibration)")
        ("report", po::value<std::string>(), "where to write the Markdown report (default: <out>_report.md)")
        ("dry-run", po::bool_switch(), "print the fit, write nothing");
    po::variables_map vm;
    if (!cli::parse_or_help("calibrate",
                       "[--points DIR] [--measurements FILE] [--timing FILE] [--reference] [--free a,b] [--calibration FILE] "
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
        header += "quartus_correction refitted by `microgpt-dse calibrate --reference` to the "
                  "reference's Quartus fits (docs/DEVICE.md);\nthe component coefficients and the Fmax model are as in " +
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
        const std::vector<std::string> free = vm.count("free") ? free_components(vm["free"].as<std::string>())
                                                               : std::vector<std::string>{};
        const std::string shown = explorer::shown_path(file);
        const std::string timing_file =
            vm.count("timing") ? vm["timing"].as<std::string>() : dir + "/structural_timing.csv";
        const auto paths = explorer::read_structural_timing(timing_file);
        const std::string timing_shown = explorer::shown_path(timing_file);
        std::vector<std::string> notes, ref_notes, timing_notes;
        fitted = explorer::fit_coefficients(
            prior, rows, free, "yosys fit (" + std::to_string(rows.size()) + " measurements, " + shown + ")", &notes);
        fitted = explorer::fit_structural_paths(
            fitted, paths, "structural fit (" + std::to_string(paths.size()) + " paths, " + timing_shown + ")",
            &timing_notes);
        fitted = explorer::fit_to_reference(fitted, &ref_notes);
        header += "Component coefficients: least-squares fit by `microgpt-dse calibrate` to the yosys figures " + shown +
                  ";\nFmax path terms: fit to the structural timing " + timing_shown +
                  ", the mapping factor to the baseline's Quartus fit;\nquartus_correction: fitted to the reference's "
                  "Quartus fits (docs/DEVICE.md).";
        report += "Written by `microgpt-dse calibrate` from `" + shown + "` (" + std::to_string(rows.size()) +
                  " measurements). Do not edit; rerun.\n\n## Least-squares fit to yosys (relative error)\n\n" +
                  bullets(notes) + "\n## The model against yosys\n\n" +
                  explorer::calibration_check_markdown(explorer::check_calibration(rows, fitted), shown) + "\n" +
                  timing_section(paths, fitted, timing_notes, timing_shown) + "\n" + reference_section(fitted, ref_notes);
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
