#include "folder_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/foreign_folder.hpp"

namespace mgpt::explorer {

namespace {

std::string read_owner(int fd) {
    char buf[32] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "unknown" : pid;
}

}  // namespace

FolderLock::FolderLock(const std::string& dir) : path_(dir + "/" + file_name()) {
    std::filesystem::create_directories(dir);
    // The owner removes the file when it ends: a process that opened the old
    // file and locks it after that must not count as the owner, so the lock
    // holds only if the path still names the file that was locked.
    for (int attempt = 0; attempt < 100; ++attempt) {
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd_ < 0)
            throw std::runtime_error(path_ + ": cannot open the lock file: " + std::strerror(errno));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            const int err = errno;
            const std::string owner = err == EWOULDBLOCK ? read_owner(fd_) : "";
            ::close(fd_);
            fd_ = -1;
            if (err == EWOULDBLOCK)
                throw std::runtime_error(dir + ": another microgpt-dse process (pid " + owner +
                                         ") is writing this results folder (it holds " + path_ +
                                         "): wait for it to end, or use another --out");
            throw std::runtime_error(path_ + ": cannot lock: " + std::strerror(err));
        }
        struct stat held, named;
        if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
            held.st_dev == named.st_dev) {
            const std::string pid = std::to_string(::getpid()) + "\n";
            if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size()))
                return;
            const int err = errno;
            ::unlink(path_.c_str());
            ::close(fd_);
            fd_ = -1;
            throw std::runtime_error(path_ + ": cannot write the lock file: " + std::strerror(err));
        }
        ::close(fd_);  // the owner removed it meanwhile: lock the new one
        fd_ = -1;
    }
    throw std::runtime_error(path_ + ": cannot lock: the lock file keeps being replaced");
}

FolderLock::~FolderLock() {
    if (fd_ < 0) return;
    ::unlink(path_.c_str());
    ::close(fd_);
}

void check_results_folder(const std::string& dir, const std::string& command) {
    const std::string shown = foreign_folder_contents(dir, {"run.cfg", FolderLock::file_name()});
    if (shown.empty()) return;
    throw std::invalid_argument("--out " + dir + " is a folder microgpt-dse " + command +
                                " did not create and it is not empty (" + shown +
                                "): it would write points.csv, report.md, best.cfg, pareto.* and run.cfg into it; "
                                "give a new or empty folder");
}

}  // namespace mgpt::explorer
