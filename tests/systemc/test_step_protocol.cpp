// The core's command protocols (systemc_models/step_protocol.hpp): stage units
// and the core take typed commands in an extension, refuse plain payloads,
// cannot even be bound to base-protocol sockets, and keep cycles as the one
// timing authority (units and memories leave the delay alone; the controller
// turns each stage's cycles into time once).
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "protocol_test_helpers.hpp"
#include "sc_test_helpers.hpp"
#include "systemc_models/rms_engine.hpp"
#include "systemc_models/tlm_core.hpp"

using namespace mgpt;
using namespace mgpt::tlm_model;
using mgpt::test::Sent;
using mgpt::test::send;

namespace {

// Whether an initiator socket of type I has a bind() that accepts a T.
template <class I, class T, class = void>
struct can_bind : std::false_type {};
template <class I, class T>
struct can_bind<I, T, std::void_t<decltype(std::declval<I&>().bind(std::declval<T&>()))>> : std::true_type {};

struct Dummy : sc_core::sc_module {};
using StageSocket = decltype(std::declval<StageTarget&>().socket);
using CoreSocket = decltype(std::declval<CoreController&>().host);
static_assert(can_bind<tlm_utils::simple_initiator_socket<Dummy, 32, StageProtocol>, StageSocket>::value,
              "a stage-protocol initiator binds to a stage unit");
static_assert(!can_bind<tlm_utils::simple_initiator_socket<Dummy>, StageSocket>::value,
              "a base-protocol initiator cannot bind to a stage unit");
static_assert(!can_bind<tlm_utils::simple_initiator_socket<Dummy, 32, KvProtocol>, StageSocket>::value,
              "another protocol's initiator cannot bind to a stage unit");
static_assert(!can_bind<tlm_utils::simple_initiator_socket<Dummy>, CoreSocket>::value,
              "a base-protocol initiator cannot bind to the core");

// The RMS engine's cycles at 1 result bit per cycle, written from docs/MICROARCH.md:
// 32 root bits + 25 quotient bits + the 3-cycle handshake, or without the division.
constexpr uint32_t kRmsCycles = 32 + 25 + 3, kRmsEarlyExitCycles = 32 + 3;

// Drives a lone RMS engine (stage protocol) and a whole TLM core (core protocol).
struct TestHost : sc_core::sc_module {
    tlm_utils::simple_initiator_socket<TestHost, 32, StageProtocol> stage;
    tlm_utils::simple_initiator_socket<TestHost, 32, CoreProtocol> core;
    const QWeights& weights;
    const golden::KvCache& kv;
    StepContext rms_ctx[2], step_ctx;
    Sent rms[2], rms_plain, rms_no_context, core_plain, core_clear, core_step;

    TestHost(sc_core::sc_module_name n, const QWeights& w, const golden::KvCache& cache)
        : sc_module(n), stage("stage"), core("core"), weights(w), kv(cache) {
        SC_HAS_PROCESS(TestHost);
        SC_THREAD(run);
    }
    void run() {
        // Stage commands: a small sum of squares (the root is <= 512: early exit) and a large one.
        CommandPayload<StepExtension> cmd;
        const uint64_t sumsq[2] = {0, uint64_t{1} << 30};
        for (int i = 0; i < 2; ++i) {
            rms_ctx[i].sumsq = sumsq[i];
            cmd.command().ctx = &rms_ctx[i];
            cmd.command().stage = arch::Stage::norm_attn;
            rms[i] = send(*stage[0], cmd.for_transport());
        }
        cmd.command().ctx = nullptr;
        rms_no_context = send(*stage[0], cmd.for_transport());
        tlm::tlm_generic_payload plain;
        rms_plain = send(*stage[0], plain);
        // Core commands.
        tlm::tlm_generic_payload plain_core;
        core_plain = send(*core[0], plain_core);
        CommandPayload<CoreCommand> host;
        host.command().op = CoreOp::clear;
        core_clear = send(*core[0], host.for_transport());
        step_ctx.weights = &weights;
        step_ctx.kv = &kv;
        step_ctx.reset({kBos, 0, 7, true, 0x100, Numerics::saturating});
        host.command().op = CoreOp::step;
        host.command().ctx = &step_ctx;
        core_step = send(*core[0], host.for_transport());
    }
};

}  // namespace

TEST_CASE("stage units and the core take typed commands, refuse plain payloads, report cycles", "[tlm][protocol]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    arch::DesignPoint design;  // the defaults: the baseline's micro-architecture
    const ClockDomain clock(design.pll_mhz);
    RmsEngine rms("rms", design);
    TlmCore core("core", design, clock, nullptr);
    TestHost host("host", w, core.kv_memory.contents());
    host.stage.bind(rms.socket);
    host.core.bind(core.host());
    sc_core::sc_start();

    const size_t norm_attn = static_cast<size_t>(arch::Stage::norm_attn);
    for (int i = 0; i < 2; ++i) {
        INFO("sum of squares case " << i);
        CHECK(host.rms[i].status == tlm::TLM_OK_RESPONSE);
        CHECK(host.rms[i].delay == sc_core::SC_ZERO_TIME);  // the unit reports cycles, not time
        const bool early = host.rms_ctx[i].result.rms_early_exit[0];
        CHECK(early == (i == 0));
        CHECK(host.rms_ctx[i].cycles.cycles[norm_attn] == (early ? kRmsEarlyExitCycles : kRmsCycles));
        CHECK(host.rms_ctx[i].cycles.total() == host.rms_ctx[i].cycles.cycles[norm_attn]);
    }
    CHECK(host.rms_no_context.status == tlm::TLM_GENERIC_ERROR_RESPONSE);
    CHECK_THAT(host.rms_no_context.error, Catch::Contains("StepContext"));
    CHECK(host.rms_plain.status == tlm::TLM_GENERIC_ERROR_RESPONSE);
    CHECK_THAT(host.rms_plain.error, Catch::Contains("StepExtension"));

    CHECK(host.core_plain.status == tlm::TLM_GENERIC_ERROR_RESPONSE);
    CHECK_THAT(host.core_plain.error, Catch::Contains("CoreCommand"));
    CHECK(host.core_clear.status == tlm::TLM_OK_RESPONSE);
    CHECK(host.core_clear.delay == sc_core::SC_ZERO_TIME);
    CHECK(host.core_step.status == tlm::TLM_OK_RESPONSE);
    // The step's time is its cycles on the core clock, converted once.
    CHECK(host.core_step.delay == clock.period * static_cast<double>(host.step_ctx.cycles.total()));
    golden::KvCache kv;
    kv.clear();
    const golden::StepResult want = golden::step(w, host.step_ctx.req, kv);
    CHECK(host.step_ctx.result.logits == want.logits);
    CHECK(host.step_ctx.result.next == want.next);
}
