#include "journal.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <unistd.h>

#include "model/weights.hpp"
#include "point_row.hpp"

namespace mgpt::explorer {

Journal::Journal(const std::string& path) : path_(path) {
    write_file_atomically(path, points_csv_header());
    open_for_append();
}

Journal::Journal(const std::string& path, unsigned long long bytes) : path_(path) {
    if (::truncate(path.c_str(), static_cast<off_t>(bytes)) != 0)
        throw std::runtime_error(path + ": cannot cut the journal's torn tail: " + std::strerror(errno));
    open_for_append();
}

void Journal::open_for_append() {
    f_ = std::fopen(path_.c_str(), "ab");
    if (!f_) throw std::runtime_error(path_ + ": cannot open the journal for appending: " + std::strerror(errno));
}

Journal::~Journal() {
    if (f_) std::fclose(f_);
}

void Journal::append(const std::string& lines) {
    if (std::fwrite(lines.data(), 1, lines.size(), f_) != lines.size() || std::fflush(f_) != 0)
        throw std::runtime_error(path_ + ": cannot append to the journal: " + std::strerror(errno));
}

void Journal::remove() {
    if (f_) std::fclose(f_);
    f_ = nullptr;
    std::remove(path_.c_str());
}

}  // namespace mgpt::explorer
