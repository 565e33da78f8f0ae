// The weight memory alone (VCML style): a test initiator bound to one
// WeightMemory issues streamed reads, each the cycle after the previous one
// completed, and checks the cycles, stall cycles and port conflicts the memory
// answers against a reference computed here, cycle by cycle, from the bank
// striping rule alone (docs/MICROARCH.md "M10K mapping"): word w lives in bank
// w mod B, every bank serves `ports` of its waiting words per cycle, a step's
// next step is issued once the step's last word is served, and an M10K burst
// pays one cycle of read latency. Nothing here uses the memory's own formula.
#include <catch2/catch.hpp>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>

#include "protocol_test_helpers.hpp"
#include "systemc_models/weight_memory.hpp"

using namespace mgpt;
using namespace mgpt::tlm_model;

namespace {

constexpr uint32_t kM10kLatency = 1;  // synchronous read: the registered address of a burst's first read
const std::vector<int> kBanks = {1, 2, 4, 8, 16, 32, 64};  // the legal weight_banks
const std::vector<int> kPorts = {1, 2};                    // the legal bram_ports

struct Cost {
    uint32_t cycles = 0, stalls = 0, conflicts = 0;
    bool operator==(const Cost& o) const { return cycles == o.cycles && stalls == o.stalls && conflicts == o.conflicts; }
};
std::ostream& operator<<(std::ostream& os, const Cost& c) {
    return os << "{cycles " << c.cycles << ", stalls " << c.stalls << ", conflicts " << c.conflicts << "}";
}

// The M10K reference: simulate every bank's queue cycle by cycle. A stall cycle
// is a cycle of a step past its first; a conflict is a word read that was not
// served in its step's first cycle (its bank's ports were taken).
Cost m10k_reference(int banks, int ports, uint32_t first, int words, int steps) {
    Cost c;
    c.cycles = kM10kLatency;
    for (int s = 0; s < steps; ++s) {
        std::vector<std::deque<uint32_t>> waiting(static_cast<size_t>(banks));
        for (int i = 0; i < words; ++i) {
            const uint32_t w = first + static_cast<uint32_t>(s * words + i);
            waiting[w % static_cast<uint32_t>(banks)].push_back(w);
        }
        int left = words;
        uint32_t cycle = 0;
        for (; left > 0; ++cycle)
            for (auto& bank : waiting)
                for (int p = 0; p < ports && !bank.empty(); ++p) {
                    bank.pop_front();
                    --left;
                    if (cycle > 0) ++c.conflicts;
                }
        c.cycles += cycle;
        c.stalls += cycle - 1;
    }
    return c;
}

// Logic ROMs: every word of a step is there in the same cycle, no latency.
Cost logic_reference(int steps) { return {static_cast<uint32_t>(steps), 0, 0}; }

struct Read {
    uint32_t first;
    int words, steps;
};

// Reads from a tile's lane counts (1 word up to 64 lanes x 16 columns / 2) at
// aligned and unaligned first words, single steps and whole passes.
std::vector<Read> read_pattern() {
    std::vector<Read> out;
    for (int words : {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 24, 32, 48, 64, 96, 128, 256, 512})
        for (uint32_t first : {0u, 1u, 3u, 5u, 31u, 64u, 100u})
            for (int steps : {1, 2, 16}) out.push_back({first, words, steps});
    return out;
}

// Issues its reads one after the other on the memory's clock, one burst the
// cycle after the previous one completed, and keeps what the memory answered.
struct TestInitiator : sc_core::sc_module {
    tlm_utils::simple_initiator_socket<TestInitiator, 32, WeightProtocol> socket;
    std::vector<Read> reads;
    std::vector<Cost> answers;
    std::vector<tlm::tlm_response_status> status;
    std::vector<sc_core::sc_time> delays;  // the delay argument after each read
    sc_core::sc_time period{10, sc_core::SC_NS};
    sc_core::sc_time finished_at;

    TestInitiator(sc_core::sc_module_name name, std::vector<Read> r) : sc_module(name), socket("socket"), reads(std::move(r)) {
        SC_HAS_PROCESS(TestInitiator);
        SC_THREAD(run);
    }
    void run() {
        CommandPayload<WeightBurst> cmd;
        for (const Read& r : reads) {
            WeightBurst& b = cmd.command();
            b.words_per_step = r.words;
            b.steps = r.steps;
            tlm::tlm_generic_payload& trans = cmd.for_transport();
            trans.set_command(tlm::TLM_READ_COMMAND);
            trans.set_address(weight_address(Matrix::fc1, r.first));
            sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
            socket->b_transport(trans, delay);
            status.push_back(trans.get_response_status());
            answers.push_back({b.cycles, b.stalls, b.conflicts});
            delays.push_back(delay);
            sc_core::wait(period * static_cast<double>(b.cycles));  // the next read: the cycle after this one ends
        }
        finished_at = sc_core::sc_time_stamp();
    }
};

// Sends what the memory must reject: a plain payload, a write, a store past the last matrix.
struct Prober : sc_core::sc_module {
    tlm_utils::simple_initiator_socket<Prober, 32, WeightProtocol> socket;
    tlm::tlm_response_status bare = tlm::TLM_INCOMPLETE_RESPONSE, write = bare, store = bare;
    std::string message;  // the error the plain payload raised

