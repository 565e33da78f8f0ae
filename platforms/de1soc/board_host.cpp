#include "board_host.hpp"

#include <algorithm>
#include <sstream>

#include "cli/usage.hpp"
#include "model/golden_slots.hpp"
#include "regmap.hpp"

namespace mgpt::de1soc {

namespace rm = regmap;

namespace {

constexpr uint32_t kUnmapped = rm::kWindowBytes - 4;  // inside the bridge's window, outside the map
constexpr uint32_t kSwEnable = 1u << 0, kSwReset = 1u << 1;
constexpr int kMaxPolls = 100000;

std::string hex(uint32_t v) {
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}

}  // namespace

HostSettings host_settings(const arch::DesignPoint& d, const cli::SamplingOptions& o) {
    if (d.sequences > 1 && o.count > rm::kResultNames)
        throw cli::UsageError("--count " + std::to_string(o.count) + " is out of range for sequences = " +
                              std::to_string(d.sequences) + " on the board (legal: 1.." +
                              std::to_string(rm::kResultNames) +
                              ": one start runs every name, the register map's results table holds " +
                              std::to_string(rm::kResultNames) + ")");
    HostSettings hs;
    hs.count = o.count;
    hs.slots = d.sequences;
    hs.seed = o.seed;
    for (int g = 0; g < d.sequences; ++g) hs.slot_seeds.push_back(golden::slot_seed(o.seed, g));
    hs.greedy = o.gen.greedy;
    hs.temperature = o.gen.temperature;
    return hs;
}

BoardHost::BoardHost(sc_core::sc_module_name name, const HostSettings& settings, sc_core::sc_time clock_period,
                     std::function<void(uint32_t)> set_switches, std::function<BoardPins()> read_pins, BoardRun& out)
    : sc_module(name), bus("bus"), settings_(settings), period_(clock_period), set_switches_(std::move(set_switches)),
      read_pins_(std::move(read_pins)), out_(out) {
    SC_HAS_PROCESS(BoardHost);
    SC_THREAD(run);
}

// One 32-bit Avalon-MM transfer through the bus initiator.
void BoardHost::transfer(tlm::tlm_command command, uint32_t address, uint32_t& data) {
    tlm::tlm_generic_payload t;
    t.set_command(command);
    t.set_address(address);
    t.set_data_ptr(reinterpret_cast<unsigned char*>(&data));  // the host is little-endian, as the bus
    t.set_data_length(4);
    t.set_streaming_width(4);
    t.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    bus->b_transport(t, delay);
    ++out_.bus_transfers;
    if (t.is_response_error())
        check(false, std::string(command == tlm::TLM_READ_COMMAND ? "read " : "write ") + hex(address) + ": " +
                         t.get_response_string());
}

uint32_t BoardHost::rd(uint32_t address) {
    uint32_t v = 0;
    transfer(tlm::TLM_READ_COMMAND, address, v);
    return v;
}

void BoardHost::wr(uint32_t address, uint32_t value) { transfer(tlm::TLM_WRITE_COMMAND, address, value); }

void BoardHost::identify() {
    out_.id = rd(rm::kId);
    out_.version = rd(rm::kVersion);
    out_.bos = rd(rm::kBos);
    out_.clock_hz = rd(rm::kClockHz);
    out_.design_tag = rd(rm::kDesignTag);
    out_.slots = rd(rm::kSlots);
    check(out_.id == rm::kMgptId, "ID reads 'MGPT' (" + hex(out_.id) + ")");
    check(out_.version == rm::kMgptVersion, "VERSION reads 2.0 (" + hex(out_.version) + ")");
    check(out_.bos == 26, "BOS reads 26");
    check(out_.slots == (static_cast<uint32_t>(rm::kResultNames) << 8 | static_cast<uint32_t>(settings_.slots)),
          "SLOTS reads " + std::to_string(settings_.slots) + " slots, " + std::to_string(rm::kResultNames) +
              " result entries (" + hex(out_.slots) + ")");
}

void BoardHost::probe_errors() {
    uint32_t s = rd(rm::kStatus);
    check((s & rm::kReady) && (s & rm::kLocked) && (s & rm::kEnabled) && !(s & rm::kError),
          "after reset: ready, PLL locked, SW0 enabled, no error (STATUS " + hex(s) + ")");
    const uint32_t v = rd(kUnmapped);
    s = rd(rm::kStatus);
    check(v == rm::kBadRead && (s & rm::kError) && (s & rm::kErrAddress) && !(s & rm::kErrBusy),
          "unmapped read returns 0xDEADBEEF and sets error/address (STATUS " + hex(s) + ")");
    wr(rm::kControl, rm::kClear);
    check(!(rd(rm::kStatus) & rm::kError), "CONTROL.clear clears the error bit");
    wr(rm::kId, 0);
    s = rd(rm::kStatus);
    check((s & rm::kErrAddress) && rd(rm::kId) == rm::kMgptId, "write to read-only ID sets error/address, ID unchanged");
    wr(rm::kControl, rm::kClear);
    const uint32_t before = rd(rm::kConfig);
    wr(rm::kConfig, rm::config_word(0, true, 0x0100));
    s = rd(rm::kStatus);
    check((s & rm::kErrValue) && !(s & rm::kErrAddress) && rd(rm::kConfig) == before,
          "CONFIG with max steps 0 sets error/value and is ignored");
    wr(rm::kControl, rm::kClear);
    wr(rm::kCount, 0);
    wr(rm::kSlotSel, static_cast<uint32_t>(settings_.slots));
    wr(rm::kResultSel, rm::kResultNames);
    s = rd(rm::kStatus);
    check((s & rm::kErrValue) && !(s & rm::kErrAddress) && rd(rm::kCount) == 1 && rd(rm::kSlotSel) == 0 &&
              rd(rm::kResultSel) == 0,
          "COUNT 0, SLOT_SEL = SLOTS and RESULT_SEL past the table set error/value and are ignored");
    wr(rm::kControl, rm::kClear);
    check(!(rd(rm::kStatus) & rm::kError), "CONTROL.clear clears every cause");
}

int BoardHost::names_per_run() const { return settings_.slots == 1 ? 1 : settings_.count; }

void BoardHost::configure() {
    config_ = rm::config_word(settings_.max_steps, settings_.greedy, settings_.temperature);
    wr(rm::kConfig, config_);
    wr(rm::kSeed, settings_.seed);
    check(rd(rm::kConfig) == config_, "CONFIG reads back " + hex(config_));
    check(rd(rm::kSeed) == settings_.seed, "SEED reads back " + hex(settings_.seed));
    if (settings_.slots == 1) return;  // COUNT stays 1 and slot 0 is SEED: register map 1.0's sequence
    const uint32_t count = static_cast<uint32_t>(names_per_run());
    wr(rm::kCount, count);
    check(rd(rm::kCount) == count, "COUNT reads back " + std::to_string(count));
    for (int g = 1; g < settings_.slots; ++g) {
        wr(rm::kSlotSel, static_cast<uint32_t>(g));
        wr(rm::kSlotSeed, settings_.slot_seeds.at(g));
    }
    bool same = true;
    for (int g = 0; g < settings_.slots; ++g) {
        wr(rm::kSlotSel, static_cast<uint32_t>(g));
        same = same && rd(rm::kSlotSeed) == settings_.slot_seeds.at(g);
    }
    check(same, "SLOT_SEED reads back every slot's seed (golden::slot_seed)");
}

// Writes that would change a running generation: every one must be refused.
void BoardHost::write_into_running_generation(const std::string& when) {
    wr(rm::kConfig, rm::config_word(3, !settings_.greedy, 0x0200));
    wr(rm::kSeed, 0x12345678);
    wr(rm::kControl, rm::kClear);
    wr(rm::kControl, rm::kStart);
    wr(rm::kCount, 2);
    wr(rm::kSlotSeed, 0x9abcdef0);
    const uint32_t v = rd(kUnmapped);
    const uint32_t s = rd(rm::kStatus);
    check(s & rm::kBusy, "the generation is still running (" + when + ")");
    check((s & rm::kErrBusy) && (s & rm::kErrAddress) && !(s & rm::kErrValue) && v == rm::kBadRead,
          "writes to CONFIG, SEED, CONTROL while busy set error/busy (COUNT, SLOT_SEED too), the unmapped read error/address (" + when +
              ", STATUS " + hex(s) + ")");
    check(rd(rm::kConfig) == config_ && rd(rm::kCount) == static_cast<uint32_t>(names_per_run()),
          "CONFIG and COUNT unchanged by the refused writes (" + when + ")");
}

// One run: COUNT names from one start, then each name's result entry.
void BoardHost::run_names(int run, int first, int count) {
    const bool held = settings_.write_while_busy && run == 0;
    const bool single_run = names_per_run() >= settings_.count;
    const bool running = settings_.write_while_busy && (single_run ? run == 0 : run == 1);
    if (held) {
        set_switches_(0);  // SW0 low: the sequencer waits before its first step
        cycles(4);         // once the switch has passed its synchronizer
    }
    wr(rm::kControl, rm::kStart);
    if (held) {
        cycles(100);
        const uint32_t s = rd(rm::kStatus);
        check((s & rm::kBusy) && !(s & rm::kEnabled) && rm::status_position(s) == 0 && rd(rm::kCycles) == 0,
              "SW0 low holds a started run before its first step (STATUS " + hex(s) + ")");
        write_into_running_generation("held by SW0");
        set_switches_(kSwEnable);
    }
    if (running) {
        if (held) cycles(8);  // SW0 through its synchronizer: the slots have started
        write_into_running_generation("while the core computes");
    }
    uint32_t status = 0;
    int polls = 0;
    do {
        cycles(settings_.poll_cycles);
        status = rd(rm::kStatus);
    } while ((status & rm::kBusy) && ++polls < kMaxPolls);
    const uint32_t makespan = rd(rm::kCycles);
    out_.makespan += makespan;
    const std::string r = "run " + std::to_string(run);
    check((status & rm::kDone) && !(status & rm::kBusy), r + ": STATUS done (" + hex(status) + ")");
    for (int j = 0; j < count; ++j) {
        NameRecord n;
        n.status = status;
        wr(rm::kResultSel, static_cast<uint32_t>(j));
        n.result = rd(rm::kResult);
        const int length = rm::result_length(n.result);
        for (int i = 0; i < length && i < rm::kTokenWindow; ++i)
            n.tokens.push_back(static_cast<int>(rd(rm::kTokens + 4 * i)));
        n.cycles = rd(rm::kResultCycles);
        n.pins = read_pins_();
        const int index = first + j;
        check((n.result & rm::kResultDone) && rm::result_name(n.result) == j &&
                  rm::result_slot(n.result) == index % settings_.slots && length == rm::status_length(rd(rm::kStatus)),
              "name " + std::to_string(index) + ": RESULT done, name " + std::to_string(j) + " of the run, slot " +
                  std::to_string(index % settings_.slots) + ", STATUS.length its length (" + hex(n.result) + ")");
        out_.names.push_back(n);
    }
    if (held || running) {
        check((status & rm::kErrBusy) != 0, r + ": error/busy still flagged after the run");
        wr(rm::kControl, rm::kClear);
        const uint32_t s = rd(rm::kStatus);
        check(!(s & rm::kError) && rm::status_length(s) == 0 && rd(rm::kCycles) == 0 &&
                  !(rd(rm::kResult) & rm::kResultDone),
              r + ": CONTROL.clear clears error, the results and CYCLES");
    } else {
        check(!(status & rm::kError), r + ": no error");
    }
    wr(rm::kResultSel, 0);
}

void BoardHost::run() {
    set_switches_(kSwReset);  // SW1 up: reset
    cycles(4);
    set_switches_(kSwEnable);  // SW1 down, SW0 up: enabled
    cycles(16);                // PLL lock (simulation model: 8 cycles) and the synchronizers
    identify();
    probe_errors();
    configure();
    const int per_run = names_per_run();
    for (int first = 0, run = 0; first < settings_.count; first += per_run, ++run)
        run_names(run, first, std::min(per_run, settings_.count - first));
    out_.final_seeds.push_back(rd(rm::kSeed));
    for (int g = 1; g < settings_.slots; ++g) {
        wr(rm::kSlotSel, static_cast<uint32_t>(g));
        out_.final_seeds.push_back(rd(rm::kSlotSeed));
    }
    sc_core::sc_stop();
}

}  // namespace mgpt::de1soc
