#include "platform.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "host_initiator.hpp"
#include "tlm_core.hpp"

namespace mgpt::tlm_model {

double RunResult::tokens_per_second() const {
    return makespan ? static_cast<double>(generated_tokens) * pll.f_out_mhz * 1e6 / static_cast<double>(makespan) : 0.0;
}

namespace {

// The whole platform: host -> K TLM cores (as many as the jobs' most; core 0
// is named "core", core c > 0 "core<c>"). The cores' units hold references to
// `design` and `clock`, which change between jobs.
struct Platform : sc_core::sc_module {
    arch::DesignPoint design;
    ClockDomain clock;
    std::unique_ptr<TraceSignals> trace;
    std::vector<std::unique_ptr<TlmCore>> cores;
    HostInitiator host;

    Platform(sc_core::sc_module_name name, const QWeights& weights, const std::vector<Job>& jobs,
             std::vector<RunResult>& results, const std::string& vcd_path)
        : sc_module(name),
          design(jobs.front().design),
          clock(design.pll_mhz),
          trace(vcd_path.empty() ? nullptr
                                 : new TraceSignals("trace", clock.period, vcd_path,
                                                    most(jobs, &arch::DesignPoint::cores),
                                                    most(jobs, &arch::DesignPoint::sequences))),
          cores(make_cores(most(jobs, &arch::DesignPoint::cores))),
          host("host", weights, [this](int c, int s) -> const golden::KvCache& {
                   return cores[static_cast<size_t>(c)]->kv_memory.contents(s);
               },
               jobs,
               [this](const Job& job) {
                   design = job.design;
                   clock = ClockDomain(design.pll_mhz);
                   for (auto& c : cores) c->arbiter.begin_job(design.sequences, design.schedule);
               },
               results, trace.get()) {
        for (auto& c : cores) host.core.bind(c->host());
    }

    static int most(const std::vector<Job>& jobs, int arch::DesignPoint::*key) {
        int m = 1;
        for (const Job& j : jobs) m = std::max(m, j.design.*key);
        return m;
    }
    std::vector<std::unique_ptr<TlmCore>> make_cores(int count) {
        std::vector<std::unique_ptr<TlmCore>> out;
        for (int c = 0; c < count; ++c)
            out.emplace_back(new TlmCore(c ? ("core" + std::to_string(c)).c_str() : "core", design, clock,
                                         trace.get(), c));
        return out;
    }
};

}  // namespace

std::vector<RunResult> simulate_tlm(const QWeights& weights, const std::vector<Job>& jobs,
                                    const std::string& vcd_path) {
    std::vector<RunResult> results;
    if (jobs.empty()) return results;
    // Temporal decoupling: the host syncs with the kernel once per quantum
    // (about 1,000 core cycles at 56 MHz); trace mode syncs at every stage.
    tlm_utils::tlm_quantumkeeper::set_global_quantum(
        vcd_path.empty() ? sc_core::sc_time(20, sc_core::SC_US) : sc_core::SC_ZERO_TIME);
    // Kernel chatter (trace timescale, "simulation stopped") is not for the user.
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    results.reserve(jobs.size());
    Platform top("platform", weights, jobs, results, vcd_path);
    sc_core::sc_start();
    for (size_t i = 0; i < results.size(); ++i) results[i].pll = arch::solve_pll(jobs[i].design.pll_mhz);
    return results;
}

}  // namespace mgpt::tlm_model
