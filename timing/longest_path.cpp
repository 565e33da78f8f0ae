#include "longest_path.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <set>
#include <stdexcept>

namespace mgpt::timing {

namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();

enum class Source : uint8_t { none, input, launch, comb };

// What drives a net bit.
struct Driver {
    Source source = Source::none;
    int cell = -1, port = -1, bit = -1;
};

// Arrival of a bit along its longest path of one category, and where it came from.
struct Arrival {
    double t = kNone;
    int pred = -1;                   // the input bit of the driving cell on that path
    const TimingArc* arc = nullptr;  // the arc taken (null: the bit launches here)
};

// Paths launched by a clock (registers, block RAM, blackboxes' clocked
// outputs) and paths launched by the top-level inputs, kept apart.
enum Category { kClock = 0, kInput = 1 };

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

// yosys names a parameterised module "$paramod$<hash>\\NAME" (or "$paramod\\NAME\\P=V..."): NAME.
std::string module_name(const std::string& type) {
    if (!starts_with(type, "$paramod")) return type;
    const size_t a = type.find('\\');
    if (a == std::string::npos) return type;
    const size_t b = type.find('\\', a + 1);
    return type.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
}

class Analysis {
public:
    Analysis(const Netlist& nl, const CellLibrary& lib, const TimingOptions& o) : nl_(nl), opt_(o) {
        timing_.resize(nl.cells.size(), nullptr);
        launch_.resize(nl.cells.size(), -1);
        std::set<std::string> untimed;
        for (size_t c = 0; c < nl.cells.size(); ++c) {
            const auto& cell = nl.cells[c];
            timing_[c] = lib.find(cell.type);
            if (timing_[c]) continue;
            if (const auto l = o.like.find(cell.type); l != o.like.end()) {
                const CellTiming* model = lib.find(l->second);
                if (!model) throw std::runtime_error("cell type " + l->second + " (for " + cell.type + ") is not in the cell library");
                timing_[c] = like_timing(cell, *model);
                continue;
            }
            auto bb = o.blackbox.find(cell.type);
            if (bb == o.blackbox.end()) bb = o.blackbox.find(module_name(cell.type));
            if (bb == o.blackbox.end() && !o.any_blackbox) {
                untimed.insert(cell.type);
                continue;
            }
            timing_[c] = blackbox_timing(cell, bb != o.blackbox.end() ? bb->second : *o.any_blackbox);
            launch_[c] = bb != o.blackbox.end() ? bb->second.launch_ns : o.any_blackbox->launch_ns;
        }
        if (!untimed.empty()) {
            std::string s;
            for (const auto& t : untimed) s += (s.empty() ? "" : ", ") + t;
            throw std::runtime_error("no timing for cell type(s) " + s +
                                     " (not in the cell library; give a blackbox stand-in)");
        }
        drivers_.resize(static_cast<size_t>(nl.max_bit) + 1);
        for (auto& a : arrival_) a.resize(drivers_.size());
        state_.resize(drivers_.size(), 0);
        for (const auto& p : nl.inputs)
            for (int b : p.bits)
                if (b >= 0) drivers_[static_cast<size_t>(b)] = {Source::input, -1, -1, -1};
        for (size_t c = 0; c < nl.cells.size(); ++c) {
            const auto& cell = nl.cells[c];
            for (size_t p = 0; p < cell.outputs.size(); ++p)
                for (size_t i = 0; i < cell.outputs[p].bits.size(); ++i) {
                    const int b = cell.outputs[p].bits[i];
                    if (b < 0) continue;
                    const bool launch = timing_[c]->clock_to_out.count(cell.outputs[p].name) > 0;
                    drivers_[static_cast<size_t>(b)] = {launch ? Source::launch : Source::comb, static_cast<int>(c),
                                                        static_cast<int>(p), static_cast<int>(i)};
                }
        }
    }

