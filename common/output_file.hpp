// Writing a file the user named: how the bytes reach it without ever replacing
// what the user owns. A regular file (or a new one) is replaced atomically: the
// bytes go to a temporary file beside it, renamed over it once complete, so a
// reader never sees half a file and a failed run leaves the old one. Anything
// else is written in place, through it: a symlink (its target is written, the
// link stays), a device (/dev/null, /dev/stdout; /dev/full gives an error) or a
// FIFO (the open waits for a reader, as a shell's `>` does). A folder is refused.
#pragma once
#include <string>

namespace mgpt {

class OutputFile {
public:
    // Checks that `path` can be written before any work is done: not a folder,
    // its folder exists and is writable (a temporary file is created there for
    // a regular target and removed again unless committed). Throws
    // std::runtime_error naming the path and the reason. `staging_extension`
    // (".vcd"): the temporary file's name ends in it (default: the target's).
    explicit OutputFile(std::string path, const std::string& staging_extension = "");
    ~OutputFile();  // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::string& path() const { return path_; }
    // For producers that write a file by name (SystemC's and Verilator's VCD
    // writers): a temporary file, beside a regular target (the rename is
    // atomic) or in the temporary folder otherwise.
    const std::string& staging_path();
    // Publishes what the producer wrote to staging_path(): renamed over a
    // regular target, copied into any other. Throws naming the path on failure.
    void commit();
    // Publishes `bytes` (no staging_path() needed).
    void write(const std::string& bytes);

private:
    std::string path_;
    bool in_place_ = false;  // not a regular file (or a new one): written through, never replaced
    unsigned mode_ = 0;      // permissions of the regular file being replaced (0: a new file)
    std::string staging_extension_;
    std::string staging_;
    bool committed_ = false;
};

// OutputFile(path).write(bytes): every writer of a whole file uses this.
void write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace mgpt
