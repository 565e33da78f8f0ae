#include "plot.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include "model/weights.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

bool on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    for (const auto& dir : split(path, ':'))
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
    return false;
}

namespace {

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// An inline data block (gnuplot 5 `$NAME << EOD`); the datafile separator is a comma.
std::string block(const std::string& name, const std::vector<std::vector<double>>& rows) {
    std::ostringstream b;
    b.precision(10);
    b << "$" << name << " << EOD\n";
    for (const auto& r : rows) {
        for (size_t i = 0; i < r.size(); ++i) b << (i ? "," : "") << r[i];
        b << "\n";
    }
    b << "EOD\n";
    return b.str();
}

double cost_of(const PointRow& r, bool dsp) { return static_cast<double>(dsp ? r.dsp : r.alms); }

// The cloud of every point as density cells: x, y, colour (0xRRGGBB), darker
// where a cell holds more points (log scale), grey for infeasible, blue for feasible.
std::string cloud_block(const RunDigest& g, const std::string& name, bool dsp, bool feasible) {
    const auto cells = g.cloud(dsp, feasible);
    double most = 1;
    for (const auto& c : cells) most = std::max(most, static_cast<double>(c.count));
    std::vector<std::vector<double>> rows;
    for (const auto& c : cells) {
        const double t = most > 1 ? std::log(static_cast<double>(c.count)) / std::log(most) : 1;  // 0 .. 1
        auto mix = [&](int light, int dark) { return static_cast<int>(light + (dark - light) * t); };
        const int rgb = feasible ? (mix(0x9e, 0x08) << 16 | mix(0xca, 0x30) << 8 | mix(0xe1, 0x6b))
                                 : (mix(0xd9, 0x52) << 16 | mix(0xd9, 0x52) << 8 | mix(0xd9, 0x52));
        rows.push_back({c.x, c.y, static_cast<double>(rgb)});
    }
    return block(name, rows);
}

std::string front_block(const RunDigest& g, const std::string& name, bool dsp) {
    std::vector<std::vector<double>> rows;
    for (const PointRow* r : (dsp ? g.dsp_front() : g.alm_front()).rows()) rows.push_back({cost_of(*r, dsp), r->tokens_per_s});
    return block(name, rows);
}

std::string point_block(const std::optional<PointRow>& r, const std::string& name, bool dsp) {
    return block(name, r ? std::vector<std::vector<double>>{{cost_of(*r, dsp), r->tokens_per_s}}
                         : std::vector<std::vector<double>>{});
}

// One panel: tokens/s against a cost, the clouds, its front, caps and markers.
std::string panel(const RunDigest& g, const std::string& cost, const std::string& xlabel, double cap,
                  const std::string& cap_label) {
    std::ostringstream p;
    p << "set xlabel '" << xlabel << "'\n";
    p << "set arrow 1 from " << cap << ", graph 0 to " << cap << ", graph 1 nohead dt 2 lw 1.5 lc rgb '#d62728'\n";
    p << "set label 1 '" << cap_label << "' at " << cap << ", graph 0.96 right offset -0.5,0 tc rgb '#d62728'\n";
    p << "plot $cloud_" << cost << "_infeasible using 1:2:3 with points pt 5 ps 0.3 lc rgb variable "
      << "title 'infeasible (resources or timing; darker: more points)'";
    if (g.feasible() > 0) {
        p << ", \\\n     $cloud_" << cost << "_feasible using 1:2:3 with points pt 5 ps 0.35 lc rgb variable "
          << "title 'feasible (darker: more points)'";
        p << ", \\\n     $front_" << cost << " using 1:2 with linespoints pt 7 ps 0.6 lw 1.5 lc rgb '#ff7f0e' "
          << "title 'Pareto front (feasible)'";
    }
    if (g.baseline())
        p << ", \\\n     $baseline_" << cost << " using 1:2 with points pt 3 ps 3 lw 2 lc rgb '#d62728' "
          << "title 'baseline (reference design)'";
    if (g.best())
        p << ", \\\n     $best_" << cost << " using 1:2 with points pt 6 ps 3 lw 2 lc rgb '#2ca02c' "
          << "title 'best feasible (best.cfg)'";
    p << "\nunset arrow 1\nunset label 1\n";
    return p.str();
}

std::string script(const RunDigest& g, const Sweep& sweep, const std::string& svg, const std::string& png) {
    const auto& d = sweep.device;
    std::ostringstream body;
    std::string name = sweep.name;
    name.erase(std::remove(name.begin(), name.end(), '\''), name.end());  // the title is single-quoted
    const PointRow* any = g.baseline() ? &*g.baseline() : g.best() ? &*g.best() : nullptr;
    body << "set multiplot layout 1,2 title 'microgpt-dse sweep \"" << name << "\": " << g.points()
         << " design points (tokens/s: " << (any ? any->cycles_source : std::string("-"))
         << " cycles x PLL-model clock; ALMs, DSP blocks, Fmax: " << (any ? any->resource_source : std::string("-"))
         << ")' noenhanced\n";
    body << "set logscale xy\nset format x \"%.0f\"\nset format y \"%.0f\"\nset grid\nset key below horizontal box spacing 1.1 height 0.5\nset bmargin 9\n";
    body << "set ylabel 'tokens/s'\n";
    body << panel(g, "alms", "ALMs [model]", d.alms * d.max_alm_utilisation,
                  "ALM cap " + thousands(d.alms * d.max_alm_utilisation));
    body << panel(g, "dsp", "DSP blocks [model]", d.dsp * d.max_dsp_utilisation,
                  "DSP limit " + thousands(d.dsp * d.max_dsp_utilisation));
    body << "unset multiplot\n";
    std::ostringstream s;
    s << "# Generated by microgpt-dse explore: run `gnuplot pareto.gp` in this folder to redraw. Every point is in\n"
         "# the clouds below as a density cell (" << RunDigest::kCellsPerDecade << " per decade on both axes), the "
         "fronts and the marked points exactly.\n";
    for (const bool dsp : {false, true}) {
        const std::string c = dsp ? "dsp" : "alms";
        s << cloud_block(g, "cloud_" + c + "_infeasible", dsp, false) << cloud_block(g, "cloud_" + c + "_feasible", dsp, true)
          << front_block(g, "front_" + c, dsp) << point_block(g.baseline(), "baseline_" + c, dsp)
          << point_block(g.best(), "best_" + c, dsp);
    }
    s << "set datafile separator comma\n";
    s << "set terminal svg size 1500,700 dynamic enhanced font 'sans,11' background rgb 'white'\n";
    s << "set output '" << svg << "'\n" << body.str();
    s << "set terminal pngcairo size 1500,700 enhanced font 'sans,10' background rgb 'white'\n";
    s << "set output '" << png << "'\n" << body.str();
    s << "set output\n";
    return s.str();
}

}  // namespace

