#include "cosim_slots_platform.hpp"

#include <chrono>
#include <memory>

#include <tlm_utils/tlm_quantumkeeper.h>

#include "host_initiator.hpp"
#include "rtl_slot_bridge.hpp"
#include "tlm_core.hpp"

namespace mgpt::tlm_model {

namespace {

struct CosimSlotsTop : sc_core::sc_module {
    arch::DesignPoint design;
    ClockDomain clock;
    golden::KvCache unused_kv;  // the RTL keeps its own caches
    std::vector<Job> jobs;
    std::vector<RunResult> tlm_results, rtl_results;
    int running;  // hosts still running: the kernel stops when both are done
    std::vector<std::unique_ptr<TlmCore>> cores;  // compare mode: the TLM's K cores
    std::unique_ptr<HostInitiator> tlm_host;
    RtlSlotClock rtl_clock;
    std::vector<std::unique_ptr<RtlSlotBridge>> bridges;  // one per RTL core
    HostInitiator rtl_host;

    CosimSlotsTop(sc_core::sc_module_name name, const QWeights& weights, const Job& job, CosimMode mode,
                  RtlSlotCore& rtl)
        : sc_module(name),
          design(job.design),
          clock(design.pll_mhz),
          jobs{job},
          running(mode == CosimMode::compare ? 2 : 1),
          tlm_host(mode == CosimMode::compare
                       ? new HostInitiator("tlm_host", weights,
                                           [this](int c, int s) -> const golden::KvCache& {
                                               return cores[static_cast<size_t>(c)]->kv_memory.contents(s);
                                           },
                                           jobs,
                                           [this](const Job& j) {
                                               for (auto& c : cores)
                                                   c->arbiter.begin_job(j.design.sequences, j.design.schedule);
                                           },
                                           tlm_results, nullptr, [this] { host_done(); })
                       : nullptr),
          rtl_clock("rtl_clock", rtl, clock),
          rtl_host("host", weights, [this](int, int) -> const golden::KvCache& { return unused_kv; }, jobs,
                   [](const Job&) {}, rtl_results, nullptr, [this] { host_done(); }) {
        unused_kv.clear();
        // core k and its bridge serve the host's socket k (global slots k x S ..)
        for (int k = 0; k < design.cores; ++k) {
            const std::string suffix = k ? std::to_string(k) : "";
            if (tlm_host) {
                cores.emplace_back(new TlmCore(("tlm_core" + suffix).c_str(), design, clock, nullptr, k));
                tlm_host->core.bind(cores.back()->host());
            }
            bridges.emplace_back(new RtlSlotBridge(("rtl_bridge" + suffix).c_str(), rtl_clock, k * design.sequences));
            rtl_host.core.bind(bridges.back()->socket);
        }
    }

    void host_done() {
        if (--running == 0) sc_core::sc_stop();
    }
};

}  // namespace

CosimRun simulate_cosim_slots(const QWeights& weights, const Job& job, CosimMode mode, RtlSlotCore& rtl) {
    CosimRun out;
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    CosimSlotsTop top("cosim", weights, job, mode, rtl);
    const uint64_t clocks0 = rtl.clocks();
    const auto t0 = std::chrono::steady_clock::now();
    sc_core::sc_start();
    out.run_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.rtl_seconds = top.rtl_clock.core_seconds();
    out.rtl_clocks = rtl.clocks() - clocks0;
    out.rtl_unit_busy = top.rtl_clock.unit_busy();
    out.rtl_error = top.rtl_clock.error();
    const ClockDomain& clock = top.clock;
    if (!top.rtl_results.empty()) out.rtl_host = top.rtl_results.front();
    out.rtl_host.pll = clock.pll;
    if (mode == CosimMode::compare) {
        if (!top.tlm_results.empty()) out.host = top.tlm_results.front();
        out.host.pll = clock.pll;
        // the TLM's share of the run: everything but the RTL's clocks (host threads, arbiter, kernel)
        out.tlm_seconds = out.run_seconds - out.rtl_seconds;
    } else {
        out.host = out.rtl_host;
    }
    const auto& rtl_steps = out.rtl_host.steps;
    const auto& host_steps = out.host.steps;
    for (size_t i = 0; i < std::max(rtl_steps.size(), host_steps.size()); ++i) {
        CosimStep s;
        if (i < host_steps.size()) s.host = host_steps[i];
        if (i < rtl_steps.size()) s.rtl = rtl_steps[i];
        if (mode == CosimMode::compare) s.tlm = s.host;
        out.steps.push_back(s);
    }
    return out;
}

}  // namespace mgpt::tlm_model
