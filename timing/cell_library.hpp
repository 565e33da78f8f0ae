// Cell delays of a yosys technology library, read from the specify blocks of
// its simulation models (for Cyclone V: yosys' share/intel_alm/common/*.v and
// cyclonev/cells_sim.v, the `ifdef cyclonev` sections). Combinational arcs
// `(A => Q) = 605;` (ps), clock-to-out `(posedge CLK => (Q : D)) = 731;` and
// setup `$setup(D, posedge CLK, 0);`. Nothing is typed in by hand: the delays
// are whatever the installed yosys ships.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace mgpt::timing {

struct TimingArc {
    std::string from;   // input port
    int from_bit = -1;  // a single bit of `from` (B1ADDR[0]), or -1 for the port
    std::string to;     // output port
    bool full = false;  // `*>`: every input bit to every output bit; `=>`: bit i to bit i
    double ns = 0;
};

struct CellTiming {
    std::string type;
    std::vector<TimingArc> arcs;                 // combinational
    std::map<std::string, double> clock_to_out;  // output port -> ns (worst condition)
    std::map<std::string, double> setup;         // input port -> ns
    bool sequential() const { return !clock_to_out.empty() || !setup.empty(); }
};

class CellLibrary {
public:
    // Reads every *.v under `dir` (recursively), keeping the sections active for
    // `family` (the `ifdef` name, e.g. "cyclonev"). Throws naming the file if none has timing.
    static CellLibrary load(const std::string& dir, const std::string& family);
    // The same from one file's text (`name` for errors).
    void add_verilog(const std::string& text, const std::string& family, const std::string& name);

    const CellTiming* find(const std::string& type) const;
    const std::map<std::string, CellTiming>& cells() const { return cells_; }

    // yosys' data directory (`yosys-config --datdir`, else /usr/share/yosys).
    static std::string default_yosys_share();

private:
    std::map<std::string, CellTiming> cells_;
};

}  // namespace mgpt::timing
