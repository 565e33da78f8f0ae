#include "outputs.hpp"

#include <cstdio>
#include <filesystem>
#include <regex>

#include "model/weights.hpp"
#include "pareto.hpp"
#include "points_output.hpp"
#include "plot.hpp"
#include "report.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

int remove_stale_temporaries(const std::string& dir) {
    // write_file_atomically's NAME.tmp.PID and the plots' pareto.*.tmp.PID (whose
    // own atomic write adds a second .tmp.PID); nothing else of the folder.
    static const std::regex temporary(
        R"((points\.csv|points\.csv\.gz|points\.partial\.csv|run\.cfg|report\.md|best\.cfg|pareto\.(gp|svg|png|log))(\.tmp\.[0-9]+)+)");
    int removed = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.symlink_status(ec).type() == std::filesystem::file_type::regular &&
            std::regex_match(e.path().filename().string(), temporary))
            removed += std::filesystem::remove(e.path(), ec) ? 1 : 0;
    return removed;
}

long write_points_and_run(const std::string& dir, const std::string& source, const PointsOutput& out,
                          const RunDigest& digest, const RunInfo& run) {
    const long written = write_points_file(source, dir, out, digest);
    write_run_info(dir + "/run.cfg", run);
    return written;
}

long write_reports(const std::string& dir, const RunDigest& digest, const Sweep& sweep, const RunInfo& run,
                   const Calibration& calibration) {
    const auto& best = digest.best();
    if (best) {
        const PointRow& r = *best;
        arch::DesignPoint d = r.design;
        d.name = sweep.name + "_best_" + std::to_string(r.index);
        write_file_atomically(dir + "/best.cfg",
                              "# The best feasible point of sweep '" + sweep.name + "' (point #" +
                                  std::to_string(r.index) + "): " + fixed_decimals(r.tokens_per_s, 0) + " tokens/s [" +
                                  r.cycles_source + " cycles, PLL model], " + std::to_string(r.alms) + " ALMs, " +
                                  std::to_string(r.dsp) + " DSP blocks, Fmax " + fixed_decimals(r.fmax_mhz, 1) +
                                  " MHz [" + r.resource_source + ", " + r.fmax_source + "]\n" + arch::to_config_text(d));
    } else {
        std::remove((dir + "/best.cfg").c_str());
    }
    write_file_atomically(dir + "/report.md", report_markdown(digest, sweep, run, calibration));
    write_plots(dir, digest, sweep);
    return best ? best->index : -1;
}

}  // namespace mgpt::explorer