    explicit Prober(sc_core::sc_module_name n) : sc_module(n), socket("socket") {
        SC_HAS_PROCESS(Prober);
        SC_THREAD(run);
    }
    void run() {
        tlm::tlm_generic_payload plain;  // the base protocol's payload: no extension
        plain.set_command(tlm::TLM_READ_COMMAND);
        const test::Sent sent = test::send(*socket[0], plain);
        message = sent.error;
        bare = sent.status;
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        CommandPayload<WeightBurst> cmd;
        cmd.payload().set_command(tlm::TLM_WRITE_COMMAND);
        socket->b_transport(cmd.for_transport(), delay);
        write = cmd.payload().get_response_status();
        cmd.payload().set_command(tlm::TLM_READ_COMMAND);
        cmd.payload().set_address(uint64_t{kMatrixCount} << kWeightWordBits);
        socket->b_transport(cmd.for_transport(), delay);
        store = cmd.payload().get_response_status();
    }
};

struct Bench {
    arch::DesignPoint design;
    std::unique_ptr<WeightMemory> memory;
    std::unique_ptr<TestInitiator> initiator;
};

std::unique_ptr<Bench> make_bench(const std::string& name, const arch::DesignPoint& d, std::vector<Read> reads) {
    auto b = std::make_unique<Bench>();
    b->design = d;
    b->memory = std::make_unique<WeightMemory>(("memory_" + name).c_str(), b->design);
    b->initiator = std::make_unique<TestInitiator>(("initiator_" + name).c_str(), std::move(reads));
    b->initiator->socket.bind(b->memory->socket);
    return b;
}

arch::DesignPoint m10k(int banks, int ports) {
    arch::DesignPoint d;
    d.weight_memory = arch::WeightMemory::m10k;
    d.weight_banks = banks;
    d.bram_ports = ports;
    return d;
}

// Checks every answer of a bench against `reference`, and the memory's counters against their sums.
template <class Reference>
void check_bench(const Bench& b, Reference reference) {
    Cost sum;
    uint64_t words = 0;
    const auto& in = *b.initiator;
    REQUIRE(in.answers.size() == in.reads.size());
    for (size_t i = 0; i < in.reads.size(); ++i) {
        const Read& r = in.reads[i];
        INFO(b.memory->name() << ": first word " << r.first << ", " << r.words << " words x " << r.steps << " steps");
        const Cost want = reference(r);
        CHECK(in.status[i] == tlm::TLM_OK_RESPONSE);
        CHECK(in.answers[i] == want);
        CHECK(in.delays[i] == sc_core::SC_ZERO_TIME);  // cycles are the authority: the memory leaves the delay alone
        sum.cycles += want.cycles;
        sum.stalls += want.stalls;
        sum.conflicts += want.conflicts;
        words += static_cast<uint64_t>(r.words) * static_cast<uint64_t>(r.steps);
    }
    CHECK(b.memory->stall_cycles() == sum.stalls);
    CHECK(b.memory->port_conflicts() == sum.conflicts);
    CHECK(b.memory->words_read() == words);
    CHECK(in.finished_at == in.period * static_cast<double>(sum.cycles));
}

}  // namespace

TEST_CASE("weight memory reference: hand-computed bank conflicts", "[memory][weight]") {
    // 8 words over 2 single-port banks: 4 per bank, 4 beats, 3 stalls, 3 waiting words per bank.
    CHECK(m10k_reference(2, 1, 0, 8, 1) == Cost{1 + 4, 3, 6});
    // words 3..7 over 4 dual-port banks: bank 3 gets words 3 and 7, both served at once.
    CHECK(m10k_reference(4, 2, 3, 5, 1) == Cost{1 + 1, 0, 0});
    // one dual-port bank, 2 steps of 5 words: 3 beats per step, 3 words wait in each.
    CHECK(m10k_reference(1, 2, 0, 5, 2) == Cost{1 + 3 + 3, 2 + 2, 3 + 3});
    // 64 banks, words 60..67 wrap around to banks 60..63, 0..3: no conflict.
    CHECK(m10k_reference(64, 1, 60, 8, 1) == Cost{1 + 1, 0, 0});
    // 17 words over 16 single-port banks: bank 0 gets two, one waits.
    CHECK(m10k_reference(16, 1, 0, 17, 1) == Cost{1 + 2, 1, 1});
}

TEST_CASE("weight memory M10K: stalls and port conflicts of every banks x ports, read by read", "[memory][weight][tlm]") {
    std::vector<std::unique_ptr<Bench>> benches;
    for (int banks : kBanks)
        for (int ports : kPorts)
            benches.push_back(make_bench("b" + std::to_string(banks) + "_p" + std::to_string(ports), m10k(banks, ports),
                                         read_pattern()));
    sc_core::sc_start();
    for (const auto& b : benches) {
        const int banks = b->design.weight_banks, ports = b->design.bram_ports;
        check_bench(*b, [&](const Read& r) { return m10k_reference(banks, ports, r.first, r.words, r.steps); });
    }
}

TEST_CASE("weight memory logic ROMs: one cycle per step, no latency, no stalls", "[memory][weight][tlm]") {
    arch::DesignPoint logic;
    logic.weight_memory = arch::WeightMemory::logic;
    auto b = make_bench("logic", logic, read_pattern());
    sc_core::sc_start();
    check_bench(*b, [](const Read& r) { return logic_reference(r.steps); });
}

TEST_CASE("weight memory rejects payloads without a WeightBurst, writes and unknown stores", "[memory][weight][tlm]") {
    arch::DesignPoint d = m10k(2, 1);
    WeightMemory memory("memory", d);
    Prober prober("prober");
    prober.socket.bind(memory.socket);
    sc_core::sc_start();
    CHECK(prober.bare == tlm::TLM_GENERIC_ERROR_RESPONSE);
    CHECK_THAT(prober.message, Catch::Contains("WeightBurst"));
    CHECK(prober.write == tlm::TLM_COMMAND_ERROR_RESPONSE);
    CHECK(prober.store == tlm::TLM_ADDRESS_ERROR_RESPONSE);
    CHECK(memory.words_read() == 0);
}
