// The fixture of the harnesses of the measured-figure readers: the design
// points of the calibration set (rtl/synth/results/points/*.cfg) in
// scratch_dir()/points/, where those CSVs name their points.
#pragma once
#include <filesystem>

#include "harness_support.hpp"

namespace mgpt::fuzz {

inline void copy_synth_points() {
    const std::filesystem::path dir = std::filesystem::path(MGPT_SOURCE_DIR) / "rtl/synth/results/points";
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".cfg")
            write_scratch("points/" + e.path().filename().string(),
                          read_source_file("rtl/synth/results/points/" + e.path().filename().string()));
}

}  // namespace mgpt::fuzz
