// Writing the user's output files (common/output_file.hpp): a regular file is
// replaced atomically; a symlink, a device or a FIFO is written through, never
// replaced; a folder or a missing folder is refused and nothing is left behind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "common/output_file.hpp"

using namespace mgpt;
namespace fs = std::filesystem;

namespace {

// A fresh folder for one test case, removed with everything in it.
struct TempDir {
    fs::path dir;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "mgpt_output_XXXXXX").string();
        REQUIRE(::mkdtemp(t.data()) != nullptr);
        dir = t;
    }
    ~TempDir() { fs::remove_all(dir); }
    std::string file(const std::string& name) const { return (dir / name).string(); }
    // The names in the folder, sorted: what a write left behind.
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a regular file is replaced whole, keeping its permissions, and no temporary file is left", "[output]") {
    TempDir t;
    const std::string p = t.file("out.csv");
    write_file_atomically(p, "one\n");
    CHECK(read(p) == "one\n");
    ::chmod(p.c_str(), 0640);
    write_file_atomically(p, "two\n");
    CHECK(read(p) == "two\n");
    struct stat st;
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == 0640);
    CHECK(t.listing() == std::vector<std::string>{"out.csv"});
}

TEST_CASE("a symlink is kept and its target written through it", "[output]") {
    TempDir t;
    const std::string target = t.file("target.csv"), link = t.file("link.csv");
    write_file_atomically(target, "old\n");
    REQUIRE(::symlink("target.csv", link.c_str()) == 0);
    write_file_atomically(link, "new\n");
    struct stat st;
    REQUIRE(::lstat(link.c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(read(target) == "new\n");
    // A dangling link: its target is created (as a shell's `>` does), the link stays.
    const std::string dangling = t.file("dangling.csv");
    REQUIRE(::symlink("created.csv", dangling.c_str()) == 0);
    write_file_atomically(dangling, "made\n");
    REQUIRE(::lstat(dangling.c_str(), &st) == 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK(read(t.file("created.csv")) == "made\n");
    CHECK(t.listing() == std::vector<std::string>{"created.csv", "dangling.csv", "link.csv", "target.csv"});
}

// The devices are stand-ins in a temporary folder where the test can make them
// (as root: the kernel's null and full devices, mknod), so that a regression to
// renaming over the target replaces these, never the machine's /dev entries;
// without root the real ones, which a non-root process cannot replace.
TEST_CASE("a null device is written, not replaced, and a full one is an error naming it", "[output]") {
    TempDir t;
    std::string null_dev = t.file("null"), full_dev = t.file("full");
    if (::mknod(null_dev.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0 ||
        ::mknod(full_dev.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
        null_dev = "/dev/null";
        full_dev = "/dev/full";
    }
    write_file_atomically(null_dev, "discarded\n");
    struct stat st;
    REQUIRE(::lstat(null_dev.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    if (::access(full_dev.c_str(), W_OK) != 0) return;  // no /dev/full in this container: nothing to check
    CHECK_THAT(error_of([&] { write_file_atomically(full_dev, "x"); }),
               Catch::Contains(full_dev + ": write failed: No space left on device"));
    REQUIRE(::lstat(full_dev.c_str(), &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("a FIFO is written in place for its reader", "[output]") {
    TempDir t;
    const std::string fifo = t.file("pipe.csv");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] { received = read(fifo); });
    write_file_atomically(fifo, "through the pipe\n");
    reader.join();
    CHECK(received == "through the pipe\n");
    struct stat st;
    REQUIRE(::lstat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(t.listing() == std::vector<std::string>{"pipe.csv"});
}

TEST_CASE("a folder, a missing folder or a file taken for a folder is refused before any work", "[output]") {
    TempDir t;
    CHECK_THAT(error_of([&] { OutputFile o(t.dir.string()); }), Catch::Contains(": is a folder, not a file"));
    CHECK_THAT(error_of([&] { OutputFile o(t.file("nodir/t.vcd")); }),
               Catch::Contains("nodir/t.vcd: cannot create: folder '" + t.file("nodir") + "' does not exist"));
    write_file_atomically(t.file("plain"), "x");
    CHECK_THAT(error_of([&] { OutputFile o(t.file("plain/t.vcd")); }),
               Catch::Contains("plain/t.vcd: cannot create: '" + t.file("plain") + "' is not a folder"));
    CHECK_THAT(error_of([] { OutputFile o(""); }), Catch::Contains("needs a name"));
    // A check that is not followed by a write leaves nothing behind.
    { OutputFile unused(t.file("never.csv")); }
    CHECK(t.listing() == std::vector<std::string>{"plain"});
}

TEST_CASE("a producer that writes by name gets a temporary file published on commit", "[output]") {
    TempDir t;
    const std::string target = t.file("trace.out");
    {
        OutputFile o(target, ".vcd");
        const std::string staged = o.staging_path();
        CHECK(staged.size() > 4);
        CHECK(staged.compare(staged.size() - 4, 4, ".vcd") == 0);
        std::ofstream(staged) << "$enddefinitions $end\n";
        CHECK(!fs::exists(target));  // nothing under the user's name until complete
        o.commit();
    }
    CHECK(read(target) == "$enddefinitions $end\n");
    CHECK(t.listing() == std::vector<std::string>{"trace.out"});
    // Through a symlink the staged file lives in the temporary folder and is copied in.
    const std::string link = t.file("link.vcd");
    REQUIRE(::symlink("trace.out", link.c_str()) == 0);
    std::string staged;
    {
        OutputFile o(link, ".vcd");
        staged = o.staging_path();
        std::ofstream(staged) << "second\n";
        o.commit();
    }
    CHECK(!fs::exists(staged));
    CHECK(read(target) == "second\n");
    CHECK(fs::is_symlink(link));
    // Not committed (the run failed): the staged file goes, the target is untouched.
    {
        OutputFile o(target, ".vcd");
        std::ofstream(o.staging_path()) << "partial\n";
    }
    CHECK(read(target) == "second\n");
    CHECK(t.listing() == std::vector<std::string>{"link.vcd", "trace.out"});
}
