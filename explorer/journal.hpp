// The journal of a run in progress (points.partial.csv): the points.csv
// header, then the rows of the points this process owns in plan order
// (fronts unmarked), appended a block at a time and flushed. A killed run
// leaves at most its last line torn; --resume reads the rows back, has every
// one re-evaluated (row_check.hpp), cuts the journal after the last complete
// row and appends the rest. The finished run streams it into points.csv.
#pragma once
#include <cstdio>
#include <string>

namespace mgpt::explorer {

class Journal {
public:
    // Starts a journal at `path` (atomically): the header only.
    explicit Journal(const std::string& path);
    // Continues the journal at `path` after its first `bytes` bytes (what
    // follows, a torn line, is cut).
    Journal(const std::string& path, unsigned long long bytes);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    void append(const std::string& lines);  // complete lines; one write + flush
    void remove();                          // the run completed: points.csv holds everything
    const std::string& path() const { return path_; }

private:
    void open_for_append();
    std::string path_;
    std::FILE* f_ = nullptr;
};

}  // namespace mgpt::explorer
