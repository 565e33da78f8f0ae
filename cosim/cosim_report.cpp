#include "cosim_report.hpp"

#include <sstream>

#include "arch/cycle_model.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "model/weights.hpp"

namespace mgpt::cosim {

namespace {

struct Expected {
    golden::StepRequest req;
    golden::StepResult res;
    int name;
};

// The golden model's steps for the workload (the host protocol of docs/NUMERICS.md).
std::vector<Expected> golden_steps(const QWeights& w, const tlm_model::Job& job) {
    std::vector<Expected> out;
    uint32_t rng = job.workload.seed;
    golden::GenerationConfig gen = job.workload.gen;
    gen.numerics = job.design.numerics;
    for (int n = 0; n < job.workload.count; ++n) {
        const golden::Generation g = golden::generate(w, gen, rng);
        for (size_t i = 0; i < g.steps.size(); ++i) out.push_back({g.steps[i], g.results[i], n});
    }
    return out;
}

}  // namespace

bool report_cosim(const tlm_model::CosimRun& run, const QWeights& w, const tlm_model::Job& job,
                  tlm_model::CosimMode mode, const std::string& csv_path, const std::string& trace_path,
                  bool summary_only, std::ostream& os) {
    const bool compare = mode == tlm_model::CosimMode::compare;
    const std::vector<Expected> gold = golden_steps(w, job);
    const char* predicted_source = compare ? "TLM" : "TLM closed form (proven equal to the TLM)";
    std::string first_mismatch;
    auto mismatch = [&](size_t i, const std::string& what) {
        if (first_mismatch.empty()) {
            std::ostringstream m;
            m << "step " << i << " (name " << run.steps[i].rtl.name << ", pos " << run.steps[i].rtl.pos << "): " << what;
            first_mismatch = m.str();
        }
    };
    if (run.steps.size() != gold.size())
        first_mismatch = "the run has " + std::to_string(run.steps.size()) + " steps, the golden model " +
                         std::to_string(gold.size());

    TextTable t({"name", "pos", "token_in", "token golden", "token TLM", "token RTL", "cycles " +
                 std::string(compare ? "TLM" : "predicted"), "cycles RTL", "match"});
    std::ostringstream csv;
    csv << "name,pos,token_in,token_out,tlm_cycles,rtl_cycles,rtl_token_out,match\n";
    uint64_t rtl_total = 0, tokens = 0;
    for (size_t i = 0; i < run.steps.size() && i < gold.size(); ++i) {
        const auto& s = run.steps[i];
        const auto& g = gold[i];
        arch::StepCycles predicted = s.tlm.cycles;
        if (!compare) predicted = arch::analytic_step_cycles(job.design, {g.req.pos, g.req.greedy, g.res.rms_early_exit});
        bool ok = true;
        auto check = [&](bool cond, const std::string& what) {
            if (!cond) {
                ok = false;
                mismatch(i, what);
            }
        };
        check(s.rtl.token_in == g.req.token && s.rtl.pos == g.req.pos, "different step input");
        check(s.rtl.token_out == g.res.next, "RTL token " + std::to_string(s.rtl.token_out) + ", golden " +
                                                 std::to_string(g.res.next));
        check(s.rtl.logits == g.res.logits, "RTL logits differ from the golden model's");
        check(s.rtl.rng_out == g.res.rng_out, "RTL RNG state differs from the golden model's");
        if (compare) {
            check(s.tlm.token_out == g.res.next && s.tlm.logits == g.res.logits && s.tlm.rng_out == g.res.rng_out,
                  "TLM values differ from the golden model's");
        }
        for (int st = 0; st < arch::kStageCount; ++st)
            if (s.rtl.cycles.cycles[st] != predicted.cycles[st])
                check(false, std::string("stage ") + arch::kStageNames[st] + ": RTL " +
                                 std::to_string(s.rtl.cycles.cycles[st]) + " cycles, " + predicted_source + " " +
                                 std::to_string(predicted.cycles[st]));
        rtl_total += s.rtl.cycles.total();
        tokens += g.res.next != kBos;
        t.add({std::to_string(s.rtl.name), std::to_string(s.rtl.pos), std::to_string(s.rtl.token_in),
               std::to_string(g.res.next), compare ? std::to_string(s.tlm.token_out) : "-",
               std::to_string(s.rtl.token_out), std::to_string(predicted.total()),
               std::to_string(s.rtl.cycles.total()), ok ? "yes" : "NO"});
        csv << s.rtl.name << "," << s.rtl.pos << "," << s.rtl.token_in << "," << g.res.next << "," << predicted.total()
            << "," << s.rtl.cycles.total() << "," << s.rtl.token_out << "," << (ok ? 1 : 0) << "\n";
    }
    if (!csv_path.empty()) write_file_atomically(csv_path, csv.str());

    os << "design: " << job.design.name << " (" << arch::to_short_string(job.design) << ")\n"
       << "mode: " << (compare ? "compare (TLM core and RTL core side by side)" : "refine (RTL core in the TLM platform)")
       << "; " << job.workload.count << " names, seed " << job.workload.seed << "\n";
    if (!summary_only) {
        os << "\n";
        t.print(os);
    }
    const double f = run.host.pll.f_out_mhz;
    os << "\nRTL simulation: " << rtl_total << " cycles for " << tokens << " tokens: "
       << fixed_decimals(rtl_total ? tokens * f * 1e6 / rtl_total : 0, 0) << " tokens/s at " << fixed_decimals(f, 4)
       << " MHz [RTL cycles, PLL model clock]\n";
    write_speed_line(os, run.steps.size(), run.run_seconds, run.rtl_seconds, run.tlm_seconds, run.rtl_clocks, compare,
                     "TLM");
    if (!trace_path.empty()) os << "RTL trace: " << trace_path << "\n";
    if (first_mismatch.empty()) {
        os << "PASS: " << run.steps.size() << " steps: tokens, logits and RNG states equal in RTL"
           << (compare ? ", TLM" : "") << " and golden model; RTL cycles equal the " << predicted_source
           << " on every step and stage\n";
        return true;
    }
    os << "FAIL: first difference at " << first_mismatch << "\n";
    return false;
}

void write_speed_line(std::ostream& os, size_t steps, double run_seconds, double rtl_seconds, double tlm_seconds,
                      uint64_t rtl_clocks, bool compare, const std::string& tlm_label) {
    if (run_seconds <= 0 || rtl_seconds <= 0) return;
    const double n = static_cast<double>(steps);
    os << "speed [wall clock, this run, one core]: co-simulation " << fixed_decimals(n / run_seconds, 0)
       << " token steps/s; RTL (Verilator) " << fixed_decimals(n / rtl_seconds, 0) << " token steps/s, "
       << fixed_decimals(rtl_clocks / rtl_seconds / 1e6, 3) << " M clocks/s";
    if (compare && tlm_seconds > 0)
        os << "; " << tlm_label << " " << fixed_decimals(n / tlm_seconds, 0) << " token steps/s, TLM/RTL = "
           << fixed_decimals(rtl_seconds / tlm_seconds, 1) << "x";
    os << "\n";
}

}  // namespace mgpt::cosim
