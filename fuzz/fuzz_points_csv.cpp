// explorer::read_points_csv: a finished run's points.csv (a torn last line is
// an error). Rows read back from what write_points_csv writes of them.
#include "explorer/point_row.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("points.csv", data, size);
    std::vector<explorer::PointRow> rows;
    if (!fuzz::parse_or_reject(path, [&] { rows = explorer::read_points_csv(path); })) return 0;
    const std::string again = fuzz::scratch_dir() + "/again.csv";
    explorer::write_points_csv(again, rows);
    std::vector<explorer::PointRow> back;
    if (!fuzz::parse_or_reject(again, [&] { back = explorer::read_points_csv(again); })) return 0;
    for (size_t i = 0; i < rows.size(); ++i)
        if (back.size() != rows.size() || explorer::to_csv_line(back[i]) != explorer::to_csv_line(rows[i]))
            fuzz::contract_broken(again, "different rows", "write_points_csv does not read back as the same rows");
    return 0;
}
