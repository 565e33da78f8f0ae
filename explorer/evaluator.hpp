// Evaluates one design point: cycles on the sweep's workload (the closed-form
// cycle model applied to the workload's step shapes; tests/explorer proves it
// equal to the TLM), the PLL setting, resources, Fmax, slack, and whether the
// point fits the device and meets timing. Thread-safe after construction.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "arch/pll.hpp"
#include "calibration.hpp"
#include "point_row.hpp"
#include "resource_model.hpp"
#include "structural_paths.hpp"
#include "sweep.hpp"
#include "workload_cycles.hpp"
#include "workload_profile.hpp"

namespace mgpt::explorer {

// cycles_source of the analytic engine: the closed-form model, proven equal to the TLM.
constexpr const char* kAnalyticSource = "tlm-proven-analytic";
constexpr const char* kTlmSource = "tlm";
// Appended to the resource and Fmax sources of a point with several cores:
// K cores are counted as K copies of one core (M10K weight blocks shared in
// pairs; slot_resources.hpp), never synthesized: rtl/mgpt_cores.sv is
// co-simulated only. (Several slots are fitted terms of the models.)
constexpr const char* kCoresCountedSuffix = "+cores-counted";

struct PlannedPoint {
    long index = 0;
    std::string phase;
    arch::DesignPoint design;
};

class Evaluator {
public:
    // `structural`: measured structural timing; a point whose measured paths
    // (times the mapping factor) miss its clock does not meet timing.
    Evaluator(const Sweep& sweep, const QWeights& weights, Calibration calibration, StructuralIndex structural);

    // The analytic engine: every figure of the row (canonicalised).
    PointRow evaluate(const PlannedPoint& p) const;
    // The exhaustive strategy's point: `p.design` is a micro-architecture
    // (its pll_mhz ignored); cycles, resources and Fmax are evaluated once and
    // the row is the one at the fastest of the sweep's PLL requests whose
    // reached clock meets timing (the slowest if none does), ties to the first
    // listed. The baseline's own request is skipped for the baseline's
    // micro-architecture (that point is the plan's point 0). Every other PLL
    // request of the micro-architecture has the same resources and fewer
    // tokens/s, or misses timing, so it is on no front (tests/explorer proves
    // the fronts equal the grid's).
    PointRow evaluate_fastest_clock(const PlannedPoint& p) const;
    // The row with its cycle figures replaced (the TLM engine), all derived
    // figures recomputed.
    PointRow with_cycles(const PointRow& row, const WorkloadCycles& cycles, uint32_t worst_step_cycles,
                         const std::string& cycles_source, const std::string& worst_source) const;

    const Sweep& sweep() const { return sweep_; }
    const Calibration& calibration() const { return calibration_; }
    const StructuralIndex& structural() const { return structural_; }
    const WorkloadProfile& profile(Numerics n) const;
    // The workload dealt to `slots` slots (sequences x cores); built on first use.
    const SlotProfile& slot_profile(Numerics n, int slots) const;
    // The workload's cycle figures of `d` (one slot: the closed form; several: the slot schedule).
    WorkloadCycles workload_cycles(const arch::DesignPoint& d) const;
    arch::PllSetting pll(double mhz) const;
    // Whether `d`'s resources are within the sweep's device caps (its row's `fits`),
    // without evaluating anything else: the pruned exhaustive plan's test.
    bool fits(const arch::DesignPoint& d) const;

private:
    // What does not depend on the clock: cycles, resources, Fmax, structural paths, fits.
    struct ClockFree {
        PointRow row;
        double critical_ns = 0;
    };
    ClockFree clock_free(const PlannedPoint& p) const;
    void cycles_of(PointRow& r) const;
    void resources_and_fmax(PointRow& r, double& critical_ns) const;
    // The figures at the PLL setting of r.design.pll_mhz (throughput, slack, timing).
    void at_clock(PointRow& r, double critical_ns) const;
    static bool meets_timing(const PointRow& r, double f_mhz);
    // The caps `res` exceeds, "+"-joined ("" if none).
    std::string limits_exceeded(const Resources& res) const;

    // The sweep's PLL requests by reached clock, fastest first (ties in list order).
    struct Clock {
        double request_mhz, f_mhz;
    };
    std::vector<Clock> clocks_;

    Sweep sweep_;
    Calibration calibration_;
    ResourceCoefficients resource_coefficients_;  // calibration_'s, by term
    StructuralIndex structural_;
    std::string resource_source_, fmax_source_;
    QWeights weights_;
    WorkloadProfile reference_, saturating_;
    mutable std::mutex slot_mutex_;
    mutable std::map<std::pair<Numerics, int>, SlotProfile> slot_profiles_;  // nodes are stable: references stay valid
    std::map<double, arch::PllSetting> pll_known_;  // the sweep's values: read without locking
    mutable std::mutex pll_mutex_;
    mutable std::map<double, arch::PllSetting> pll_cache_;  // any other request
};

}  // namespace mgpt::explorer
