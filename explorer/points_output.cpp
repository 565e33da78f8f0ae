#include "points_output.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "common/output_file.hpp"
#include "gzip_pipe.hpp"

namespace mgpt::explorer {

std::string PointsOutput::keep_name() const {
    return keep == KeptPoints::whole ? "whole" : keep == KeptPoints::feasible ? "feasible" : "front";
}

KeptPoints parse_kept_points(const std::string& v, const std::string& what) {
    if (v == "whole") return KeptPoints::whole;
    if (v == "feasible") return KeptPoints::feasible;
    if (v == "front") return KeptPoints::front;
    throw std::invalid_argument(what + " '" + v + "' is not legal (legal: whole, feasible, front)");
}

bool parse_compress(const std::string& v, const std::string& what) {
    if (v == "none") return false;
    if (v == "gzip") return true;
    throw std::invalid_argument(what + " '" + v + "' is not legal (legal: none, gzip)");
}

namespace {
std::vector<long> indices(const OnlineFront& f) {
    std::vector<long> v;
    for (const PointRow* r : f.rows()) v.push_back(r->index);
    std::sort(v.begin(), v.end());
    return v;
}
}  // namespace

long write_points_file(const std::string& source, const std::string& dir, const PointsOutput& out,
                       const RunDigest& digest) {
    const std::vector<long> alm = indices(digest.alm_front()), dsp = indices(digest.dsp_front());
    const std::string dest = dir + "/" + out.file_name();
    OutputFile file(dest);
    LineSource in(source);
    long written = 0;
    {
        ByteSink sink(file.staging_path(), out.gzip);
        std::string line, buffer;
        bool torn = false;
        if (!in.next(line, torn) || torn)
            throw std::runtime_error(source + ": empty (expected the points.csv header)");
        buffer = line + "\n";
        while (in.next(line, torn)) {
            // Every row ends in ",feasible,pareto,pareto_dsp": single digits.
            const size_t n = line.size();
            if (torn || n < 6 || line[n - 2] != ',' || line[n - 4] != ',' || line[n - 6] != ',')
                throw std::runtime_error(source + ":" + std::to_string(in.line_number()) + ": not a complete points.csv row");
            const long index = std::strtol(line.c_str(), nullptr, 10);
            const bool on_alm = std::binary_search(alm.begin(), alm.end(), index),
                       on_dsp = std::binary_search(dsp.begin(), dsp.end(), index);
            line[n - 3] = on_alm ? '1' : '0';
            line[n - 1] = on_dsp ? '1' : '0';
            const bool keep = out.keep == KeptPoints::whole ||
                              (out.keep == KeptPoints::feasible ? line[n - 5] == '1' : on_alm || on_dsp);
            if (!keep) continue;
            buffer += line;
            buffer += '\n';
            ++written;
            if (buffer.size() >= (1u << 20)) {
                sink.write(buffer);
                buffer.clear();
            }
        }
        in.close();
        sink.write(buffer);
        sink.close();
    }
    file.commit();
    // An earlier run's other variant would be read as this run's: remove it (a regular file only).
    const std::string other = dir + "/" + PointsOutput{out.keep, !out.gzip}.file_name();
    std::error_code ec;
    if (std::filesystem::symlink_status(other, ec).type() == std::filesystem::file_type::regular)
        std::filesystem::remove(other, ec);
    return written;
}

}  // namespace mgpt::explorer
