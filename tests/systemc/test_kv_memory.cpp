// The KV memory alone (VCML style): a test initiator bound to one KvMemory
// plays a generation cycle by cycle (clear, then per position: write k and v,
// and stream every head's K and V rows, all 8 streams issued in the same
// cycle) and checks the cycles each command costs against values written here
// from the organisation (docs/MICROARCH.md "KV cache"): a write takes one cycle
// (all 8 banks at once), a read stream pays the read latency only (1 cycle for
// M10K, none for registers; the rows themselves overlap the consumer), and one
// bank per head for K and one for V means streams never wait for each other.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "protocol_test_helpers.hpp"
#include "systemc_models/kv_memory.hpp"

using namespace mgpt;
using namespace mgpt::tlm_model;

namespace {

constexpr uint32_t kWriteCycles = 1;
uint32_t read_latency(arch::KvMemory kind) { return kind == arch::KvMemory::m10k ? 1 : 0; }

int16_t k_value(int pos, int ch) { return static_cast<int16_t>(100 * pos + ch); }
int16_t v_value(int pos, int ch) { return static_cast<int16_t>(-100 * pos - ch - 1); }

struct Answer {
    KvOp op;
    int pos, head;
    uint32_t cycles;
    tlm::tlm_response_status status;
    sc_core::sc_time issued_at, delay;
};

// Plays one full-context generation against the memory.
struct TestInitiator : sc_core::sc_module {
    tlm_utils::simple_initiator_socket<TestInitiator, 32, KvProtocol> socket;
    std::vector<Answer> answers;
    golden::KvCache after_writes{};  // the memory's contents before the final clear
    const KvMemory& memory;
    sc_core::sc_time period{10, sc_core::SC_NS};

    TestInitiator(sc_core::sc_module_name name, const KvMemory& m) : sc_module(name), socket("socket"), memory(m) {
        SC_HAS_PROCESS(TestInitiator);
        SC_THREAD(run);
    }
    uint32_t issue(CommandPayload<KvCommand>& cmd, KvOp op, int pos, int head, int rows) {
        KvCommand& c = cmd.command();
        c.op = op;
        c.pos = pos;
        c.head = head;
        c.rows = rows;
        tlm::tlm_generic_payload& trans = cmd.for_transport();
        trans.set_command(op == KvOp::write   ? tlm::TLM_WRITE_COMMAND
                          : op == KvOp::clear ? tlm::TLM_IGNORE_COMMAND
                                              : tlm::TLM_READ_COMMAND);
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        socket->b_transport(trans, delay);
        answers.push_back({op, pos, head, c.cycles, trans.get_response_status(), sc_core::sc_time_stamp(), delay});
        return c.cycles;
    }
    void run() {
        CommandPayload<KvCommand> cmd;
        int16_t row[2 * kEmbd];
        issue(cmd, KvOp::clear, 0, 0, 0);
        for (int pos = 0; pos < kContext; ++pos) {
            for (int ch = 0; ch < kEmbd; ++ch) {
                row[ch] = k_value(pos, ch);
                row[kEmbd + ch] = v_value(pos, ch);
            }
            cmd.payload().set_data_ptr(reinterpret_cast<unsigned char*>(row));
            cmd.payload().set_data_length(sizeof row);
            cmd.payload().set_streaming_width(sizeof row);
            sc_core::wait(period * static_cast<double>(issue(cmd, KvOp::write, pos, 0, 0)));
            cmd.payload().set_data_length(0);
            // All 8 streams in the same cycle: the slowest sets when the next write may go.
            uint32_t slowest = 0;
            for (int h = 0; h < kHeads; ++h)
                for (KvOp op : {KvOp::read_k, KvOp::read_v}) slowest = std::max(slowest, issue(cmd, op, pos, h, pos + 1));
            sc_core::wait(period * static_cast<double>(slowest + static_cast<uint32_t>(pos + 1)));  // the rows stream
        }
        after_writes = memory.contents();
        issue(cmd, KvOp::clear, 0, 0, 0);
    }
};

}  // namespace

