#include "cell_library.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace mgpt::timing {

namespace {

std::string strip_comments(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "/*") == 0) {
            const size_t e = s.find("*/", i + 2);
            i = e == std::string::npos ? s.size() : e + 1;
        } else if (s.compare(i, 2, "//") == 0) {
            const size_t e = s.find('\n', i);
            i = e == std::string::npos ? s.size() : e - 1;
        } else {
            out += s[i];
        }
    }
    return out;
}

// One `ifdef`/`ifndef` level: active when (name == family) != negated.
struct Condition {
    std::string name;
    bool negated;
};

bool active(const std::vector<Condition>& stack, const std::string& family) {
    for (const auto& c : stack)
        if ((c.name == family) == c.negated) return false;
    return true;
}

void add_statement(CellTiming& cell, const std::string& st) {
    static const std::regex clock(R"(\(\s*posedge\s+\w+\s*=>\s*\(\s*(\w+)\s*:[^)]*\)\s*\)\s*=\s*(\d+))");
    static const std::regex setup(R"(\$setup\s*\(\s*(\w+)\s*,\s*posedge\s+\w+\s*,\s*(-?\d+)\s*\))");
    static const std::regex arc(R"(\(\s*(\w+)\s*(?:\[\s*(\d+)\s*\])?\s*([*=])>\s*(\w+)\s*(?:\[\s*\d+\s*\])?\s*\)\s*=\s*(\d+))");
    std::smatch m;
    if (std::regex_search(st, m, clock)) {
        double& d = cell.clock_to_out[m[1]];
        d = std::max(d, std::stod(m[2]) / 1000.0);
    } else if (std::regex_search(st, m, setup)) {
        double& d = cell.setup[m[1]];
        d = std::max(d, std::stod(m[2]) / 1000.0);
    } else if (std::regex_search(st, m, arc)) {
        TimingArc a;
        a.from = m[1];
        a.from_bit = m[2].matched ? std::stoi(m[2]) : -1;
        a.full = m[3] == "*";
        a.to = m[4];
        a.ns = std::stod(m[5]) / 1000.0;
        cell.arcs.push_back(a);
    }
}

}  // namespace

void CellLibrary::add_verilog(const std::string& text0, const std::string& family, const std::string& name) {
    const std::string text = strip_comments(text0);
    std::istringstream in(text);
    std::vector<Condition> stack;
    std::string module, specify;
    bool in_specify = false;
    static const std::regex module_re(R"(^\s*module\s+(\w+))");
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        std::istringstream words(line);
        std::string w, arg;
        words >> w >> arg;
        if (w == "`ifdef" || w == "`ifndef") {
            stack.push_back({arg, w == "`ifndef"});
            continue;
        }
        if (w == "`else") {
            if (stack.empty()) throw std::runtime_error(name + ": `else without `ifdef");
            stack.back().negated = !stack.back().negated;
            continue;
        }
        if (w == "`endif") {
            if (stack.empty()) throw std::runtime_error(name + ": `endif without `ifdef");
            stack.pop_back();
            continue;
        }
        if (std::regex_search(line, m, module_re)) {
            module = m[1];
            continue;
        }
        if (w == "specify") {
            in_specify = true;
            specify.clear();
            continue;
        }
        if (w == "endspecify") {
            in_specify = false;
            continue;
        }
        if (!in_specify || !active(stack, family) || module.empty()) continue;
        specify += line + "\n";
        size_t semi;
        while ((semi = specify.find(';')) != std::string::npos) {
            CellTiming& cell = cells_[module];
            cell.type = module;
            add_statement(cell, specify.substr(0, semi));
            specify.erase(0, semi + 1);
        }
    }
    // Asynchronous controls of sequential cells (ACLR => Q) are not timed paths.
    for (auto& [type, cell] : cells_)
        if (!cell.clock_to_out.empty()) cell.arcs.clear();
}

CellLibrary CellLibrary::load(const std::string& dir, const std::string& family) {
    if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": not a directory (yosys cell library)");
    CellLibrary lib;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".v") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        std::stringstream ss;
        ss << in.rdbuf();
        lib.add_verilog(ss.str(), family, f.string());
    }
    if (lib.cells_.empty())
        throw std::runtime_error(dir + ": no specify block for family '" + family + "' in any *.v file");
    return lib;
}

const CellTiming* CellLibrary::find(const std::string& type) const {
    const auto it = cells_.find(type);
    return it == cells_.end() ? nullptr : &it->second;
}

std::string CellLibrary::default_yosys_share() {
    if (FILE* p = ::popen("yosys-config --datdir 2>/dev/null", "r")) {
        char buf[512] = {0};
        const bool got = std::fgets(buf, sizeof buf, p) != nullptr;
        ::pclose(p);
        std::string s = got ? buf : "";
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        if (!s.empty() && fs::is_directory(s)) return s;
    }
    return "/usr/share/yosys";
}

}  // namespace mgpt::timing