    TimingReport run() {
        TimingReport r;
        r.cells = static_cast<long>(nl_.cells.size());
        // Capture points: setup pins of clocked cells, and the top's outputs.
        for (size_t c = 0; c < nl_.cells.size(); ++c)
            for (const auto& [port, setup] : timing_[c]->setup) {
                const NetlistPort* in = nl_.cells[c].input(port);
                if (!in) continue;
                for (int b : in->bits) capture(b, setup, &nl_.cells[c], port, r);
            }
        for (const auto& p : nl_.outputs)
            for (int b : p.bits) capture(b, 0.0, nullptr, p.name, r);
        if (r.in_to_out.found) r.in_to_out.ns -= opt_.input_ns;
        for (const auto& [group, g] : groups_) {
            CriticalPath p;
            consider(p, g.bit, kClock, g.ns, g.cell, g.port);
            r.by_endpoint.push_back(std::move(p));
        }
        std::sort(r.by_endpoint.begin(), r.by_endpoint.end(),
                  [](const CriticalPath& a, const CriticalPath& b) { return a.ns > b.ns || (a.ns == b.ns && a.end < b.end); });
        return r;
    }

private:
    // A blackbox as a cell: every input reaches every output after
    // `through_ns`, and (launch_ns >= 0) its outputs also launch on the clock.
    const CellTiming* blackbox_timing(const NetlistCell& cell, const BlackboxTiming& b) {
        auto t = std::make_unique<CellTiming>();
        t->type = cell.type;
        if (b.through_ns >= 0)
            for (const auto& in : cell.inputs)
                for (const auto& out : cell.outputs) t->arcs.push_back({in.name, -1, out.name, true, b.through_ns});
        synthetic_.push_back(std::move(t));
        return synthetic_.back().get();
    }

    // A cell timed as `model`: its worst clock-to-out on every output, its worst setup on every non-clock input.
    const CellTiming* like_timing(const NetlistCell& cell, const CellTiming& model) {
        double clk = 0, setup = 0;
        for (const auto& [p, d] : model.clock_to_out) clk = std::max(clk, d);
        for (const auto& [p, d] : model.setup) setup = std::max(setup, d);
        auto t = std::make_unique<CellTiming>();
        t->type = cell.type;
        for (const auto& out : cell.outputs) t->clock_to_out[out.name] = clk;
        for (const auto& in : cell.inputs)
            if (in.name.find("CLK") == std::string::npos) t->setup[in.name] = setup;
        synthetic_.push_back(std::move(t));
        return synthetic_.back().get();
    }

    void consider(CriticalPath& best, int bit, int cat, double t, const NetlistCell* cell, const std::string& port) {
        if (best.found && t <= best.ns) return;
        best = trace(bit, cat);
        best.ns = t;
        if (!cell) {
            best.end = port;
            best.end_kind = "output";
            return;
        }
        best.end = capture_name(*cell);
        best.end_kind = starts_with(cell->type, "MISTRAL_FF") ? "register" : cell->type;
    }

    void capture(int bit, double setup, const NetlistCell* cell, const std::string& port, TimingReport& r) {
        if (bit < 0) return;
        evaluate(bit);
        for (int cat : {kClock, kInput}) {
            const double t = arrival_[cat][static_cast<size_t>(bit)].t;
            if (t == kNone) continue;
            consider(r.any, bit, cat, t + setup, cell, port);
            if (cat == kClock && cell) {
                consider(r.reg_to_reg, bit, cat, t + setup, cell, port);
                if (opt_.endpoint_groups) note_group(bit, t + setup, cell, port);
            }
            if (cat == kClock && !cell) consider(r.out_launch, bit, cat, t, cell, port);
            if (cat == kInput && !cell) consider(r.in_to_out, bit, cat, t, cell, port);
        }
    }

    // A register is named by its output (the register's own name), other cells by the cell.
    std::string capture_name(const NetlistCell& cell) const {
        const bool named = !cell.outputs.empty() && !cell.outputs[0].bits.empty() && cell.outputs[0].bits[0] >= 0;
        return named ? nl_.name_of(cell.outputs[0].bits[0]) : cell.name;
    }

    // The longest capture so far of the register group `cell` belongs to (traced at the end).
    void note_group(int bit, double t, const NetlistCell* cell, const std::string& port) {
        Capture& g = groups_[endpoint_group(capture_name(*cell))];
        if (g.bit < 0 || t > g.ns) g = {t, bit, cell, port};
    }

