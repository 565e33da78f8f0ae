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

// Fans every host command out to the TLM core and the RTL core and keeps both
// answers; the host continues with the TLM's.
struct StepSplitter : sc_core::sc_module {
    tlm_utils::simple_target_socket<StepSplitter> host;
    tlm_utils::simple_initiator_socket<StepSplitter> tlm, rtl;
    std::vector<CosimStep>& log;
    double tlm_seconds = 0, rtl_seconds = 0;

    StepSplitter(sc_core::sc_module_name name, std::vector<CosimStep>& steps)
        : sc_module(name), host("host"), tlm("tlm"), rtl("rtl"), log(steps) {
        host.register_b_transport(this, &StepSplitter::b_transport);
    }
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        if (trans.get_address() != kCoreStep) {
            tlm->b_transport(trans, delay);
            if (!trans.is_response_error()) rtl->b_transport(trans, delay);
            return;
        }
        auto& ctx = *reinterpret_cast<StepContext*>(trans.get_data_ptr());
        StepContext rtl_ctx;
        rtl_ctx.weights = ctx.weights;
        rtl_ctx.kv = ctx.kv;
        rtl_ctx.reset(ctx.req);
        using Clock = std::chrono::steady_clock;
        const auto t0 = Clock::now();
        tlm->b_transport(trans, delay);
        const auto t1 = Clock::now();
        tlm_seconds += std::chrono::duration<double>(t1 - t0).count();
        if (trans.is_response_error()) return;
        tlm::tlm_generic_payload t2;
        t2.set_command(tlm::TLM_WRITE_COMMAND);
        t2.set_address(kCoreStep);
        t2.set_data_ptr(reinterpret_cast<unsigned char*>(&rtl_ctx));
        t2.set_data_length(sizeof(StepContext));
        t2.set_streaming_width(sizeof(StepContext));
        const auto t2_start = Clock::now();
        rtl->b_transport(t2, delay);
        rtl_seconds += std::chrono::duration<double>(Clock::now() - t2_start).count();
        trans.set_response_status(t2.get_response_status());
        CosimStep s;
        s.tlm = record_of(ctx);
        s.rtl = record_of(rtl_ctx);
        log.push_back(s);
    }
};

// Records the RTL's answers when the RTL core is the platform's core.
struct RtlRecorder : sc_core::sc_module {
    tlm_utils::simple_target_socket<RtlRecorder> host;
    tlm_utils::simple_initiator_socket<RtlRecorder> rtl;
    std::vector<CosimStep>& log;
    RtlRecorder(sc_core::sc_module_name name, std::vector<CosimStep>& steps)
        : sc_module(name), host("host"), rtl("rtl"), log(steps) {
        host.register_b_transport(this, &RtlRecorder::b_transport);
    }
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
        rtl->b_transport(trans, delay);
        if (trans.get_address() == kCoreStep && !trans.is_response_error()) {
            CosimStep s;
            s.rtl = record_of(*reinterpret_cast<StepContext*>(trans.get_data_ptr()));
            log.push_back(s);
        }
    }
};

struct CosimTop : sc_core::sc_module {
    arch::DesignPoint design;
    ClockDomain clock;
    sc_core::sc_clock clk;
    golden::KvCache unused_kv;  // refine mode: the RTL keeps its own cache
    std::unique_ptr<TlmCore> core;
    RtlCoreBridge bridge;
    std::unique_ptr<StepSplitter> splitter;
    std::unique_ptr<RtlRecorder> recorder;
    std::vector<Job> jobs;
    HostInitiator host;

    CosimTop(sc_core::sc_module_name name, const QWeights& weights, const Job& job, CosimMode mode,
             std::vector<RunResult>& results, std::vector<CosimStep>& steps)
        : sc_module(name),
          design(job.design),
          clock(design.pll_mhz),
          clk("clk", clock.period),
          core(mode == CosimMode::compare ? new TlmCore("tlm_core", design, clock, nullptr) : nullptr),
          bridge("rtl_bridge"),
          jobs{job},
          host("host", weights, core ? core->kv_memory.contents() : unused_kv, jobs, [](const Job&) {}, results) {
        unused_kv.clear();
        bridge.clk(clk);
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

CosimRun simulate_cosim(const QWeights& weights, const Job& job, CosimMode mode,
                        const std::function<void(RtlCoreBridge&, sc_core::sc_clock&)>& bind_rtl,
                        const std::function<void()>& after_elaboration) {
    CosimRun out;
    std::vector<RunResult> results;
    sc_core::sc_report_handler::set_actions(sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
    tlm_utils::tlm_quantumkeeper::set_global_quantum(sc_core::sc_time(1, sc_core::SC_US));
    CosimTop top("cosim", weights, job, mode, results, out.steps);
    bind_rtl(top.bridge, top.clk);
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
    if (after_elaboration) after_elaboration();
    sc_core::sc_start();
    out.host = results.at(0);
    if (top.splitter) {
        out.tlm_seconds = top.splitter->tlm_seconds;
        out.rtl_seconds = top.splitter->rtl_seconds;
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
