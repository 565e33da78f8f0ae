#include "journal.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "model/weights.hpp"

namespace mgpt::explorer {

Journal::Journal(const std::string& path, const std::vector<PointRow>& keep) : path_(path) {
    write_points_csv(path, keep);
    f_ = std::fopen(path.c_str(), "ab");
    if (!f_) throw std::runtime_error(path + ": cannot open the journal for appending: " + std::strerror(errno));
}

std::vector<PointRow> read_journal(const std::string& path, bool* torn) {
    return read_points_csv(path, /*tolerate_torn_tail=*/true, torn);
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
