#include "input_file.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <sys/stat.h>

namespace mgpt {

std::ifstream open_input_file(const std::string& path, const std::string& what, std::ios::openmode mode) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
        throw std::runtime_error(path + ": cannot open " + what + ": " + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) throw std::runtime_error(path + ": is a folder, not a " + what);
    std::ifstream in(path, mode);
    if (!in) throw std::runtime_error(path + ": cannot open " + what + ": " + std::strerror(errno));
    return in;
}

}  // namespace mgpt
