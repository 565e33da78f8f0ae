// The journal of a run in progress (points.partial.csv) resumed by
// explorer::Journal: read with a torn last line tolerated, rewritten without
// it. The rewritten journal holds exactly the rows that were read.
#include "explorer/journal.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("points.partial.csv", data, size);
    std::vector<explorer::PointRow> rows;
    if (!fuzz::parse_or_reject(path, [&] { explorer::Journal journal(path, /*resume=*/true, rows); })) return 0;
    std::vector<explorer::PointRow> back;
    bool torn = true;
    if (!fuzz::parse_or_reject(path, [&] { back = explorer::read_points_csv(path, false, &torn); })) return 0;
    if (torn || back.size() != rows.size())
        fuzz::contract_broken(path, "a different journal", "the resumed journal does not hold the rows read");
    for (size_t i = 0; i < rows.size(); ++i)
        if (explorer::to_csv_line(back[i]) != explorer::to_csv_line(rows[i]))
            fuzz::contract_broken(path, "a different row", "the resumed journal does not hold the rows read");
    return 0;
}