    std::string launch_kind(int cell) const {
        const auto& c = nl_.cells[static_cast<size_t>(cell)];
        if (launch_[static_cast<size_t>(cell)] >= 0) return "blackbox";
        if (starts_with(c.type, "MISTRAL_FF")) return "register";
        if (starts_with(c.type, "MISTRAL_M10K") || opt_.like.count(c.type)) return "m10k";
        return c.type;
    }

    CriticalPath trace(int bit, int cat) const {
        CriticalPath p;
        p.found = true;
        std::vector<PathStep> rev;
        for (int b = bit;;) {
            const Arrival& a = arrival_[cat][static_cast<size_t>(b)];
            const Driver& d = drivers_[static_cast<size_t>(b)];
            PathStep s;
            s.net = nl_.name_of(b);
            s.arrival_ns = a.t;
            if (d.cell >= 0) {
                const auto& cell = nl_.cells[static_cast<size_t>(d.cell)];
                s.cell = cell.name;
                s.type = cell.type;
                s.to = cell.outputs[static_cast<size_t>(d.port)].name;
            }
            if (!a.arc) {  // the launch point
                s.delay_ns = a.t;
                p.start_kind = d.source == Source::input ? "input" : launch_kind(d.cell);
                p.start = s.net;
                rev.push_back(s);
                break;
            }
            s.from = a.arc->from;
            s.delay_ns = a.arc->ns;
            rev.push_back(s);
            b = a.pred;
        }
        p.steps.assign(rev.rbegin(), rev.rend());
        p.makeup = makeup(p.steps, p.start_kind);
        return p;
    }

    PathMakeup makeup(const std::vector<PathStep>& steps, const std::string& start_kind) const {
        PathMakeup m;
        m.memory_reads += start_kind == "m10k";  // a block RAM launch (MISTRAL_M10K or a cell timed like it)
        m.blackboxes += start_kind == "blackbox";
        int chain = 0;
        for (size_t i = 1; i < steps.size(); ++i) {
            const PathStep& s = steps[i];
            const bool arith = s.type == "MISTRAL_ALUT_ARITH";
            if (arith && s.from == "CI") {
                ++chain;
            } else {
                if (chain) m.carry_chains.push_back(chain);
                chain = arith ? 1 : 0;
            }
            if (!arith && (starts_with(s.type, "MISTRAL_ALUT") || s.type == "MISTRAL_NOT")) ++m.lut_levels;
            if (starts_with(s.type, "MISTRAL_MUL")) ++m.multipliers;
            if (starts_with(s.type, "MISTRAL_MLAB")) ++m.memory_reads;
            if (!starts_with(s.type, "MISTRAL_")) ++m.blackboxes;
        }
        if (chain) m.carry_chains.push_back(chain);
        return m;
    }

    // Fan-in bits of output bit `d` of a combinational cell, with the arc each takes.
    template <typename F>
    void for_each_fanin(const Driver& d, F&& f) const {
        const auto& cell = nl_.cells[static_cast<size_t>(d.cell)];
        const std::string& out = cell.outputs[static_cast<size_t>(d.port)].name;
        for (const auto& arc : timing_[static_cast<size_t>(d.cell)]->arcs) {
            if (arc.to != out) continue;
            const NetlistPort* in = cell.input(arc.from);
            if (!in) continue;
            if (arc.from_bit >= 0) {
                if (static_cast<size_t>(arc.from_bit) < in->bits.size()) f(in->bits[static_cast<size_t>(arc.from_bit)], arc);
            } else if (arc.full) {
                for (int b : in->bits) f(b, arc);
            } else if (static_cast<size_t>(d.bit) < in->bits.size()) {
                f(in->bits[static_cast<size_t>(d.bit)], arc);
            }
        }
    }