void write_plots(const std::string& dir, const RunDigest& digest, const Sweep& sweep) {
    write_file_atomically(dir + "/pareto.gp", script(digest, sweep, "pareto.svg", "pareto.png"));
    if (!on_path("gnuplot"))
        throw std::runtime_error("gnuplot is not installed (not on PATH): pareto.png and pareto.svg cannot be drawn; "
                                 "install gnuplot-nox (apt-get install gnuplot-nox, or bash scripts/install_deps.sh) "
                                 "and rerun with --resume, or run `gnuplot pareto.gp` in " + dir +
                                 " (points.csv, report.md and best.cfg are written)");
    // Draw into temporary files, then rename: the plots appear whole or not at all.
    const std::string tag = std::to_string(::getpid());
    const std::string run = "pareto.gp.tmp." + tag, svg = "pareto.svg.tmp." + tag, png = "pareto.png.tmp." + tag,
                      log = "pareto.log.tmp." + tag;
    write_file_atomically(dir + "/" + run, script(digest, sweep, svg, png));
    const std::string cmd = "cd " + quote(dir) + " && gnuplot " + run + " > " + log + " 2>&1";
    const int rc = std::system(cmd.c_str());
    std::string err;
    {
        std::ifstream in(dir + "/" + log);
        err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (const auto& f : {run, log}) std::remove((dir + "/" + f).c_str());
    if (rc != 0) {
        for (const auto& f : {svg, png}) std::remove((dir + "/" + f).c_str());
        throw std::runtime_error("gnuplot failed on " + dir + "/pareto.gp (exit " + std::to_string(rc) + "): " + err);
    }
    if (std::rename((dir + "/" + svg).c_str(), (dir + "/pareto.svg").c_str()) != 0 ||
        std::rename((dir + "/" + png).c_str(), (dir + "/pareto.png").c_str()) != 0)
        throw std::runtime_error(dir + ": cannot move the plots into place");
}

}  // namespace mgpt::explorer
