#include "slot_cosim_report.hpp"

#include <algorithm>
#include <sstream>

#include "arch/schedule_policy.hpp"
#include "cosim_report.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "model/weights.hpp"
#include "slot_comparison.hpp"

namespace mgpt::cosim {

namespace {

std::string tokens_per_second(const tlm_model::RunResult& r) { return fixed_decimals(r.tokens_per_second(), 0); }

std::string share(uint64_t part, uint64_t whole) {
    return whole ? fixed_decimals(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%" : "-";
}

// Per core: the cycle its last step ends (its own makespan; the run's is the largest).
std::vector<uint64_t> core_makespans(const tlm_model::RunResult& r, int cores) {
    std::vector<uint64_t> out(static_cast<size_t>(cores), 0);
    for (const tlm_model::StepRecord& s : r.steps)
        if (s.core >= 0 && s.core < cores) {
            uint64_t& m = out[static_cast<size_t>(s.core)];
            m = std::max(m, s.end);
        }
    return out;
}

}  // namespace

bool report_slot_cosim(const tlm_model::CosimRun& run, const QWeights& w, const tlm_model::Job& job,
                       tlm_model::CosimMode mode, const std::string& csv_path, const std::string& trace_path,
                       bool summary_only, std::ostream& os) {
    const bool compare = mode == tlm_model::CosimMode::compare;
    const tlm_model::RunResult expected = expected_slot_run(w, job);
    // The reference of the RTL's timing: the TLM run itself, or its closed form.
    const std::string ref_name = compare ? "TLM" : "TLM closed form";
    const tlm_model::RunResult& ref = compare ? run.host : expected;
    const tlm_model::RunResult& rtl = run.rtl_host;

    std::vector<std::string> diffs;
    if (!run.rtl_error.empty()) diffs.push_back("the RTL's clock stopped the run: " + run.rtl_error);
    auto add = [&](const std::vector<std::string>& more) { diffs.insert(diffs.end(), more.begin(), more.end()); };
    add(compare_slot_steps(rtl.steps, "RTL", ref.steps, ref_name, SlotFields::all));
    if (compare) add(compare_slot_steps(ref.steps, "TLM", expected.steps, "golden", SlotFields::values));
    add(compare_slot_steps(rtl.steps, "RTL", expected.steps, "golden", SlotFields::values));
    add(compare_unit_busy(run.rtl_unit_busy, "RTL", ref.unit_loads, ref_name));
    const int cores = job.design.cores;
    const std::vector<uint64_t> rtl_core_makespan = core_makespans(rtl, cores), ref_core_makespan =
                                                                                    core_makespans(ref, cores);
    for (int k = 0; k < cores && cores > 1; ++k)
        if (rtl_core_makespan[static_cast<size_t>(k)] != ref_core_makespan[static_cast<size_t>(k)])
            diffs.push_back("core " + std::to_string(k) + " makespan: RTL " +
                            std::to_string(rtl_core_makespan[static_cast<size_t>(k)]) + " cycles, " + ref_name + " " +
                            std::to_string(ref_core_makespan[static_cast<size_t>(k)]));
    if (rtl.makespan != ref.makespan)
        diffs.push_back("makespan: RTL " + std::to_string(rtl.makespan) + " cycles, " + ref_name + " " +
                        std::to_string(ref.makespan));
    if (rtl.names != expected.names) diffs.push_back("the RTL's names differ from the golden model's");

    TextTable t({"name", "pos", "slot", "core", "token_in", "token golden", "token TLM", "token RTL",
                 "start " + ref_name, "start RTL", "end " + ref_name, "end RTL", "cycles " + ref_name, "cycles RTL", "match"});
    std::ostringstream csv;
    csv << "name,pos,token_in,token_out,tlm_cycles,rtl_cycles,rtl_token_out,match,slot,core,tlm_start,tlm_end,"
           "rtl_start,rtl_end\n";
    for (size_t i = 0; i < rtl.steps.size(); ++i) {
        const tlm_model::StepRecord& r = rtl.steps[i];
        const tlm_model::StepRecord* p = i < ref.steps.size() ? &ref.steps[i] : nullptr;
        const tlm_model::StepRecord* g = i < expected.steps.size() ? &expected.steps[i] : nullptr;
        const std::vector<tlm_model::StepRecord> one_rtl{r};
        bool ok = p && g && compare_slot_steps(one_rtl, "RTL", {*p}, ref_name, SlotFields::all).empty() &&
                  compare_slot_steps(one_rtl, "RTL", {*g}, "golden", SlotFields::values).empty();
        auto cell = [&](const tlm_model::StepRecord* x, uint64_t tlm_model::StepRecord::*f) {
            return x ? std::to_string(x->*f) : std::string("-");
        };
        t.add({std::to_string(r.name), std::to_string(r.pos), std::to_string(r.slot), std::to_string(r.core),
               std::to_string(r.token_in),
               g ? std::to_string(g->token_out) : "-", compare && p ? std::to_string(p->token_out) : "-",
               std::to_string(r.token_out), cell(p, &tlm_model::StepRecord::start), std::to_string(r.start),
               cell(p, &tlm_model::StepRecord::end), std::to_string(r.end),
               p ? std::to_string(p->cycles.total()) : "-", std::to_string(r.cycles.total()), ok ? "yes" : "NO"});
        csv << r.name << "," << r.pos << "," << r.token_in << "," << (g ? g->token_out : -1) << ","
            << (p ? p->cycles.total() : 0) << "," << r.cycles.total() << "," << r.token_out << "," << (ok ? 1 : 0)
            << "," << r.slot << "," << r.core << "," << cell(p, &tlm_model::StepRecord::start) << ","
            << cell(p, &tlm_model::StepRecord::end) << "," << r.start << "," << r.end << "\n";
    }
    if (!csv_path.empty()) write_file_atomically(csv_path, csv.str());

    const arch::DesignPoint& d = job.design;
    os << "design: " << d.name << " (" << arch::to_short_string(d) << ")\n"
       << "mode: "
       << (compare ? "compare (TLM platform and RTL core side by side, each with its host)"
                   : "refine (RTL core in the TLM platform)")
       << "; " << job.workload.count << " names, seed " << job.workload.seed << "\n";
    if (!summary_only) {
        os << "\n";
        t.print(os);
    }
    const double f = run.host.pll.f_out_mhz;
    os << "\nslots: " << d.sequences << (cores > 1 ? " per core on " + std::to_string(cores) + " cores" : " on 1 core")
       << ", schedule " << arch::policy_name(d.schedule) << "; makespan: " << ref_name << " " << ref.makespan
       << " cycles, RTL " << rtl.makespan << " cycles\n";
    os << ref_name << ": " << ref.generated_tokens << " tokens in " << ref.makespan
       << " cycles: " << tokens_per_second(ref) << " tokens/s at " << fixed_decimals(f, 4) << " MHz [" << ref_name
       << " cycles, PLL model clock]\n";
    os << "RTL simulation: " << rtl.generated_tokens << " tokens in " << rtl.makespan << " cycles: "
       << tokens_per_second(rtl) << " tokens/s at " << fixed_decimals(f, 4) << " MHz [RTL cycles, PLL model clock]\n";
    // one line per core (several cores: each core's shares of its own makespan)
    for (int k = 0; k < cores; ++k) {
        const auto kk = static_cast<size_t>(k);
        const uint64_t ref_span = cores > 1 ? ref_core_makespan[kk] : ref.makespan;
        const uint64_t rtl_span = cores > 1 ? rtl_core_makespan[kk] : rtl.makespan;
        if (cores > 1)
            os << "core " << k << ": makespan " << ref_name << " " << ref_span << " cycles, RTL " << rtl_span
               << " cycles; ";
        os << "unit busy cycles (share of the " << (cores > 1 ? "core's " : "") << "makespan), " << ref_name
           << " | RTL:";
        for (int u = 0; u < arch::kSharedUnitCount; ++u) {
            const auto uu = static_cast<size_t>(u);
            const uint64_t a = kk < ref.unit_loads.size() ? ref.unit_loads[kk][uu].busy : 0;
            const uint64_t b = kk < run.rtl_unit_busy.size() ? run.rtl_unit_busy[kk][uu] : 0;
            os << (u ? ";" : "") << " " << arch::kUnitNames[u] << " " << a << " (" << share(a, ref_span) << ") | "
               << b << " (" << share(b, rtl_span) << ")";
        }
        os << "\n";
    }
    write_speed_line(os, run.steps.size(), run.run_seconds, run.rtl_seconds, run.tlm_seconds, run.rtl_clocks, compare,
                     "TLM (the rest of the run: TLM, hosts, kernel, the RTL clock's activations)");
    if (!trace_path.empty()) os << "RTL trace: " << trace_path << "\n";
    if (diffs.empty()) {
        os << "PASS: " << rtl.steps.size() << " steps of " << d.sequences << " slots"
           << (cores > 1 ? " on each of " + std::to_string(cores) + " cores" : "")
           << ": tokens, logits and RNG states equal in RTL" << (compare ? ", TLM" : "")
           << " and golden model; every step's slot, " << (cores > 1 ? "core, " : "")
           << "start and end and stage cycles, every unit's busy cycles and the makespan"
           << (cores > 1 ? "s" : "") << " of the RTL equal the "
           << (compare ? "TLM's" : "TLM closed form's (proven equal to the TLM)") << "\n";
        return true;
    }
    os << "FAIL: first difference at " << diffs.front();
    if (diffs.size() > 1) os << " (and " << diffs.size() - 1 << " more found)";
    os << "\n";
    return false;
}

}  // namespace mgpt::cosim
