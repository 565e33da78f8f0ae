// What every parser harness shares. The parsers read files, so each input is
// written to a file in a private scratch folder first; the oracle is the
// parsers' contract: a file is either loaded or rejected with a
// std::runtime_error whose message names the file (the command line turns
// that into exit status 1). Any other exception, a crash or a sanitizer
// finding is a defect: the harness aborts and libFuzzer keeps the input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>

namespace mgpt::fuzz {

// This process's scratch folder (created on first use, removed at exit).
const std::string& scratch_dir();

// Writes `size` bytes to scratch_dir()/name (replacing it); returns the path.
std::string write_scratch(const std::string& name, const void* data, size_t size);
inline std::string write_scratch(const std::string& name, const std::string& text) {
    return write_scratch(name, text.data(), text.size());
}

// The text of a file of the source tree (fixtures: the design points the
// CSV readers refer to, the shipped ROM set).
std::string read_source_file(const std::string& relative);

// An input that may name the machine's special files (/dev/zero, /proc/...,
// /sys/..., or a relative path climbing out of the scratch folder with "..")
// as a design file or a folder: a parser told to read /dev/zero reads forever
// and /dev/stdin blocks, which is the path's doing, not the parser's. Such
// inputs are skipped.
bool names_special_files(const uint8_t* data, size_t size);

[[noreturn]] void contract_broken(const std::string& path, const char* kind, const char* what);

// Runs `parse`: it must return, or throw a std::runtime_error (not one of
// its logic_error cousins, e.g. Boost.Program_options' errors, which the
// command line reports as a usage error) whose message names `path`.
template <typename Parse>
bool parse_or_reject(const std::string& path, Parse&& parse) {
    try {
        parse();
        return true;
    } catch (const std::runtime_error& e) {
        if (std::string(e.what()).find(path) == std::string::npos)
            contract_broken(path, "an error that does not name the file", e.what());
    } catch (const std::exception& e) {
        contract_broken(path, typeid(e).name(), e.what());
    } catch (...) {
        contract_broken(path, "a non-std exception", "");
    }
    return false;
}

}  // namespace mgpt::fuzz
