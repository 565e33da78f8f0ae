// points.csv as a run leaves it: every row, the feasible rows or the rows on
// either Pareto front, plain or gzip-compressed (points.csv.gz). The rows
// stream from the run's journal (in index order, fronts unmarked) to the
// file in one pass, the fronts' columns set from the run's digest, so a run
// of any size writes it in constant memory.
#pragma once
#include <string>

#include "run_digest.hpp"

namespace mgpt::explorer {

enum class KeptPoints { whole, feasible, front };

struct PointsOutput {
    KeptPoints keep = KeptPoints::whole;
    bool gzip = false;
    std::string file_name() const { return gzip ? "points.csv.gz" : "points.csv"; }
    std::string keep_name() const;
    std::string compress_name() const { return gzip ? "gzip" : "none"; }
};

// Parses "whole|feasible|front" and "none|gzip"; throws std::invalid_argument naming `what` and the legal values.
KeptPoints parse_kept_points(const std::string& v, const std::string& what);
bool parse_compress(const std::string& v, const std::string& what);

// Streams the rows of `source` (a journal or a whole points file: the header,
// then rows in index order) into `dir`/out.file_name() with the fronts of
// `digest` marked, keeping the rows `out` keeps; removes the other variant
// (points.csv vs points.csv.gz) of an earlier run. Returns the rows written.
long write_points_file(const std::string& source, const std::string& dir, const PointsOutput& out,
                       const RunDigest& digest);

}  // namespace mgpt::explorer
