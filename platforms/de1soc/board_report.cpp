#include "board_report.hpp"

#include <sstream>
#include <stdexcept>

#include <libfccp/csv.h>

#include "arch/cycle_model.hpp"
#include "arch/pll.hpp"
#include "common/text_format.hpp"
#include "common/text_table.hpp"
#include "model/golden_step.hpp"

namespace mgpt::de1soc {

namespace {

// What the golden model and the closed-form cycle model say about one name.
struct Expected {
    std::vector<int> tokens;
    uint64_t cycles = 0;  // closed form, summed over the name's steps (final BOS step included)
};

std::vector<Expected> expected_names(const QWeights& w, const arch::DesignPoint& d, const HostSettings& s,
                                     uint32_t& rng) {
    golden::GenerationConfig gen{s.greedy, s.temperature, d.numerics};
    std::vector<Expected> out;
    rng = s.seed;
    for (int n = 0; n < s.count; ++n) {
        const golden::Generation g = golden::generate(w, gen, rng);
        Expected e{g.tokens, 0};
        for (size_t i = 0; i < g.steps.size(); ++i)
            e.cycles += arch::analytic_step_cycles(d, {g.steps[i].pos, s.greedy, g.results[i].rms_early_exit}).total();
        out.push_back(e);
    }
    return out;
}

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
    io::CSVReader<3> in(path);
    in.read_header(io::ignore_extra_column, "name", "token_out", "cycles");
    TlmPrediction p;
    int name = 0, token = 0;
    uint64_t cycles = 0;
    while (in.read_row(name, token, cycles)) {
        if (name < 0 || name > static_cast<int>(p.cycles.size()))
            throw std::runtime_error(path + ": names out of order at name " + std::to_string(name));
        if (name == static_cast<int>(p.cycles.size())) {
            p.tokens.emplace_back();
            p.cycles.push_back(0);
        }
        p.cycles[name] += cycles;
        if (token != 26) p.tokens[name].push_back(token);
    }
    return p;
}

namespace {

// The per-name comparison: a terminal table, a Markdown table and the totals.
struct NameComparison {
    TextTable table{{"name", "golden", "board (token window)", "cycles TLM", "cycles closed form", "CYCLES register",
                     "pins", "match"}};
    std::ostringstream md;
    uint64_t tokens = 0, cycles = 0;
};

using Failures = std::vector<std::string>;

void require(Failures& failures, bool ok, const std::string& what) {
    if (!ok) failures.push_back(what);
}

// Every name's tokens, CYCLES and pins against the golden model, the closed form and the TLM.
NameComparison compare_names(const BoardRun& run, const std::vector<Expected>& gold, const TlmPrediction* tlm,
                             Failures& failures) {
    NameComparison c;
    c.md << "| name | golden | board | cycles TLM | cycles closed form | CYCLES register |\n|---|---|---|---|---|---|\n";
    for (size_t n = 0; n < run.names.size() && n < gold.size(); ++n) {
        const NameRecord& r = run.names[n];
        const Expected& g = gold[n];
        const bool have_tlm = tlm && n < tlm->cycles.size();
        const std::string id = "name " + std::to_string(n);
        bool ok = true;
        auto check = [&](bool cond, const std::string& what) {
            if (!cond) ok = false;
            require(failures, cond, id + ": " + what);
        };
        check(r.tokens == g.tokens, "tokens " + golden::tokens_to_name(r.tokens) + ", golden " +
                                        golden::tokens_to_name(g.tokens));
        check(r.cycles == g.cycles, "CYCLES " + std::to_string(r.cycles) + ", closed form " + std::to_string(g.cycles));
        if (have_tlm) {
            check(tlm->tokens[n] == g.tokens, "TLM tokens differ from the golden model's");
            check(r.cycles == tlm->cycles[n],
                  "CYCLES " + std::to_string(r.cycles) + ", TLM " + std::to_string(tlm->cycles[n]));
        }
        const BoardPins want = expected_pins(g.tokens, r.status);
        const bool pins_ok = r.pins.ledr == want.ledr && r.pins.hex == want.hex;
        check(pins_ok, "LEDR " + hex(r.pins.ledr) + " HEX0 " + hex(r.pins.hex[0]) + ", expected LEDR " +
                           hex(want.ledr) + " HEX0 " + hex(want.hex[0]));
        c.tokens += r.tokens.size();
        c.cycles += r.cycles;
        const std::string tlm_cycles = have_tlm ? std::to_string(tlm->cycles[n]) : "-";
        c.table.add({std::to_string(n), golden::tokens_to_name(g.tokens), golden::tokens_to_name(r.tokens), tlm_cycles,
                     std::to_string(g.cycles), std::to_string(r.cycles), pins_ok ? "ok" : "NO", ok ? "yes" : "NO"});
        c.md << "| " << n << " | " << golden::tokens_to_name(g.tokens) << " | " << golden::tokens_to_name(r.tokens)
             << " | " << tlm_cycles << " | " << g.cycles << " | " << r.cycles << " |\n";
    }
    return c;
}

// The registers after the run (SEED, CLOCK_HZ, DESIGN_TAG) and the protocol checks; returns the checks passed.
int check_registers(const BoardRun& run, uint32_t final_rng, uint32_t clock_hz, uint32_t design_tag,
                    Failures& failures) {
    require(failures, run.final_seed == final_rng,
            "SEED after the run " + hex(run.final_seed) + ", golden RNG state " + hex(final_rng));
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
    uint32_t final_rng = 0;
    const std::vector<Expected> gold = expected_names(w, d, s, final_rng);
    const arch::PllSetting pll = arch::solve_pll(d.pll_mhz);
    Failures failures;
    require(failures, run.names.size() == gold.size(),
            "the host ran " + std::to_string(run.names.size()) + " names, expected " + std::to_string(gold.size()));
    if (tlm)
        require(failures, tlm->cycles.size() == gold.size(),
                "the TLM prediction has " + std::to_string(tlm->cycles.size()) + " names, expected " +
                    std::to_string(gold.size()));
    NameComparison names = compare_names(run, gold, tlm, failures);
    const uint32_t clock_hz = static_cast<uint32_t>(50000000.0 * pll.m / (pll.n * pll.c));
    const int checks_ok = check_registers(run, final_rng, clock_hz, design_tag, failures);

    os << "design: " << d.name << " (" << arch::to_short_string(d) << ")\n"
       << "board-level co-simulation of de1soc_top (Verilator): the JTAG-to-Avalon-MM bridge replaced by a TLM "
          "initiator and an Avalon-MM master; "
       << s.count << " names, seed " << s.seed << (s.greedy ? ", greedy" : "") << "\n"
       << "registers: ID " << hex(run.id) << ", VERSION " << hex(run.version) << ", CLOCK_HZ " << run.clock_hz
       << ", DESIGN_TAG " << hex(run.design_tag) << "; " << run.bus_transfers << " bus transfers\n\n";
    names.table.print(os);
    const double f = pll.f_out_mhz * 1e6;
    const std::string tokens_per_s = fixed_decimals(names.cycles ? names.tokens * f / names.cycles : 0, 0);
    os << "\nthroughput [RTL co-simulation: CYCLES register; clock: PLL model, " << fixed_decimals(pll.f_out_mhz, 4)
       << " MHz]: " << names.tokens << " tokens in " << names.cycles << " cycles = " << tokens_per_s << " tokens/s\n"
       << "register protocol checks: " << checks_ok << " of " << run.checks.size() << " passed\n";
    for (const auto& c : run.checks) os << "  [" << (c.ok ? "ok" : "FAIL") << "] " << c.what << "\n";

    const bool pass = failures.empty();
    if (pass) {
        os << "PASS: " << run.names.size() << " names through the register interface: tokens equal the golden model"
           << (tlm ? " and the TLM" : "") << ", CYCLES equals the " << (tlm ? "TLM's cycle total and the " : "")
           << "closed-form model's for every name; error bits and display as documented\n";
    } else {
        os << "FAIL: " << failures.size() << " difference(s); first: " << failures.front() << "\n";
    }
    if (!summary_md_path.empty()) {
        std::ostringstream sum;
        sum << names.md.str() << "\nThroughput [RTL co-simulation, CYCLES register, PLL model clock]: " << names.tokens
            << " tokens in " << names.cycles << " cycles = " << tokens_per_s << " tokens/s. Register protocol checks: "
            << checks_ok << " of " << run.checks.size() << " passed. " << (pass ? "PASS" : "FAIL: " + failures.front())
            << "\n";
        write_file_atomically(summary_md_path, sum.str());
    }
    return pass;
}

}  // namespace mgpt::de1soc
