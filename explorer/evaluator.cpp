#include "evaluator.hpp"

#include <algorithm>
#include <stdexcept>

#include "fmax_model.hpp"
#include "model_calibration.hpp"
#include "resource_model.hpp"

namespace mgpt::explorer {

Evaluator::Evaluator(const Sweep& sweep, const QWeights& weights, Calibration calibration,
                     StructuralIndex structural)
    : sweep_(sweep),
      calibration_(std::move(calibration)),
      resource_coefficients_(calibration_),
      structural_(std::move(structural)),
      resource_source_(resource_source_label(calibration_)),
      fmax_source_(fmax_source_label(calibration_)),
      weights_(weights),
      reference_(profile_workload(weights, sweep.workload, Numerics::reference)),
      saturating_(profile_workload(weights, sweep.workload, Numerics::saturating)) {
    // The slot counts the sweep lists, profiled now: the threads then only read them.
    for (const auto& n : sweep.axis("numerics").values)
        for (const auto& s : sweep.axis("sequences").values)
            for (const auto& k : sweep.axis("cores").values) {
                arch::DesignPoint d;
                arch::set_key(d, "numerics", n);
                const int slots = std::stoi(s) * std::stoi(k);
                if (slots > 1) slot_profile(d.numerics, slots);
            }
    pll_known_[sweep.baseline.pll_mhz] = arch::solve_pll(sweep.baseline.pll_mhz);
    for (const auto& v : sweep.axis("pll_mhz").values) {
        arch::DesignPoint d;
        arch::set_key(d, "pll_mhz", v);
        pll_known_[d.pll_mhz] = arch::solve_pll(d.pll_mhz);
        clocks_.push_back({d.pll_mhz, pll_known_[d.pll_mhz].f_out_mhz});
    }
    std::stable_sort(clocks_.begin(), clocks_.end(), [](const Clock& a, const Clock& b) { return a.f_mhz > b.f_mhz; });
}

const WorkloadProfile& Evaluator::profile(Numerics n) const {
    return n == Numerics::reference ? reference_ : saturating_;
}

arch::PllSetting Evaluator::pll(double mhz) const {
    const auto known = pll_known_.find(mhz);
    if (known != pll_known_.end()) return known->second;
    std::lock_guard<std::mutex> lock(pll_mutex_);
    const auto it = pll_cache_.find(mhz);
    if (it != pll_cache_.end()) return it->second;
    return pll_cache_[mhz] = arch::solve_pll(mhz);
}

const SlotProfile& Evaluator::slot_profile(Numerics n, int slots) const {
    std::lock_guard<std::mutex> lock(slot_mutex_);
    const auto key = std::make_pair(n, slots);
    auto it = slot_profiles_.find(key);
    if (it == slot_profiles_.end()) it = slot_profiles_.emplace(key, profile_slots(weights_, sweep_.workload, n, slots)).first;
    return it->second;
}

WorkloadCycles Evaluator::workload_cycles(const arch::DesignPoint& d) const {
    const int slots = d.sequences * d.cores;
    if (slots == 1) return single_slot_cycles(d, profile(d.numerics));
    return slot_schedule_cycles(d, slot_profile(d.numerics, slots));
}

namespace {

void set_cycles(PointRow& r, const WorkloadCycles& c) {
    r.steps = c.steps;
    r.generated_tokens = c.generated_tokens;
    r.total_cycles = c.total_cycles;
    r.stall_cycles = c.stall_cycles;
    r.makespan_cycles = c.makespan;
    r.latency_mean_cycles = c.latency_mean;
    r.latency_p50_cycles = c.latency_p50;
    r.latency_p99_cycles = c.latency_p99;
    r.bound_unit = arch::unit_name(c.bound_unit);
    r.bound_utilisation = c.bound_utilisation;
}

}  // namespace

void Evaluator::cycles_of(PointRow& r) const {
    set_cycles(r, workload_cycles(r.design));
    r.worst_step_cycles = arch::analytic_step_cycles(r.design, worst_step_shape()).total();
    r.cycles_source = r.worst_source = kAnalyticSource;
}

Evaluator::ClockFree Evaluator::clock_free(const PlannedPoint& p) const {
    ClockFree c;
    c.row.index = p.index;
    c.row.phase = p.phase;
    c.row.design = p.design;
    cycles_of(c.row);
    resources_and_fmax(c.row, c.critical_ns);
    return c;
}

PointRow Evaluator::evaluate(const PlannedPoint& p) const {
    ClockFree c = clock_free(p);
    at_clock(c.row, c.critical_ns);
    return canonical(c.row);
}

PointRow Evaluator::evaluate_fastest_clock(const PlannedPoint& p) const {
    ClockFree c = clock_free(p);
    arch::DesignPoint base_micro = sweep_.baseline;
    base_micro.pll_mhz = p.design.pll_mhz;
    base_micro.name = p.design.name;
    const bool is_baseline_micro = base_micro == p.design;
    const Clock* pick = nullptr;
    for (const auto& clock : clocks_) {
        if (is_baseline_micro && clock.request_mhz == sweep_.baseline.pll_mhz) continue;
        pick = &clock;  // the slowest so far: kept if none meets timing
        if (meets_timing(c.row, clock.f_mhz)) break;
    }
    if (!pick) throw std::logic_error("evaluate_fastest_clock: the sweep lists no PLL request but the baseline's");
    c.row.design.pll_mhz = pick->request_mhz;
    at_clock(c.row, c.critical_ns);
    return canonical(c.row);
}

PointRow Evaluator::with_cycles(const PointRow& row, const WorkloadCycles& cycles, uint32_t worst_step_cycles,
                                const std::string& cycles_source, const std::string& worst_source) const {
    PointRow r = row;
    set_cycles(r, cycles);
    r.worst_step_cycles = worst_step_cycles;
    r.cycles_source = cycles_source;
    r.worst_source = worst_source;
    double critical_ns = 0;
    resources_and_fmax(r, critical_ns);
    at_clock(r, critical_ns);
    return canonical(r);
}

bool Evaluator::meets_timing(const PointRow& r, double f_mhz) {
    // The model's Fmax, and never a measured structural path (times the mapping factor) longer than the period.
    return f_mhz <= r.fmax_mhz && r.structural_ns <= 1000.0 / f_mhz;
}

void Evaluator::at_clock(PointRow& r, double critical_ns) const {
    const arch::PllSetting p = pll(r.design.pll_mhz);
    r.pll_m = p.m;
    r.pll_n = p.n;
    r.pll_c = p.c;
    r.pll_vco_mhz = p.vco_mhz;
    r.f_mhz = p.f_out_mhz;
    r.pll_exact = p.exact;
    const double steps = static_cast<double>(r.steps), time = static_cast<double>(r.makespan_cycles);
    r.cycles_per_step = steps > 0 ? static_cast<double>(r.total_cycles) / steps : 0;
    // cycles of the workload's time (the makespan; with one slot all its cycles) per generated token
    r.cycles_per_token = r.generated_tokens ? time / static_cast<double>(r.generated_tokens) : 0;
    // the reference's convention: generated tokens x f / all cycles (final BOS steps included);
    // with several slots the cycles are the makespan, the time the whole workload takes
    r.tokens_per_s = time > 0 ? static_cast<double>(r.generated_tokens) * p.f_out_mhz * 1e6 / time : 0;
    r.slack_ns = 1000.0 / p.f_out_mhz - critical_ns;
    r.meets_timing = meets_timing(r, p.f_out_mhz);
    r.feasible = r.fits && r.meets_timing;
    r.pareto = r.pareto_dsp = false;
}

void Evaluator::resources_and_fmax(PointRow& r, double& critical_ns) const {
    const Resources res = estimate_resources(r.design, resource_coefficients_);
    r.alms = res.alms;
    r.registers = res.registers;
    r.dsp = res.dsp;
    r.m10k = res.m10k;
    r.mlabs = res.mlabs;
    // Several cores are counted, not synthesized (slot_resources.hpp): the row says so.
    const bool counted_cores = r.design.cores > 1;
    r.resource_source = resource_source_ + (counted_cores ? kCoresCountedSuffix : "");

    const FmaxEstimate f = estimate_fmax(r.design, calibration_);
    r.fmax_mhz = f.fmax_mhz;
    critical_ns = f.critical_ns;
    r.critical_path = f.critical;
    r.fmax_source = fmax_source_ + (counted_cores ? kCoresCountedSuffix : "");
    // The measured structural paths of this point's components, where they exist.
    r.structural_ns = 0;
    r.structural_path = r.structural_measured = "none";
    std::string measured;
    for (const auto& path : f.paths) {
        if (!path.measured) continue;
        const auto ns = structural_.find(r.design, path.family);
        if (!ns) continue;
        measured += (measured.empty() ? "" : "+") + path.family;
        if (f.mapping_factor * *ns > r.structural_ns) {
            r.structural_ns = f.mapping_factor * *ns;
            r.structural_path = path.family;
        }
    }
    if (!measured.empty()) r.structural_measured = measured;

    const std::string over = limits_exceeded(res);
    r.fits = over.empty();
    r.over_limits = over.empty() ? "none" : over;
}

std::string Evaluator::limits_exceeded(const Resources& res) const {
    // An MLAB occupies a LAB of 10 ALMs.
    const auto& d = sweep_.device;
    std::string over;
    auto check = [&](const char* name, double used, double limit, double cap) {
        if (used > limit * cap + 1e-9) over += std::string(over.empty() ? "" : "+") + name;
    };
    check("alms", static_cast<double>(res.alms + 10 * res.mlabs), d.alms, d.max_alm_utilisation);
    check("registers", static_cast<double>(res.registers), d.registers, d.max_register_utilisation);
    check("dsp", static_cast<double>(res.dsp), d.dsp, d.max_dsp_utilisation);
    check("m10k", static_cast<double>(res.m10k), d.m10k, d.max_m10k_utilisation);
    check("mlabs", static_cast<double>(res.mlabs), d.mlabs, d.max_mlab_utilisation);
    return over;
}

bool Evaluator::fits(const arch::DesignPoint& d) const {
    return limits_exceeded(estimate_resources(d, resource_coefficients_)).empty();
}

}  // namespace mgpt::explorer
