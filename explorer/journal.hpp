// The journal of a run in progress (points.partial.csv): the points.csv header,
// then one row per evaluated point, appended and flushed as each row is done,
// in completion order. A killed run leaves at most its last line torn; --resume
// drops that line, keeps every complete row and evaluates only the rest.
#pragma once
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "point_row.hpp"

namespace mgpt::explorer {

class Journal {
public:
    // Opens `path` for appending. resume: reads the complete rows back (into
    // `rows`), rewrites the file without a torn tail, and appends after them;
    // otherwise starts a new journal (header only).
    Journal(const std::string& path, bool resume, std::vector<PointRow>& rows);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    void append(const PointRow& r);  // thread-safe; one write + flush per row
    void remove();                   // the run completed: points.csv holds everything
    const std::string& path() const { return path_; }
    bool dropped_torn_line() const { return torn_; }

private:
    std::string path_;
    std::FILE* f_ = nullptr;
    std::mutex mutex_;
    bool torn_ = false;
};

}  // namespace mgpt::explorer
