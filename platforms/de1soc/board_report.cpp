#include "board_report.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <libfccp/csv.h>

#include "arch/pll.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "model/golden_slots.hpp"
#include "prediction.hpp"

namespace mgpt::de1soc {

namespace {

std::string hex(uint32_t v) {
    std::ostringstream os;
    os << "0x" << std::hex << v;
    return os.str();
}

// The pins the board must show after a name (mgpt_display.sv's contract).
BoardPins expected_pins(const std::vector<int>& tokens, uint32_t status) {
    BoardPins p;
    const uint32_t last = tokens.empty() ? 26u : static_cast<uint32_t>(tokens.back());
    const auto bit = [status](uint32_t mask) { return (status & mask) ? 1u : 0u; };
    p.ledr = last << 5 | bit(1u << 4) << 4 | bit(1u << 5) << 3 | bit(1u << 3) << 2 | bit(1u << 2) << 1 | bit(1u << 1);
    const int len = static_cast<int>(tokens.size());
    for (int d = 0; d < 6; ++d) p.hex[d] = ~(d < len ? seven_segments(tokens[len - 1 - d]) : 0u) & 0x7F;
    return p;
}

}  // namespace

uint32_t seven_segments(int token) {
    static const uint32_t font[26] = {0x77, 0x7C, 0x39, 0x5E, 0x79, 0x71, 0x3D, 0x74, 0x30, 0x1E, 0x75, 0x38, 0x15,
                                      0x54, 0x5C, 0x73, 0x67, 0x50, 0x6D, 0x78, 0x3E, 0x1C, 0x2A, 0x76, 0x6E, 0x5B};
    return token >= 0 && token < 26 ? font[token] : 0;
}

TlmPrediction read_tlm_steps(const std::string& path) {
    io::CSVReader<5> in(path);
    in.read_header(io::ignore_extra_column, "name", "token_out", "cycles", "start", "end");
    TlmPrediction p;
    int name = 0, token = 0;
    uint64_t cycles = 0, start = 0, end = 0;
    while (in.read_row(name, token, cycles, start, end)) {
        // with several slots the rows come in completion order: names interleave
        if (name < 0 || name >= 1000000)  // the workload's --count limit
            throw std::runtime_error(path + ": name " + std::to_string(name) + " out of range (legal: 0..999999)");
        if (end < start) throw std::runtime_error(path + ": name " + std::to_string(name) + ": a step ends before it starts");
        if (name >= static_cast<int>(p.cycles.size())) {
            p.tokens.resize(name + 1);
            p.cycles.resize(name + 1, 0);
            p.latency.resize(name + 1, 0);
        }
        p.cycles[name] += cycles;
        p.latency[name] += end - start;
        p.makespan = std::max(p.makespan, end);
        if (token != 26) p.tokens[name].push_back(token);
    }
    return p;
}

namespace {

// The per-name comparison: a terminal table, a Markdown table and the totals.
struct NameComparison {
    TextTable table{{"name", "golden", "board (token window)", "latency TLM", "latency model", "RESULT_CYCLES",
                     "pins", "match"}};
    std::ostringstream md;
    uint64_t tokens = 0;
};

using Failures = std::vector<std::string>;

void require(Failures& failures, bool ok, const std::string& what) {
    if (!ok) failures.push_back(what);
}

// Every name's tokens, RESULT_CYCLES and pins against the golden model, the model's latency and the TLM's.
NameComparison compare_names(const BoardRun& run, const WorkloadPrediction& gold, const TlmPrediction* tlm,
                             Failures& failures) {
    NameComparison c;
    c.md << "| name | slot | golden | board | cycles TLM | cycles model | RESULT_CYCLES |\n|---|---|---|---|---|---|---|\n";
    for (size_t n = 0; n < run.names.size() && n < gold.names.size(); ++n) {
        const NameRecord& r = run.names[n];
        const NamePrediction& g = gold.names[n];
        const bool have_tlm = tlm && n < tlm->cycles.size();
        const std::string id = "name " + std::to_string(n);
        bool ok = true;
        auto check = [&](bool cond, const std::string& what) {
            if (!cond) ok = false;
            require(failures, cond, id + ": " + what);
        };
        check(r.tokens == g.token_ids, "tokens " + golden::tokens_to_name(r.tokens) + ", golden " + g.name);
        if (have_tlm) {
            check(tlm->tokens[n] == g.token_ids, "TLM tokens differ from the golden model's");
            // one slot: a name's latency is its cycle total (no waits), the TLM's stage cycles
            if (gold.slots == 1)
                check(r.cycles == tlm->cycles[n],
                      "CYCLES " + std::to_string(r.cycles) + ", TLM " + std::to_string(tlm->cycles[n]));
            check(r.cycles == tlm->latency[n],
                  "RESULT_CYCLES " + std::to_string(r.cycles) + ", TLM latency " + std::to_string(tlm->latency[n]));
        }
        check(r.cycles == g.cycles, "RESULT_CYCLES " + std::to_string(r.cycles) + ", model " + std::to_string(g.cycles));
        const BoardPins want = expected_pins(g.token_ids, r.status);
        const bool pins_ok = r.pins.ledr == want.ledr && r.pins.hex == want.hex;
        check(pins_ok, "LEDR " + hex(r.pins.ledr) + " HEX0 " + hex(r.pins.hex[0]) + ", expected LEDR " +
                           hex(want.ledr) + " HEX0 " + hex(want.hex[0]));
        c.tokens += r.tokens.size();
        const std::string tlm_cycles = have_tlm ? std::to_string(tlm->latency[n]) : "-";
        c.table.add({std::to_string(n), g.name, golden::tokens_to_name(r.tokens), tlm_cycles,
                     std::to_string(g.cycles), std::to_string(r.cycles), pins_ok ? "ok" : "NO", ok ? "yes" : "NO"});
        c.md << "| " << n << " | " << g.slot << " | " << g.name << " | " << golden::tokens_to_name(r.tokens) << " | "
             << tlm_cycles << " | " << g.cycles << " | " << r.cycles << " |\n";
    }
    return c;
}

// The registers after the run (SEED, CLOCK_HZ, DESIGN_TAG) and the protocol checks; returns the checks passed.
int check_registers(const BoardRun& run, const std::vector<uint32_t>& final_rng, uint32_t clock_hz,
                    uint32_t design_tag, Failures& failures) {
    require(failures, run.final_seeds.size() == final_rng.size(),
            "read " + std::to_string(run.final_seeds.size()) + " slots' RNG states, expected " +
                std::to_string(final_rng.size()));
    for (size_t g = 0; g < run.final_seeds.size() && g < final_rng.size(); ++g)
        require(failures, run.final_seeds[g] == final_rng[g],
                (g == 0 ? std::string("SEED") : "SLOT_SEED of slot " + std::to_string(g)) + " after the run " +
                    hex(run.final_seeds[g]) + ", golden RNG state " + hex(final_rng[g]));
    require(failures, run.clock_hz == clock_hz,
            "CLOCK_HZ " + std::to_string(run.clock_hz) + ", PLL model " + std::to_string(clock_hz));
    require(failures, run.design_tag == design_tag,
            "DESIGN_TAG " + hex(run.design_tag) + ", expected " + hex(design_tag));
    int checks_ok = 0;
    for (const auto& c : run.checks) {
        if (c.ok) ++checks_ok;
        require(failures, c.ok, "register protocol: " + c.what);
    }
    return checks_ok;
}

}  // namespace

bool report_board_run(const BoardRun& run, const QWeights& w, const arch::DesignPoint& d, const HostSettings& s,
                      const TlmPrediction* tlm, uint32_t design_tag, const std::string& summary_md_path,
                      std::ostream& os) {
    const golden::GenerationConfig gen{s.greedy, s.temperature, d.numerics};
    const WorkloadPrediction gold = predict_workload(d, w, gen, s.seed, s.count);
    const arch::PllSetting pll = arch::solve_pll(d.pll_mhz);
    Failures failures;
    // the prediction deals the names itself: it must be the golden reference's dealing
    std::vector<std::vector<int>> dealt;
    for (const auto& n : gold.names) dealt.push_back(n.token_ids);
    require(failures, dealt == golden::generate_slots(w, gen, s.seed, d.sequences, 1, s.count),
            "the prediction's names differ from golden::generate_slots");
    require(failures, run.names.size() == gold.names.size(),
            "the host ran " + std::to_string(run.names.size()) + " names, expected " + std::to_string(gold.names.size()));
    if (tlm)
        require(failures, tlm->cycles.size() == gold.names.size(),
                "the TLM prediction has " + std::to_string(tlm->cycles.size()) + " names, expected " +
                    std::to_string(gold.names.size()));
    NameComparison names = compare_names(run, gold, tlm, failures);
    require(failures, run.makespan == gold.cycles,
            "CYCLES (makespan) " + std::to_string(run.makespan) + ", model " + std::to_string(gold.cycles));
    if (tlm)
        require(failures, run.makespan == tlm->makespan,
                "CYCLES (makespan) " + std::to_string(run.makespan) + ", TLM " + std::to_string(tlm->makespan));
    const uint32_t clock_hz = static_cast<uint32_t>(50000000.0 * pll.m / (pll.n * pll.c));
    const int checks_ok = check_registers(run, gold.final_rng, clock_hz, design_tag, failures);

    os << "design: " << d.name << " (" << arch::to_short_string(d) << ")\n"
       << "board-level co-simulation of de1soc_top (Verilator): the JTAG-to-Avalon-MM bridge replaced by a TLM "
          "initiator and an Avalon-MM master; "
       << s.count << " names, seed " << s.seed << (s.greedy ? ", greedy" : "") << "; " << d.sequences
       << (d.sequences == 1 ? " slot" : " slots (name i in slot i mod S, one run)") << "\n"
       << "registers: ID " << hex(run.id) << ", VERSION " << hex(run.version) << ", SLOTS " << hex(run.slots)
       << ", CLOCK_HZ " << run.clock_hz << ", DESIGN_TAG " << hex(run.design_tag) << "; " << run.bus_transfers
       << " bus transfers\n\n";
    names.table.print(os);
    const double f = pll.f_out_mhz * 1e6;
    const std::string tokens_per_s = fixed_decimals(run.makespan ? names.tokens * f / run.makespan : 0, 0);
    const std::string tlm_makespan = tlm ? std::to_string(tlm->makespan) : "-";
    os << "\nmakespan: CYCLES register " << run.makespan << ", TLM " << tlm_makespan << ", model [slot schedule] "
       << gold.cycles << "\n"
       << "throughput [RTL co-simulation: CYCLES register; clock: PLL model, " << fixed_decimals(pll.f_out_mhz, 4)
       << " MHz]: " << names.tokens << " tokens in " << run.makespan << " cycles = " << tokens_per_s << " tokens/s\n"
       << "register protocol checks: " << checks_ok << " of " << run.checks.size() << " passed\n";
    for (const auto& c : run.checks) os << "  [" << (c.ok ? "ok" : "FAIL") << "] " << c.what << "\n";

    const bool pass = failures.empty();
    if (pass) {
        os << "PASS: " << run.names.size() << " names through the register interface: tokens equal the golden model"
           << (tlm ? " and the TLM" : "") << ", RESULT_CYCLES equals the " << (tlm ? "TLM's latency and the " : "")
           << "model's for every name, CYCLES the makespan; every slot's RNG state; error bits and display as "
              "documented\n";
    } else {
        os << "FAIL: " << failures.size() << " difference(s); first: " << failures.front() << "\n";
    }
    if (!summary_md_path.empty()) {
        std::ostringstream sum;
        sum << names.md.str() << "\nMakespan [RTL co-simulation, CYCLES register]: " << run.makespan << " cycles (TLM "
            << tlm_makespan << ", model " << gold.cycles << "). Throughput [PLL model clock]: " << names.tokens
            << " tokens in " << run.makespan << " cycles = " << tokens_per_s << " tokens/s. Register protocol checks: "
            << checks_ok << " of " << run.checks.size() << " passed. " << (pass ? "PASS" : "FAIL: " + failures.front())
            << "\n";
        write_file_atomically(summary_md_path, sum.str());
    }
    return pass;
}

}  // namespace mgpt::de1soc
