#include "run_info.hpp"

#include <fstream>
#include <map>
#include <stdexcept>

#include "common/source_tree.hpp"
#include "model/weights.hpp"
#include "text_util.hpp"

namespace mgpt::explorer {

namespace {

// Files inside the source tree are written relative to it (results folders get
// committed and cloned elsewhere), and read back against this program's tree.
std::string in_source_tree(const std::string& path) {
    return path.empty() || path[0] == '/' ? path : source_path(path);
}

}  // namespace

void write_run_info(const std::string& path, const RunInfo& r) {
    std::string t = "# microgpt-dse explore: identity of this results folder (read by --resume and merge)\n";
    t += "sweep_name = " + r.sweep_name + "\n";
    t += "sweep_file = " + shown_path(r.sweep_file) + "\n";
    t += "sweep_hash = " + r.sweep_hash + "\n";
    t += "engine = " + r.engine + "\n";
    t += "calibration_file = " + shown_path(r.calibration_file) + "\n";
    t += "calibration_hash = " + r.calibration_hash + "\n";
    t += "structural_hash = " + r.structural_hash + "\n";
    t += "shard = " + std::to_string(r.shard_index) + "/" + std::to_string(r.shard_count) + "\n";
    t += "points_planned = " + std::to_string(r.points_planned) + "\n";
    t += "points_in_run = " + std::to_string(r.points_in_run) + "\n";
    t += "points = " + r.points_kept + "\n";
    t += "compress = " + std::string(r.points_gzip ? "gzip" : "none") + "\n";
    t += "status = " + r.status + "\n";
    write_file_atomically(path, t);
}

RunInfo read_run_info(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open (not a results folder of microgpt-dse explore?)");
    std::map<std::string, std::pair<std::string, int>> kv;
    int n = 0;
    for (std::string l; std::getline(in, l);) {
        ++n;
        const std::string t = trim(l.substr(0, l.find('#')));
        if (t.empty()) continue;
        const size_t eq = t.find('=');
        if (eq == std::string::npos) throw std::runtime_error(path + ":" + std::to_string(n) + ": expected key = value");
        kv[trim(t.substr(0, eq))] = {trim(t.substr(eq + 1)), n};
    }
    auto get = [&](const std::string& k) {
        const auto it = kv.find(k);
        if (it == kv.end()) throw std::runtime_error(path + ": missing key '" + k + "'");
        return it->second;
    };
    auto number = [&](const std::string& k) {
        const auto [v, line] = get(k);
        try {
            return std::stol(v);
        } catch (const std::exception&) {
            throw std::runtime_error(path + ":" + std::to_string(line) + ": key '" + k + "': '" + v +
                                     "' is not a number");
        }
    };
    RunInfo r;
    r.sweep_name = get("sweep_name").first;
    r.sweep_file = in_source_tree(get("sweep_file").first);
    r.sweep_hash = get("sweep_hash").first;
    r.engine = get("engine").first;
    r.calibration_file = in_source_tree(get("calibration_file").first);
    r.calibration_hash = get("calibration_hash").first;
    r.structural_hash = get("structural_hash").first;
    const auto [shard, line] = get("shard");
    const auto parts = split(shard, '/');
    try {
        if (parts.size() != 2) throw std::invalid_argument("shard");
        r.shard_index = std::stoi(parts[0]);
        r.shard_count = std::stoi(parts[1]);
    } catch (const std::exception&) {
        throw std::runtime_error(path + ":" + std::to_string(line) + ": key 'shard': '" + shard + "' is not I/N");
    }
    r.points_planned = number("points_planned");
    r.points_in_run = number("points_in_run");
    r.status = get("status").first;
    // Runs written before points.csv could be filtered or compressed kept every row, plain.
    if (kv.count("points")) {
        const auto [v, l] = kv.at("points");
        if (v != "whole" && v != "feasible" && v != "front")
            throw std::runtime_error(path + ":" + std::to_string(l) + ": key 'points': '" + v +
                                     "' is not legal (legal: whole, feasible, front)");
        r.points_kept = v;
    }
    if (kv.count("compress")) {
        const auto [v, l] = kv.at("compress");
        if (v != "none" && v != "gzip")
            throw std::runtime_error(path + ":" + std::to_string(l) + ": key 'compress': '" + v +
                                     "' is not legal (legal: none, gzip)");
        r.points_gzip = v == "gzip";
    }
    return r;
}

std::string run_mismatch(const RunInfo& a, const RunInfo& b) {
    if (a.sweep_hash != b.sweep_hash)
        return "different sweeps (" + a.sweep_name + " " + a.sweep_hash + " vs " + b.sweep_name + " " + b.sweep_hash + ")";
    if (a.engine != b.engine) return "different engines (" + a.engine + " vs " + b.engine + ")";
    if (a.calibration_hash != b.calibration_hash)
        return "different calibrations (" + a.calibration_hash + " vs " + b.calibration_hash + ")";
    if (a.structural_hash != b.structural_hash)
        return "different structural timing (" + a.structural_hash + " vs " + b.structural_hash + ")";
    return "";
}

}  // namespace mgpt::explorer
