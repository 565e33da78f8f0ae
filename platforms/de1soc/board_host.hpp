// The host of the board-level co-simulation: a TLM-2.0 initiator that drives
// the DE1-SoC top level through its register interface exactly as the System
// Console runner (rtl/de1soc/quartus/run_on_board.tcl.in) drives the board:
//
//   identify   read ID, VERSION, BOS, CLOCK_HZ, DESIGN_TAG, SLOTS
//   probe      unmapped read, write to a read-only register, CONFIG with max
//              steps 0, COUNT 0, SLOT_SEL S: each sets its error cause;
//              CONTROL.clear clears them
//   configure  write CONFIG, COUNT, SEED (slot 0) and each further slot's seed
//              (SLOT_SEL, SLOT_SEED), read them back
//   per run    write CONTROL.start, poll STATUS until not busy, read STATUS and
//              CYCLES (the run's makespan); per name of the run: RESULT_SEL,
//              RESULT, the token window, RESULT_CYCLES, the board's pins
//   finish     read each slot's carried RNG state
//
// A run is COUNT names: one with one slot (register map 1.0's sequence, one
// start per name), the whole workload with S > 1 (every slot busy from one
// common start, so CYCLES is the workload's makespan).
//
// Beyond the runner (which cannot time a write into a running generation over
// JTAG), the simulation host also writes into running generations: run 0
// starts with SW0 (enable) low, so it is held busy at position 0 while the
// host writes CONFIG, SEED, CONTROL and an unmapped address; then SW0 goes
// high. Run 1 (run 0 after SW0 went high, with a single run) gets the same
// writes while the core computes. Both must set the error bits and leave the
// names' tokens and cycles untouched.
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "arch/design_point.hpp"
#include "cli/sampling_options.hpp"

namespace mgpt::de1soc {

struct HostSettings {
    int count = 4;
    int slots = 1;                     // the core's S (the SLOTS register must agree)
    std::vector<uint32_t> slot_seeds;  // slot s's first RNG state (golden::slot_seed); [0] is the seed
    uint32_t seed = 2;
    bool greedy = false;
    uint16_t temperature = 0x0080;
    int max_steps = 16;
    int poll_cycles = 64;         // core cycles between two STATUS polls
    bool write_while_busy = true;  // the simulation-only probes of names 0 and 1
};

// The host's settings for a design point's workload: its slots and their seeds
// (golden::slot_seed). Throws cli::UsageError when the workload does not fit
// one run: with S > 1 every name runs from one start (so that CYCLES is the
// workload's makespan), at most regmap::kResultNames of them.
HostSettings host_settings(const arch::DesignPoint& d, const cli::SamplingOptions& o);

// What the board shows: LEDR and HEX0..HEX5 (active low), as pin values.
struct BoardPins {
    uint32_t ledr = 0;
    std::array<uint32_t, 6> hex{};
};

struct HostCheck {
    std::string what;
    bool ok;
};

struct NameRecord {
    std::vector<int> tokens;  // from the token window
    uint32_t status = 0;      // STATUS after its run
    uint32_t result = 0;      // RESULT: length, name, slot, done
    uint32_t cycles = 0;      // RESULT_CYCLES: cycles its slot was busy on it
    BoardPins pins;           // the board showing it (RESULT_SEL = the name)
};

struct BoardRun {
    uint32_t id = 0, version = 0, bos = 0, clock_hz = 0, design_tag = 0, slots = 0;
    std::vector<uint32_t> final_seeds;  // per slot, after the workload (slot 0: SEED)
    uint64_t makespan = 0;              // CYCLES summed over the runs
    std::vector<NameRecord> names;
    std::vector<HostCheck> checks;  // register-protocol checks (error bits, read-backs)
    uint64_t bus_transfers = 0;
};

class BoardHost : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<BoardHost> bus;

    // `set_switches(sw)` drives SW[9:0]; `read_pins()` samples LEDR and HEX.
    BoardHost(sc_core::sc_module_name name, const HostSettings& settings, sc_core::sc_time clock_period,
              std::function<void(uint32_t)> set_switches, std::function<BoardPins()> read_pins, BoardRun& out);

private:
    void run();
    void identify();
    void probe_errors();
    void configure();
    void run_names(int run, int first, int count);
    int names_per_run() const;
    void write_into_running_generation(const std::string& when);
    void transfer(tlm::tlm_command command, uint32_t address, uint32_t& data);
    uint32_t rd(uint32_t address);
    void wr(uint32_t address, uint32_t value);
    void cycles(int n) { sc_core::wait(period_ * static_cast<double>(n)); }
    void check(bool ok, const std::string& what) { out_.checks.push_back({what, ok}); }

    const HostSettings settings_;
    const sc_core::sc_time period_;
    std::function<void(uint32_t)> set_switches_;
    std::function<BoardPins()> read_pins_;
    BoardRun& out_;
    uint32_t config_ = 0;
};

}  // namespace mgpt::de1soc
