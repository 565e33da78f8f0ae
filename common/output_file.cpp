#include "output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mgpt {

namespace {

std::runtime_error error(const std::string& path, const std::string& what) {
    return std::runtime_error(path + ": " + what);
}

std::string folder_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// ".csv" of "out/steps.csv"; "" without one. Temporary files keep it.
std::string extension_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    const size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot + 1 == path.size()) return "";
    return path.substr(dot);
}

// Why a file cannot be created at `path` (errno of the failed call), in words
// that name the folder when the folder is the problem.
std::string create_failure(const std::string& path, int err) {
    if (err == ENOENT) return "cannot create: folder '" + folder_of(path) + "' does not exist";
    if (err == ENOTDIR) return "cannot create: '" + folder_of(path) + "' is not a folder";
    return std::string("cannot create: ") + std::strerror(err);
}

void write_all(int fd, const char* p, size_t n, const std::string& path) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            const int err = w < 0 ? errno : EIO;
            ::close(fd);
            throw error(path, std::string("write failed: ") + std::strerror(err));
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
}

void close_or_throw(int fd, const std::string& path) {
    if (::close(fd) != 0) throw error(path, std::string("write failed: ") + std::strerror(errno));
}

// Opens the target itself for writing, following a symlink (a dangling one
// creates its target, as a shell's `>` does). A FIFO waits for its reader.
// The process's own stdout or stderr (/dev/stdout, /proc/self/fd/1) is written
// through the descriptor it already has, after what the program printed so far:
// opening it anew would truncate a redirected file and write over the report.
int open_in_place(const std::string& path) {
    struct stat target;
    if (::stat(path.c_str(), &target) == 0)
        for (int std_fd : {STDOUT_FILENO, STDERR_FILENO}) {
            struct stat st;
            if (::fstat(std_fd, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino) {
                std::cout.flush();
                std::cerr.flush();
                std::fflush(nullptr);
                const int fd = ::dup(std_fd);
                if (fd < 0) throw error(path, std::string("cannot write: ") + std::strerror(errno));
                return fd;
            }
        }
    int fd;
    do fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) throw error(path, std::string("cannot write: ") + std::strerror(errno));
    return fd;
}

}  // namespace

OutputFile::OutputFile(std::string path, const std::string& staging_extension)
    : path_(std::move(path)), staging_extension_(staging_extension.empty() ? extension_of(path_) : staging_extension) {
    if (path_.empty()) throw std::runtime_error("an output file needs a name");
    struct stat st;
    const bool exists = ::lstat(path_.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) throw error(path_, create_failure(path_, errno));
    if (exists && S_ISDIR(st.st_mode)) throw error(path_, "is a folder, not a file");
    if (exists && !S_ISREG(st.st_mode)) {
        in_place_ = true;
        struct stat target;
        if (::stat(path_.c_str(), &target) != 0) {
            // A dangling symlink: its target is created when written; its folder must exist.
            if (errno != ENOENT || !S_ISLNK(st.st_mode)) throw error(path_, create_failure(path_, errno));
            return;
        }
        if (S_ISDIR(target.st_mode)) throw error(path_, "is a link to a folder, not a file");
        if (::access(path_.c_str(), W_OK) != 0) throw error(path_, std::string("cannot write: ") + std::strerror(errno));
        return;
    }
    if (exists) {
        if (::access(path_.c_str(), W_OK) != 0) throw error(path_, std::string("cannot write: ") + std::strerror(errno));
        mode_ = st.st_mode & 07777;
    }
    // The temporary file beside the target: creating it proves the folder is writable.
    staging_ = path_ + ".tmp" + std::to_string(::getpid()) + staging_extension_;
    int fd = ::open(staging_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST) {  // left by a killed run with the same process id
        ::unlink(staging_.c_str());
        fd = ::open(staging_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    }
    if (fd < 0) {
        const int err = errno;
        staging_.clear();
        throw error(path_, create_failure(path_, err));
    }
    ::close(fd);
}

OutputFile::~OutputFile() {
    if (!staging_.empty() && !committed_) ::unlink(staging_.c_str());
}

const std::string& OutputFile::staging_path() {
    if (staging_.empty()) {
        const std::string& ext = staging_extension_;
        std::string name = (std::filesystem::temp_directory_path() / "mgpt-output-XXXXXX").string() + ext;
        std::vector<char> buf(name.begin(), name.end());
        buf.push_back('\0');
        const int fd = ::mkstemps(buf.data(), static_cast<int>(ext.size()));
        if (fd < 0) throw error(name, create_failure(name, errno));
        ::close(fd);
        staging_ = buf.data();
    }
    return staging_;
}

void OutputFile::commit() {
    if (staging_.empty()) throw std::logic_error(path_ + ": commit() without staging_path()");
    if (!in_place_) {
        if (mode_ != 0) ::chmod(staging_.c_str(), mode_);  // the replaced file keeps its permissions
        if (std::rename(staging_.c_str(), path_.c_str()) != 0)
            throw error(path_, std::string("cannot rename into place: ") + std::strerror(errno));
        committed_ = true;
        return;
    }
    const int in = ::open(staging_.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw error(staging_, std::string("cannot read: ") + std::strerror(errno));
    const int out = open_in_place(path_);
    std::vector<char> buf(1 << 16);
    for (;;) {
        const ssize_t r = ::read(in, buf.data(), buf.size());
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            const int err = errno;
            ::close(in);
            ::close(out);
            throw error(staging_, std::string("cannot read: ") + std::strerror(err));
        }
        if (r == 0) break;
        try {
            write_all(out, buf.data(), static_cast<size_t>(r), path_);
        } catch (...) {
            ::close(in);
            throw;
        }
    }
    ::close(in);
    close_or_throw(out, path_);
    ::unlink(staging_.c_str());
    staging_.clear();
    committed_ = true;
}

void OutputFile::write(const std::string& bytes) {
    if (in_place_) {
        const int fd = open_in_place(path_);
        write_all(fd, bytes.data(), bytes.size(), path_);
        close_or_throw(fd, path_);
        committed_ = true;
        return;
    }
    const int fd = ::open(staging_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) throw error(path_, std::string("cannot write: ") + std::strerror(errno));
    write_all(fd, bytes.data(), bytes.size(), path_);
    close_or_throw(fd, path_);
    commit();
}

void write_file_atomically(const std::string& path, const std::string& bytes) { OutputFile(path).write(bytes); }

}  // namespace mgpt
