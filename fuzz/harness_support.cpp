#include "harness_support.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace fs = std::filesystem;

namespace mgpt::fuzz {

namespace {

std::string make_scratch_dir() {
    // In memory where there is /dev/shm: every execution writes its input,
    // and ext4 flushes a file rewritten in place (2 ms each, 100x slower).
    std::string templ = std::string(fs::is_directory("/dev/shm") ? "/dev/shm" : "/tmp") + "/mgpt-fuzz.XXXXXX";
    if (!::mkdtemp(templ.data())) {
        std::perror("mkdtemp");
        std::abort();
    }
    return templ;
}

void remove_scratch_dir() {
    std::error_code ec;
    fs::remove_all(scratch_dir(), ec);
}

}  // namespace

const std::string& scratch_dir() {
    // Never destroyed: the exit handler that removes the folder runs after
    // the static destructors.
    static const std::string* dir = [] {
        auto* d = new std::string(make_scratch_dir());
        std::atexit(remove_scratch_dir);
        return d;
    }();
    return *dir;
}

std::string write_scratch(const std::string& name, const void* data, size_t size) {
    const std::string path = scratch_dir() + "/" + name;
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush()) {
        std::cerr << "fuzz: cannot write " << path << "\n";
        std::abort();
    }
    return path;
}

std::string read_source_file(const std::string& relative) {
    const std::string path = std::string(MGPT_SOURCE_DIR) + "/" + relative;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "fuzz: cannot read the fixture " << path << "\n";
        std::abort();
    }
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool names_special_files(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const char* dir : {"/dev", "/proc", "/sys", ".."})
        if (text.find(dir) != std::string::npos) return true;
    return false;
}

void contract_broken(const std::string& path, const char* kind, const char* what) {
    std::cerr << "fuzz: the parser of " << path << " broke its contract: it threw " << kind << ": " << what << "\n";
    std::abort();
}

}  // namespace mgpt::fuzz

// libsystemc.so, linked through mgpt_explorer, refers to the sc_main of a
// SystemC program; a harness is not one (libFuzzer owns main) and never
// elaborates, so the reference is satisfied here and never called.
extern "C" int sc_main(int, char**) { return 1; }
