#include "cosim_platform.hpp"

#include <chrono>
#include <memory>

#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "host_initiator.hpp"
#include "tlm_core.hpp"

namespace mgpt::tlm_model {

namespace {

StepRecord record_of(const StepContext& c) {
    StepRecord r;
    r.pos = c.req.pos;
    r.token_in = c.req.token;
    r.token_out = c.result.next;
    r.rng_in = c.req.rng_in;
    r.rng_out = c.result.rng_out;
    r.logits = c.result.logits;
    r.rms_early_exit = c.result.rms_early_exit;
    r.cycles = c.cycles;
    r.macs = c.macs;
    return r;
}

using WallClock = std::chrono::steady_clock;
double seconds_since(WallClock::time_point t0) {
    return std::chrono::duration<double>(WallClock::now() - t0).count();
}

// Fans every host command out to the TLM core and the RTL core and keeps both
// answers; the host continues with the TLM's, and with the TLM's timing: the
// RTL's annotated cycles are its own (it runs the same stimulus, not the TLM's
// time line).
struct StepSplitter : sc_core::sc_module {
    tlm_utils::simple_target_socket<StepSplitter, 32, CoreProtocol> host;
    tlm_utils::simple_initiator_socket<StepSplitter, 32, CoreProtocol> tlm, rtl;
    std::vector<CosimStep>& log;
    double tlm_seconds = 0, rtl_seconds = 0;

    StepSplitter(sc_core::sc_module_name name, std::vector<CosimStep>& steps)
        : sc_module(name), host("host"), tlm("tlm"), rtl("rtl"), log(steps) {
        host.register_b_transport(this, &StepSplitter::b_transport);
    }
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        const CoreCommand* cmd = required_extension<CoreCommand>(trans, name(), "CoreCommand");
        if (!cmd) return;
        if (cmd->op != CoreOp::step || !cmd->ctx) {  // clear (or a malformed step, which the TLM core rejects)
            tlm->b_transport(trans, delay);
            if (!trans.is_response_error()) rtl->b_transport(trans, delay);
            return;
        }
        StepContext& ctx = *cmd->ctx;
        StepContext rtl_ctx;
        rtl_ctx.weights = ctx.weights;
        rtl_ctx.kv = ctx.kv;
        rtl_ctx.reset(ctx.req);
        const auto t0 = WallClock::now();
        tlm->b_transport(trans, delay);
        tlm_seconds += seconds_since(t0);
        if (trans.is_response_error()) return;
        rtl_cmd_.command().op = CoreOp::step;
        rtl_cmd_.command().ctx = &rtl_ctx;
        tlm::tlm_generic_payload& t2 = rtl_cmd_.for_transport();
        sc_core::sc_time rtl_delay = sc_core::SC_ZERO_TIME;
        const auto t2_start = WallClock::now();
        rtl->b_transport(t2, rtl_delay);
        rtl_seconds += seconds_since(t2_start);
        trans.set_response_status(t2.get_response_status());
        CosimStep s;
        s.tlm = record_of(ctx);
        s.rtl = record_of(rtl_ctx);
        log.push_back(s);
    }

private:
    CommandPayload<CoreCommand> rtl_cmd_;  // the RTL's copy of each step command
};

// Records the RTL's answers when the RTL core is the platform's core.
struct RtlRecorder : sc_core::sc_module {
    tlm_utils::simple_target_socket<RtlRecorder, 32, CoreProtocol> host;
    tlm_utils::simple_initiator_socket<RtlRecorder, 32, CoreProtocol> rtl;
    std::vector<CosimStep>& log;
    double rtl_seconds = 0;
    RtlRecorder(sc_core::sc_module_name name, std::vector<CosimStep>& steps)
        : sc_module(name), host("host"), rtl("rtl"), log(steps) {
        host.register_b_transport(this, &RtlRecorder::b_transport);
    }
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        const auto t0 = WallClock::now();
        rtl->b_transport(trans, delay);
        rtl_seconds += seconds_since(t0);
        const CoreCommand* cmd = trans.get_extension<CoreCommand>();  // the bridge rejects payloads without it
        if (cmd && cmd->op == CoreOp::step && !trans.is_response_error()) {
            CosimStep s;
            s.rtl = record_of(*cmd->ctx);
            log.push_back(s);
        }
    }
};

struct CosimTop : sc_core::sc_module {
    arch::DesignPoint design;
    ClockDomain clock;
    golden::KvCache unused_kv;  // refine mode: the RTL keeps its own cache
    std::unique_ptr<TlmCore> core;
    RtlCoreBridge bridge;
    std::unique_ptr<StepSplitter> splitter;
    std::unique_ptr<RtlRecorder> recorder;
    std::vector<Job> jobs;
    HostInitiator host;

    CosimTop(sc_core::sc_module_name name, const QWeights& weights, const Job& job, CosimMode mode, RtlCore& rtl,
             std::vector<RunResult>& results, std::vector<CosimStep>& steps)
        : sc_module(name),
          design(job.design),
          clock(design.pll_mhz),
          core(mode == CosimMode::compare ? new TlmCore("tlm_core", design, clock, nullptr) : nullptr),
          bridge("rtl_bridge", rtl, clock.period),
          jobs{job},
          host("host", weights,
               [this](int, int) -> const golden::KvCache& { return core ? core->kv_memory.contents() : unused_kv; },
               jobs, [](const Job&) {}, results) {
        unused_kv.clear();
        if (mode == CosimMode::compare) {
            splitter.reset(new StepSplitter("splitter", steps));
            host.core.bind(splitter->host);
            splitter->tlm.bind(core->host());
            splitter->rtl.bind(bridge.socket);
        } else {
            recorder.reset(new RtlRecorder("recorder", steps));
            host.core.bind(recorder->host);
            recorder->rtl.bind(bridge.socket);
        }
    }
};

}  // namespace

CosimRun simulate_cosim(const QWeights& weights, const Job& job, CosimMode mode, RtlCore& rtl) {
    CosimRun out;
    std::vector<RunResult> results;
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    tlm_utils::tlm_quantumkeeper::set_global_quantum(sc_core::sc_time(1, sc_core::SC_US));
    CosimTop top("cosim", weights, job, mode, rtl, results, out.steps);
    const uint64_t clocks0 = rtl.clocks();
    const auto t0 = WallClock::now();
    sc_core::sc_start();
    out.run_seconds = seconds_since(t0);
    out.rtl_clocks = rtl.clocks() - clocks0;
    out.host = results.at(0);
    if (top.splitter) {
        out.tlm_seconds = top.splitter->tlm_seconds;
        out.rtl_seconds = top.splitter->rtl_seconds;
    } else {
        out.rtl_seconds = top.recorder->rtl_seconds;
    }
    out.host.pll = top.clock.pll;
    // the host's records carry the generation index; copy it to the pairs
    for (size_t i = 0; i < out.steps.size() && i < out.host.steps.size(); ++i) {
        out.steps[i].host = out.host.steps[i];
        out.steps[i].rtl.name = out.steps[i].tlm.name = out.host.steps[i].name;
    }
    return out;
}

}  // namespace mgpt::tlm_model
