// What the report, the plots and the summary need of a run, gathered row by
// row in index order in bounded memory (the rows themselves stream to disk):
// counts, the baseline, the best and the ten fastest feasible points, both
// Pareto fronts, the first examples of each way to lose, the best point
// reachable with each value of each key, and a density grid of every point
// for the plots. Feeding the same rows in the same order gives the same
// digest, so a merged run reports exactly what the unsharded run does.
#pragma once
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "point_row.hpp"

namespace mgpt::explorer {

// A Pareto front (maximise tokens/s, minimise a cost) kept up to date as rows
// arrive: the same points pareto_front() marks over all of them (equal
// points all on the front). A row dominated on arrival never comes back.
enum class FrontCost { alms, dsp, latency };

class OnlineFront {
public:
    explicit OnlineFront(FrontCost cost) : cost_(cost) {}
    // Returns whether `r` is on the front now (r must be feasible).
    bool add(const PointRow& r);
    bool contains(long index) const;
    std::vector<const PointRow*> rows() const;  // by cost, then index
    size_t size() const;

private:
    // latency: the mean per-token latency at the point's clock, in picoseconds
    long cost(const PointRow& r) const {
        return cost_ == FrontCost::dsp ? r.dsp
             : cost_ == FrontCost::alms ? r.alms
             : std::lround(r.latency_mean_cycles * 1e6 / r.f_mhz);
    }
    FrontCost cost_;
    // cost -> the rows of that cost on the front (one gain); gains rise with cost
    std::map<long, std::vector<PointRow>> by_cost_;
};

// 2-D log-log histogram of (cost, tokens/s): the plots' cloud of points.
struct DensityCell {
    double x, y;  // the cell's centre
    uint64_t count;
};

class RunDigest {
public:
    void add(const PointRow& r);  // rows in index order

    long points() const { return points_; }
    long feasible() const { return feasible_; }
    const std::map<std::string, long>& phases() const { return phases_; }
    const std::optional<PointRow>& baseline() const { return baseline_; }
    const std::optional<PointRow>& best() const { return best_; }  // max tokens/s, then fewer ALMs, lower index
    const std::vector<PointRow>& fastest() const { return fastest_; }  // ten fastest feasible, baseline excluded
    const OnlineFront& alm_front() const { return alm_front_; }
    const OnlineFront& dsp_front() const { return dsp_front_; }
    // tokens/s against the mean per-token latency (several slots trade one for the other)
    const OnlineFront& latency_front() const { return latency_front_; }
    bool on_alm_front(long index) const { return alm_front_.contains(index); }
    bool on_dsp_front(long index) const { return dsp_front_.contains(index); }

    // Why points lose (report.md).
    struct Category {
        long count = 0;
        std::vector<PointRow> examples;  // the first ones by index
    };
    const Category& resources_only() const { return resources_only_; }
    const Category& timing_only() const { return timing_only_; }
    const Category& both() const { return both_; }
    const std::map<std::string, long>& over_by_resource() const { return by_resource_; }
    const std::map<std::string, long>& timing_by_path() const { return by_path_; }
    // Feasible points off the ALM front, with >= 5% M10K stalls or without: counts and first examples.
    Category stalled() const { return off_front(true); }
    Category dominated() const { return off_front(false); }

    // The best feasible point with each value of each design key (key -> value -> row).
    struct KeyBest {
        double tokens_per_s = 0;
        long alms = 0, index = -1, points = 0, feasible = 0;
        double fmax_mhz = 0;        // of the best point, and its longest modelled path
        std::string critical_path;
    };
    const std::map<std::string, std::map<std::string, KeyBest>>& key_values() const { return key_values_; }

    // The plots' cloud: cells of the tokens/s-vs-ALMs (dsp = false) or -DSP plane.
    std::vector<DensityCell> cloud(bool dsp, bool feasible) const;
    static constexpr int kCellsPerDecade = 60;

    static constexpr size_t kExamples = 3;
    static bool stalls(const PointRow& r) { return r.total_cycles && r.stall_cycles * 20 >= r.total_cycles; }

private:
    Category off_front(bool stalled) const;
    void add_key_values(const PointRow& r);
    void add_cloud(const PointRow& r);

    long points_ = 0, feasible_ = 0;
    std::map<std::string, long> phases_;
    std::optional<PointRow> baseline_, best_;
    std::vector<PointRow> fastest_;
    OnlineFront alm_front_{FrontCost::alms}, dsp_front_{FrontCost::dsp}, latency_front_{FrontCost::latency};
    Category resources_only_, timing_only_, both_;
    std::map<std::string, long> by_resource_, by_path_;
    // Feasible rows, stalled or not, that may be among the first examples off
    // the front: the first kExamples dominated on arrival (never on the front),
    // and every earlier one that was on the front on arrival (it may fall off).
    struct OffFront {
        long feasible = 0;
        std::vector<PointRow> candidates;
        size_t dominated_on_arrival = 0;
    };
    OffFront off_[2];  // [0] without stalls, [1] stalled
    std::map<std::string, std::map<std::string, KeyBest>> key_values_;
    std::map<uint64_t, uint64_t> cells_[2][2];  // [dsp][feasible]: packed (x cell, y cell) -> points
};

// What limits a point that misses timing: the model's longest path, or "measured <family>".
std::string timing_limit(const PointRow& r);

// The row a report calls best between two: more tokens/s, then fewer ALMs, then the lower index.
bool better_point(const PointRow& a, const PointRow& b);

}  // namespace mgpt::explorer
