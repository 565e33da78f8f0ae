// Fixtures of the explorer tests: temporary folders and files, the shipped sweeps.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

#include "explorer/explore_run.hpp"
#include "explorer/model_calibration.hpp"

namespace mgpt::test {

inline bool path_exists(const std::string& p) { return std::filesystem::exists(p); }

inline std::string source_path(const std::string& rel) { return std::string(MGPT_SOURCE_DIR) + "/" + rel; }

// explore options of the tests: two threads, no progress output.
inline explorer::ExploreOptions explore_options(const std::string& sweep, const std::string& out) {
    explorer::ExploreOptions o;
    o.sweep_path = sweep;
    o.out_dir = out;
    o.jobs = 2;
    o.progress = false;
    return o;
}

// The rows a run wrote (its points.csv), by index.
inline std::vector<explorer::PointRow> rows_of(const explorer::ExploreResult& r) {
    return explorer::read_points_csv(r.points_path);
}

// The shipped model coefficients (explorer/calibration.csv), loaded once.
inline const explorer::Calibration& shipped_calibration() {
    static const explorer::Calibration c = explorer::load_model_calibration(source_path("explorer/calibration.csv"));
    return c;
}

// A fresh temporary folder, removed when the fixture goes out of scope.
struct TempDir {
    std::string path;
    TempDir() {
        std::string templ = (std::filesystem::temp_directory_path() / "mgpt_explorer_XXXXXX").string();
        path = ::mkdtemp(templ.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

inline void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A sweep file in `dir` whose baseline is the shipped one.
inline std::string write_sweep(const TempDir& dir, const std::string& name, const std::string& body) {
    const std::string path = dir.file(name + ".cfg");
    write_text(path, "name = " + name + "\nbaseline = " + source_path("configs/designs/baseline.cfg") + "\n" + body);
    return path;
}

}  // namespace mgpt::test