TEST_CASE("KV memory registers and M10K: write and stream cycles, cycle by cycle", "[memory][kv][tlm]") {
    const arch::KvMemory kinds[] = {arch::KvMemory::registers, arch::KvMemory::m10k};
    std::vector<std::unique_ptr<arch::DesignPoint>> designs;
    std::vector<std::unique_ptr<KvMemory>> memories;
    std::vector<std::unique_ptr<TestInitiator>> initiators;
    for (arch::KvMemory kind : kinds) {
        designs.push_back(std::make_unique<arch::DesignPoint>());
        designs.back()->kv_memory = kind;
        const std::string tag = kind == arch::KvMemory::m10k ? "m10k" : "registers";
        memories.push_back(std::make_unique<KvMemory>(("kv_" + tag).c_str(), *designs.back()));
        initiators.push_back(std::make_unique<TestInitiator>(("initiator_" + tag).c_str(), *memories.back()));
        initiators.back()->socket.bind(memories.back()->socket);
    }
    sc_core::sc_start();
    for (size_t i = 0; i < memories.size(); ++i) {
        const TestInitiator& in = *initiators[i];
        const uint32_t latency = read_latency(kinds[i]);
        INFO(memories[i]->name());
        // clear + 16 x (write + 8 streams) + clear
        REQUIRE(in.answers.size() == 1 + kContext * (1 + 2 * kHeads) + 1);
        uint64_t rows = 0;
        sc_core::sc_time now = sc_core::SC_ZERO_TIME;
        for (const Answer& a : in.answers) {
            INFO("position " << a.pos << ", head " << a.head << ", op " << static_cast<int>(a.op));
            CHECK(a.status == tlm::TLM_OK_RESPONSE);
            CHECK(a.delay == sc_core::SC_ZERO_TIME);  // cycles are the authority: the memory leaves the delay alone
            switch (a.op) {
                case KvOp::clear: CHECK(a.cycles == 0); break;
                case KvOp::write:
                    CHECK(a.cycles == kWriteCycles);
                    // a write goes after the previous position's streams: write + latency + rows per position before it
                    CHECK(a.issued_at ==
                          in.period * static_cast<double>(a.pos * (kWriteCycles + latency) + a.pos * (a.pos + 1) / 2));
                    now = a.issued_at + in.period * static_cast<double>(kWriteCycles);
                    break;
                case KvOp::read_k:
                case KvOp::read_v:
                    CHECK(a.cycles == latency);
                    CHECK(a.issued_at == now);  // all 8 streams in the cycle after the write, none waits for another
                    rows += static_cast<uint64_t>(a.pos + 1);
                    break;
            }
        }
        CHECK(memories[i]->rows_read() == rows);
        for (int pos = 0; pos < kContext; ++pos)
            for (int ch = 0; ch < kEmbd; ++ch) {
                CHECK(in.after_writes.k[pos][ch] == k_value(pos, ch));
                CHECK(in.after_writes.v[pos][ch] == v_value(pos, ch));
            }
        CHECK(memories[i]->contents().k[kContext - 1][kEmbd - 1] == 0);  // cleared for the next sequence
    }
}

namespace {

struct Probe {
    std::string what;
    tlm::tlm_response_status status = tlm::TLM_INCOMPLETE_RESPONSE;
};

// Sends what the memory must reject and records the responses.
struct Prober : sc_core::sc_module {
    tlm_utils::simple_initiator_socket<Prober, 32, KvProtocol> socket;
    std::vector<Probe> probes;
    std::string message;  // the error the plain payload raised

