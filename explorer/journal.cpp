#include "journal.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/stat.h>

#include "model/weights.hpp"

namespace mgpt::explorer {

namespace {
bool exists(const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0;
}
}  // namespace

Journal::Journal(const std::string& path, bool resume, std::vector<PointRow>& rows) : path_(path) {
    rows.clear();
    if (resume && exists(path)) {
        rows = read_points_csv(path, /*tolerate_torn_tail=*/true, &torn_);
        // Rewrite without the torn tail so appends start on a fresh line.
        write_points_csv(path, rows);
    } else {
        write_file_atomically(path, points_csv_header());
    }
    f_ = std::fopen(path.c_str(), "ab");
    if (!f_) throw std::runtime_error(path + ": cannot open the journal for appending: " + std::strerror(errno));
}

Journal::~Journal() {
    if (f_) std::fclose(f_);
}

void Journal::append(const PointRow& r) {
    const std::string line = to_csv_line(r);
    std::lock_guard<std::mutex> lock(mutex_);
    if (std::fwrite(line.data(), 1, line.size(), f_) != line.size() || std::fflush(f_) != 0)
        throw std::runtime_error(path_ + ": cannot append to the journal: " + std::strerror(errno));
}

void Journal::remove() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (f_) std::fclose(f_);
    f_ = nullptr;
    std::remove(path_.c_str());
}

}  // namespace mgpt::explorer
