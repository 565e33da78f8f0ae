// The structural critical path of a mapped netlist: the longest path through
// the cells' own delays (no routing), from a launch point (a register's or
// block RAM's clock-to-out, or a top-level input at time 0) to a capture point
// (a register's data input plus its setup, or a top-level output). One linear
// pass in topological order; combinational loops are an error naming a net.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cell_library.hpp"
#include "netlist.hpp"

namespace mgpt::timing {

struct PathStep {
    std::string cell, type;  // the cell the signal passes ("" for the launch point)
    std::string from, to;    // its input and output port
    std::string net;         // the net it drives
    double delay_ns = 0;     // the arc's delay
    double arrival_ns = 0;   // at the end of this step
};

struct PathMakeup {
    int lut_levels = 0;              // ALUT/NOT cells on the path
    std::vector<int> carry_chains;   // bits of each carry chain traversed (CI -> CO hops + 1)
    int multipliers = 0;             // DSP multiplier cells
    int memory_reads = 0;            // MLAB/M10K read arcs
    int blackboxes = 0;              // stand-in delays of blackboxed cells
    std::string text() const;        // "7 LUT levels, carry chains 33+65, 1 multiplier"
};

struct CriticalPath {
    bool found = false;
    double ns = 0;        // arrival + setup at the capture point
    std::string start, end;           // net names (launch point, capture pin's net)
    std::string start_kind, end_kind; // "register", "m10k", "input", "blackbox"; "register", "output"
    std::vector<PathStep> steps;      // launch to capture
    PathMakeup makeup;
};

struct TimingReport {
    CriticalPath reg_to_reg;   // launched by a clock, captured by a clock
    CriticalPath any;          // also from top-level inputs or to top-level outputs
    // What a parent sees of this netlist as a blackbox: the latest arrival at a
    // top-level output launched by a clock inside, and the longest path from a
    // top-level input to a top-level output (the input's arrival subtracted).
    CriticalPath out_launch;
    CriticalPath in_to_out;
    // With TimingOptions::endpoint_groups: the longest register-to-register
    // path into each register group (a register's name without its bit index,
    // e.g. u.sumsq), longest first. What an architect retimes next is the
    // second and third entries, not only the first.
    std::vector<CriticalPath> by_endpoint;
    long cells = 0;
};

// The timing of a blackboxed cell (a submodule synthesized on its own): its
// outputs launch `launch_ns` after the clock (< 0: nothing inside is clocked
// to an output) and follow any of its inputs after `through_ns` (< 0: no
// combinational path through it).
struct BlackboxTiming {
    double launch_ns = -1, through_ns = -1;
};

struct TimingOptions {
    // Cells without timing in the library, by type or by module name (a
    // parameterised "$paramod$<hash>\\mgpt_tile" matches "mgpt_tile");
    // `any_blackbox` for every other untimed type (both unset: an untimed cell
    // is an error).
    std::map<std::string, BlackboxTiming> blackbox;
    std::optional<BlackboxTiming> any_blackbox;
    // Untimed cell types that behave as a library cell (e.g. yosys' M10K
    // placeholder cells as MISTRAL_M10K): every output launches at that cell's
    // clock-to-out, every input but the clocks is captured with its setup.
    std::map<std::string, std::string> like;
    // Arrival of the top-level inputs: 0, or a register's clock-to-out when a
    // component's inputs come from registers of its parent.
    double input_ns = 0;
    // Also fill TimingReport::by_endpoint.
    bool endpoint_groups = false;
};

// "u.sumsq[63]" -> "u.sumsq": the register group a capture point belongs to.
std::string endpoint_group(const std::string& net);

// Throws std::runtime_error for a cell type the library does not time and
// `options` does not cover, or a combinational loop.
TimingReport longest_paths(const Netlist& nl, const CellLibrary& lib, const TimingOptions& options = {});

}  // namespace mgpt::timing
