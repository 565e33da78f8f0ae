// The journal of a run in progress (points.partial.csv) resumed as
// explorer::Journal continues it: the complete rows read with a torn last line
// tolerated, the journal cut after them. The cut journal holds exactly the
// rows that were read, with no torn tail.

#include "explorer/journal.hpp"
#include "explorer/point_row.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("points.partial.csv", data, size);
    std::vector<explorer::PointRow> rows;
    bool torn = false;
    if (!fuzz::parse_or_reject(path, [&] { rows = explorer::read_points_csv(path, true, &torn); })) return 0;
    // the complete lines: everything up to the last newline
    size_t keep = size;
    if (torn)
        while (keep > 0 && data[keep - 1] != '\n') --keep;
    { explorer::Journal journal(path, keep); }
    if (rows.empty()) return 0;
    std::vector<explorer::PointRow> back;
    if (!fuzz::parse_or_reject(path, [&] { back = explorer::read_points_csv(path, false, &torn); })) return 0;
    if (torn || back.size() != rows.size())
        fuzz::contract_broken(path, "a different journal", "the resumed journal does not hold the rows read");
    for (size_t i = 0; i < rows.size(); ++i)
        if (explorer::to_csv_line(back[i]) != explorer::to_csv_line(rows[i]))
            fuzz::contract_broken(path, "a different row", "the resumed journal does not hold the rows read");
    return 0;
}
