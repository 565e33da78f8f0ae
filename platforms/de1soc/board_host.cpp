#include "board_host.hpp"

#include <sstream>

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
    check(out_.id == rm::kMgptId, "ID reads 'MGPT' (" + hex(out_.id) + ")");
    check(out_.version == rm::kMgptVersion, "VERSION reads 1.0 (" + hex(out_.version) + ")");
    check(out_.bos == 26, "BOS reads 26");
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
    check(!(rd(rm::kStatus) & rm::kError), "CONTROL.clear clears every cause");
}

void BoardHost::configure() {
    config_ = rm::config_word(settings_.max_steps, settings_.greedy, settings_.temperature);
    wr(rm::kConfig, config_);
    wr(rm::kSeed, settings_.seed);
    check(rd(rm::kConfig) == config_, "CONFIG reads back " + hex(config_));
    check(rd(rm::kSeed) == settings_.seed, "SEED reads back " + hex(settings_.seed));
}

// Writes that would change a running generation: every one must be refused.
void BoardHost::write_into_running_generation(const std::string& when) {
    wr(rm::kConfig, rm::config_word(3, !settings_.greedy, 0x0200));
    wr(rm::kSeed, 0x12345678);
    wr(rm::kControl, rm::kClear);
    wr(rm::kControl, rm::kStart);
    const uint32_t v = rd(kUnmapped);
    const uint32_t s = rd(rm::kStatus);
    check(s & rm::kBusy, "the generation is still running (" + when + ")");
    check((s & rm::kErrBusy) && (s & rm::kErrAddress) && !(s & rm::kErrValue) && v == rm::kBadRead,
          "writes to CONFIG, SEED, CONTROL while busy set error/busy, the unmapped read error/address (" + when +
              ", STATUS " + hex(s) + ")");
    check(rd(rm::kConfig) == config_, "CONFIG unchanged by the refused write (" + when + ")");
}

NameRecord BoardHost::generate(int index) {
    const bool held = settings_.write_while_busy && index == 0;
    const bool running = settings_.write_while_busy && index == 1;
    if (held) {
        set_switches_(0);  // SW0 low: the sequencer waits before its first step
        cycles(4);         // once the switch has passed its synchronizer
    }
    wr(rm::kControl, rm::kStart);
    if (held) {
        cycles(100);
        const uint32_t s = rd(rm::kStatus);
        check((s & rm::kBusy) && !(s & rm::kEnabled) && rm::status_position(s) == 0 && rd(rm::kCycles) == 0,
              "SW0 low holds a started generation before its first step (STATUS " + hex(s) + ")");
        write_into_running_generation("held by SW0");
        set_switches_(kSwEnable);
    }
    if (running) write_into_running_generation("while the core computes");
    NameRecord r;
    int polls = 0;
    do {
        cycles(settings_.poll_cycles);
        r.status = rd(rm::kStatus);
    } while ((r.status & rm::kBusy) && ++polls < kMaxPolls);
    const int length = rm::status_length(r.status);
    for (int i = 0; i < length && i < rm::kTokenWindow; ++i) r.tokens.push_back(static_cast<int>(rd(rm::kTokens + 4 * i)));
    r.cycles = rd(rm::kCycles);
    r.pins = read_pins_();
    const std::string n = "name " + std::to_string(index);
    check((r.status & rm::kDone) && !(r.status & rm::kBusy), n + ": STATUS done (" + hex(r.status) + ")");
    if (held || running) {
        check((r.status & rm::kErrBusy) != 0, n + ": error/busy still flagged after the generation");
        wr(rm::kControl, rm::kClear);
        const uint32_t s = rd(rm::kStatus);
        check(!(s & rm::kError) && rm::status_length(s) == 0 && rd(rm::kCycles) == 0,
              n + ": CONTROL.clear clears error, length and CYCLES");
    } else {
        check(!(r.status & rm::kError), n + ": no error");
    }
    return r;
}

void BoardHost::run() {
    set_switches_(kSwReset);  // SW1 up: reset
    cycles(4);
    set_switches_(kSwEnable);  // SW1 down, SW0 up: enabled
    cycles(16);                // PLL lock (simulation model: 8 cycles) and the synchronizers
    identify();
    probe_errors();
    configure();
    for (int n = 0; n < settings_.count; ++n) out_.names.push_back(generate(n));
    out_.final_seed = rd(rm::kSeed);
    sc_core::sc_stop();
}

}  // namespace mgpt::de1soc