    // Where a bit launches, if it does: top-level inputs, clocked outputs, blackboxes' clocked outputs.
    void seed(int bit) {
        const Driver& d = drivers_[static_cast<size_t>(bit)];
        if (d.source == Source::input) {
            arrival_[kInput][static_cast<size_t>(bit)].t = opt_.input_ns;
        } else if (d.source == Source::launch) {
            const auto& cell = nl_.cells[static_cast<size_t>(d.cell)];
            arrival_[kClock][static_cast<size_t>(bit)].t =
                timing_[static_cast<size_t>(d.cell)]->clock_to_out.at(cell.outputs[static_cast<size_t>(d.port)].name);
        } else if (d.source == Source::comb && launch_[static_cast<size_t>(d.cell)] >= 0) {
            arrival_[kClock][static_cast<size_t>(bit)].t = launch_[static_cast<size_t>(d.cell)];
        }
    }

    // Arrival times of `bit` and its whole fan-in cone (iterative: carry chains are long).
    void evaluate(int root) {
        if (state_[static_cast<size_t>(root)] == 2) return;
        std::vector<int> stack{root};
        while (!stack.empty()) {
            const int b = stack.back();
            uint8_t& st = state_[static_cast<size_t>(b)];
            if (st == 2) {
                stack.pop_back();
                continue;
            }
            const Driver& d = drivers_[static_cast<size_t>(b)];
            if (d.source != Source::comb) {
                seed(b);
                st = 2;
                stack.pop_back();
                continue;
            }
            if (st == 0) {
                st = 1;
                for_each_fanin(d, [&](int in, const TimingArc&) {
                    if (in < 0) return;
                    if (state_[static_cast<size_t>(in)] == 1)
                        throw std::runtime_error("combinational loop through net " + nl_.name_of(in) + " (cell " +
                                                 nl_.cells[static_cast<size_t>(d.cell)].name + ")");
                    if (state_[static_cast<size_t>(in)] == 0) stack.push_back(in);
                });
                continue;
            }
            seed(b);
            for (int cat : {kClock, kInput}) {
                Arrival& out = arrival_[cat][static_cast<size_t>(b)];
                for_each_fanin(d, [&](int in, const TimingArc& arc) {
                    if (in < 0) return;
                    const double t = arrival_[cat][static_cast<size_t>(in)].t;
                    if (t != kNone && t + arc.ns > out.t) out = {t + arc.ns, in, &arc};
                });
            }
            st = 2;
            stack.pop_back();
        }
    }

    const Netlist& nl_;
    const TimingOptions& opt_;
    std::vector<const CellTiming*> timing_;
    std::vector<double> launch_;  // blackboxes' clock-to-out (< 0: none or not a blackbox)
    std::vector<std::unique_ptr<CellTiming>> synthetic_;
    std::vector<Driver> drivers_;
    std::vector<Arrival> arrival_[2];
    std::vector<uint8_t> state_;  // 0 unvisited, 1 expanding, 2 done
    struct Capture {
        double ns = 0;
        int bit = -1;
        const NetlistCell* cell = nullptr;
        std::string port;
    };
    std::map<std::string, Capture> groups_;  // by endpoint_group()
};

}  // namespace

std::string PathMakeup::text() const {
    std::string s = std::to_string(lut_levels) + " LUT level" + (lut_levels == 1 ? "" : "s");
    if (!carry_chains.empty()) {
        s += ", carry chain" + std::string(carry_chains.size() == 1 ? " " : "s ");
        for (size_t i = 0; i < carry_chains.size(); ++i) s += (i ? "+" : "") + std::to_string(carry_chains[i]);
        s += " bits";
    }
    if (multipliers) s += ", " + std::to_string(multipliers) + " multiplier" + (multipliers == 1 ? "" : "s");
    if (memory_reads) s += ", " + std::to_string(memory_reads) + " memory read" + (memory_reads == 1 ? "" : "s");
    if (blackboxes) s += ", " + std::to_string(blackboxes) + " blackbox stand-in" + (blackboxes == 1 ? "" : "s");
    return s;
}

std::string endpoint_group(const std::string& net) {
    if (net.empty() || net.back() != ']') return net;
    const size_t open = net.rfind('[');
    return open == std::string::npos ? net : net.substr(0, open);
}

TimingReport longest_paths(const Netlist& nl, const CellLibrary& lib, const TimingOptions& options) {
    return Analysis(nl, lib, options).run();
}

}  // namespace mgpt::timing
