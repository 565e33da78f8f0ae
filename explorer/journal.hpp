// The journal of a run in progress (points.partial.csv): the points.csv header,
// then one row per evaluated point, appended and flushed as each row is done,
// in completion order. A killed run leaves at most its last line torn; --resume
// reads the complete rows back (read_journal), has them re-evaluated
// (row_check.hpp), starts the journal again with them and evaluates only the rest.
#pragma once
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "point_row.hpp"

namespace mgpt::explorer {

class Journal {
public:
    // Starts the journal at `path` (atomically): the header and the rows
    // `keep` (a resumed run's, without a torn tail), then opens it for appending.
    Journal(const std::string& path, const std::vector<PointRow>& keep);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    void append(const PointRow& r);  // thread-safe; one write + flush per row
    void remove();                   // the run completed: points.csv holds everything
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::FILE* f_ = nullptr;
    std::mutex mutex_;
};

// The complete rows of the journal at `path`; *torn tells whether a torn last
// line (a kill mid-write) was dropped.
std::vector<PointRow> read_journal(const std::string& path, bool* torn);

}  // namespace mgpt::explorer
