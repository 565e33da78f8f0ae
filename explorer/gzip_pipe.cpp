#include "gzip_pipe.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace mgpt::explorer {

namespace {

std::runtime_error failure(const std::string& path, const std::string& what) {
    return std::runtime_error(path + ": " + what);
}

// gzip with stdin from `in_fd` and stdout to `out_fd`; every other descriptor
// of ours is close-on-exec, so the child holds no pipe end but its own.
pid_t spawn_gzip(const char* mode, int in_fd, int out_fd, const std::string& path) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
    posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    char* argv[] = {const_cast<char*>("gzip"), const_cast<char*>(mode), const_cast<char*>("-c"), nullptr};
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, "gzip", &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        throw failure(path, std::string("cannot run gzip (") + std::strerror(rc) +
                                "): install it (apt-get install gzip) or write the file uncompressed");
    return pid;
}

void wait_gzip(pid_t pid, const std::string& path, const std::string& doing) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw failure(path, "gzip failed while " + doing + " (exit status " +
                                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
}

// Puts gzip between `fd` and the returned stream: decompressing what `fd` holds,
// or compressing (-6) into it; `fd` is closed here, `child` gets gzip's pid.
FILE* open_through_gzip(int fd, bool decompress, const std::string& path, pid_t& child) {
    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) {
        ::close(fd);
        throw failure(path, std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    try {
        child = decompress ? spawn_gzip("-d", fd, p[1], path) : spawn_gzip("-6", p[0], fd, path);
    } catch (...) {
        ::close(fd), ::close(p[0]), ::close(p[1]);
        throw;
    }
    ::close(fd);
    ::close(decompress ? p[1] : p[0]);
    return ::fdopen(decompress ? p[0] : p[1], decompress ? "r" : "w");
}

}  // namespace

bool is_gzip_path(const std::string& path) { return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0; }

LineSource::LineSource(const std::string& path) : path_(path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw failure(path, std::string("cannot open: ") + std::strerror(errno));
    if (!is_gzip_path(path)) {
        f_ = ::fdopen(fd, "r");
        if (!f_) throw failure(path, std::string("cannot read: ") + std::strerror(errno));
        return;
    }
    f_ = open_through_gzip(fd, true, path, child_);
}

LineSource::~LineSource() {
    if (f_) std::fclose(f_);
    if (child_ > 0) {
        int status = 0;
        ::waitpid(child_, &status, 0);
    }
    std::free(buf_);
}

bool LineSource::next(std::string& line, bool& torn) {
    const ssize_t n = ::getline(&buf_, &cap_, f_);
    if (n <= 0) return false;
    ++line_number_;
    bytes_ += static_cast<unsigned long long>(n);
    torn = buf_[n - 1] != '\n';
    line.assign(buf_, static_cast<size_t>(torn ? n : n - 1));
    return true;
}

void LineSource::close() {
    if (f_) std::fclose(f_);
    f_ = nullptr;
    if (child_ > 0) {
        const pid_t pid = child_;
        child_ = -1;
        wait_gzip(pid, path_, "reading it (a corrupt or truncated .gz file?)");
    }
}

ByteSink::ByteSink(const std::string& path, bool gzip) : path_(path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw failure(path, std::string("cannot write: ") + std::strerror(errno));
    if (!gzip) {
        f_ = ::fdopen(fd, "w");
        return;
    }
    f_ = open_through_gzip(fd, false, path, child_);
}

ByteSink::~ByteSink() {
    if (f_) std::fclose(f_);
    if (child_ > 0) {
        int status = 0;
        ::waitpid(child_, &status, 0);
    }
}

void ByteSink::write(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size())
        throw failure(path_, std::string("cannot write: ") + std::strerror(errno));
}

void ByteSink::close() {
    const bool ok = std::fflush(f_) == 0;
    const int err = errno;
    std::fclose(f_);
    f_ = nullptr;
    if (child_ > 0) {
        const pid_t pid = child_;
        child_ = -1;
        wait_gzip(pid, path_, "compressing it");
    }
    if (!ok) throw failure(path_, std::string("cannot write: ") + std::strerror(err));
}

}  // namespace mgpt::explorer
