#include "platform.hpp"

#include <memory>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "host_initiator.hpp"
#include "tlm_core.hpp"

namespace mgpt::tlm_model {

double RunResult::tokens_per_second() const {
    return total_cycles ? static_cast<double>(generated_tokens) * pll.f_out_mhz * 1e6 / static_cast<double>(total_cycles)
                        : 0.0;
}

namespace {

// The whole platform: host -> TLM core. The core's units hold references to
// `design` and `clock`, which change between jobs.
struct Platform : sc_core::sc_module {
    arch::DesignPoint design;
    ClockDomain clock;
    std::unique_ptr<TraceSignals> trace;
    TlmCore core;
    HostInitiator host;

    Platform(sc_core::sc_module_name name, const QWeights& weights, const std::vector<Job>& jobs,
             std::vector<RunResult>& results, const std::string& vcd_path)
        : sc_module(name),
          design(jobs.front().design),
          clock(design.pll_mhz),
          trace(vcd_path.empty() ? nullptr : new TraceSignals("trace", clock.period, vcd_path)),
          core("core", design, clock, trace.get()),
          host("host", weights, core.kv_memory.contents(), jobs,
               [this](const Job& job) {
                   design = job.design;
                   clock = ClockDomain(design.pll_mhz);
               },
               results) {
        host.core.bind(core.host());
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