    explicit Prober(sc_core::sc_module_name n) : sc_module(n), socket("socket") {
        SC_HAS_PROCESS(Prober);
        SC_THREAD(run);
    }
    void send(const std::string& what, CommandPayload<KvCommand>& cmd, tlm::tlm_command command) {
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        cmd.payload().set_command(command);
        socket->b_transport(cmd.for_transport(), delay);
        probes.push_back({what, cmd.payload().get_response_status()});
    }
    void run() {
        tlm::tlm_generic_payload plain;  // the base protocol's payload: no extension
        plain.set_command(tlm::TLM_WRITE_COMMAND);
        const test::Sent sent = test::send(*socket[0], plain);
        message = sent.error;
        probes.push_back({"plain payload", sent.status});
        int16_t row[2 * kEmbd] = {};
        CommandPayload<KvCommand> cmd;
        cmd.payload().set_data_ptr(reinterpret_cast<unsigned char*>(row));
        cmd.payload().set_data_length(sizeof row);
        cmd.command().op = KvOp::write;
        cmd.command().pos = kContext;
        send("write past the context", cmd, tlm::TLM_WRITE_COMMAND);
        cmd.command().pos = 0;
        cmd.payload().set_data_length(sizeof row / 2);
        send("write of half a row", cmd, tlm::TLM_WRITE_COMMAND);
        cmd.payload().set_data_length(0);
        cmd.command().op = KvOp::read_k;
        cmd.command().rows = 1;
        send("read as a write", cmd, tlm::TLM_WRITE_COMMAND);
        cmd.command().head = kHeads;
        send("read of a fifth head", cmd, tlm::TLM_READ_COMMAND);
        cmd.command().head = 0;
        cmd.command().rows = kContext + 1;
        cmd.command().op = KvOp::read_v;
        send("read past the context", cmd, tlm::TLM_READ_COMMAND);
        // each slot has its own cache; the slot index is range-checked
        cmd.command().rows = 1;
        cmd.command().op = KvOp::clear;
        cmd.command().slot = kMaxSlotsPerCore;
        send("clear of a 17th slot", cmd, tlm::TLM_IGNORE_COMMAND);
        cmd.payload().set_data_length(sizeof row);
        cmd.command().op = KvOp::write;
        cmd.command().slot = -1;
        send("write to slot -1", cmd, tlm::TLM_WRITE_COMMAND);
        row[0] = 7;
        cmd.command().slot = 3;
        cmd.command().pos = 2;
        send("write to slot 3", cmd, tlm::TLM_WRITE_COMMAND);
    }
};

}  // namespace

// (and keeps one cache per slot: the last probe writes slot 3 only)
TEST_CASE("KV memory rejects payloads without a KvCommand and malformed commands", "[memory][kv][tlm]") {
    arch::DesignPoint d;
    d.kv_memory = arch::KvMemory::m10k;
    KvMemory memory("memory", d);
    Prober prober("prober");
    prober.socket.bind(memory.socket);
    sc_core::sc_start();
    const std::vector<tlm::tlm_response_status> want = {
        tlm::TLM_GENERIC_ERROR_RESPONSE, tlm::TLM_ADDRESS_ERROR_RESPONSE, tlm::TLM_BURST_ERROR_RESPONSE,
        tlm::TLM_COMMAND_ERROR_RESPONSE, tlm::TLM_ADDRESS_ERROR_RESPONSE, tlm::TLM_ADDRESS_ERROR_RESPONSE,
        tlm::TLM_ADDRESS_ERROR_RESPONSE, tlm::TLM_ADDRESS_ERROR_RESPONSE, tlm::TLM_OK_RESPONSE};
    REQUIRE(prober.probes.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        INFO(prober.probes[i].what);
        CHECK(prober.probes[i].status == want[i]);
    }
    CHECK_THAT(prober.message, Catch::Contains("KvCommand"));
    CHECK(memory.rows_read() == 0);
    CHECK(memory.contents(3).k[2][0] == 7);
    CHECK(memory.contents(0).k[2][0] == 0);  // slot 0's cache untouched
}
