// Text files that may be gzip-compressed, read and written as a stream of
// lines through a `gzip` child process (Debian's essential gzip package:
// every machine has it; no library dependency). A path ending in ".gz" is
// compressed; any other is plain.
#pragma once
#include <cstdio>
#include <string>
#include <sys/types.h>

namespace mgpt::explorer {

bool is_gzip_path(const std::string& path);

// Lines of a file, each with its newline; a last line without one is
// reported as torn. Throws std::runtime_error naming the file.
class LineSource {
public:
    explicit LineSource(const std::string& path);
    ~LineSource();
    LineSource(const LineSource&) = delete;
    LineSource& operator=(const LineSource&) = delete;
    // The next line (without its newline) in `line`; false at the end. `torn`:
    // the line had no newline (a killed writer's last line).
    bool next(std::string& line, bool& torn);
    long line_number() const { return line_number_; }       // of the last line returned
    unsigned long long bytes() const { return bytes_; }        // uncompressed bytes of the lines returned
    const std::string& path() const { return path_; }
    void close();  // checks gzip's exit status (a corrupt file is an error)

private:
    std::string path_;
    std::FILE* f_ = nullptr;
    pid_t child_ = -1;
    char* buf_ = nullptr;
    size_t cap_ = 0;
    long line_number_ = 0;
    unsigned long long bytes_ = 0;
};

// Writes a file's bytes, through gzip when `gzip` is set.
class ByteSink {
public:
    ByteSink(const std::string& path, bool gzip);
    ~ByteSink();
    ByteSink(const ByteSink&) = delete;
    ByteSink& operator=(const ByteSink&) = delete;
    void write(const std::string& bytes);
    void close();  // flushes; waits for gzip; throws naming the file on failure

private:
    std::string path_;
    std::FILE* f_ = nullptr;
    pid_t child_ = -1;
};

}  // namespace mgpt::explorer
