// The baseline design point against the reference schedule (docs/BASELINE_SCHEDULE.md).
#include <catch2/catch.hpp>

#include "sc_test_helpers.hpp"

using namespace mgpt;

namespace {
// Cycles the RMS engine saves on an early exit (no 25-cycle division).
constexpr uint32_t kEarlyExitSaving = 25;
uint32_t early_exits(const tlm_model::StepRecord& s) {
    return static_cast<uint32_t>(s.rms_early_exit[0] + s.rms_early_exit[1] + s.rms_early_exit[2]);
}
}  // namespace

TEST_CASE("baseline: 867 + 20p cycles per sampled step, 753 + 20p greedy, every position", "[tlm][baseline]") {
    const QWeights w = load_rom_dir(test::reference_rom_dir());
    tlm_model::Workload sampled{3, 7, {false, 0x0100, Numerics::saturating}, /*full_context=*/true};
    tlm_model::Workload greedy{1, 7, {true, 0x0100, Numerics::saturating}, true};
    const auto r = tlm_model::simulate_tlm(w, {{test::baseline(), sampled}, {test::baseline(), greedy}});
    REQUIRE(r.size() == 2);
    int checked = 0;
    for (int j = 0; j < 2; ++j) {
        REQUIRE(r[j].steps.size() == (j == 0 ? 48u : 16u));
        for (const auto& s : r[j].steps) {
            const uint32_t expected = (j == 0 ? 867u : 753u) + 20u * static_cast<uint32_t>(s.pos) -
                                      kEarlyExitSaving * early_exits(s);
            INFO("job " << j << " name " << s.name << " pos " << s.pos);
            CHECK(s.cycles.total() == expected);
            CHECK(s.cycles.total_stalls() == 0);
            checked += early_exits(s) == 0;
        }
    }
    CHECK(checked > 50);  // the formula without early exits is what is really exercised
}

TEST_CASE("baseline with the reference ROMs and profile reproduces the self-test: 5,502 cycles", "[tlm][baseline]") {
    const std::string dir = test::reference_rom_dir();
    REQUIRE_REFERENCE_ROMS(dir);
    const QWeights w = load_rom_dir(dir);
    const auto d = test::with(test::baseline(), {"numerics=reference"});
    const auto r = tlm_model::simulate_tlm(w, {{d, {1, 2, {false, 0x0080, Numerics::reference}}}});
    REQUIRE(r.size() == 1);
    REQUIRE(r[0].steps.size() == 6);
    std::vector<int> tokens;
    for (const auto& s : r[0].steps) tokens.push_back(s.token_out);
    CHECK(tokens == std::vector<int>{10, 4, 11, 24, 13, kBos});
    CHECK(r[0].total_cycles == 5502);  // sum over p = 0..5 of 867 + 20p
    // The reference's testbench counts one more cycle per step: 5,508.
    CHECK(r[0].total_cycles + r[0].steps.size() == 5508);
    CHECK(r[0].pll.exact);
    CHECK(r[0].pll.f_out_mhz == Approx(56.25).epsilon(1e-12));
    // 5 tokens x 56.25 MHz / 5,502 cycles
    CHECK(r[0].tokens_per_second() == Approx(5 * 56.25e6 / 5502).epsilon(1e-12));
    CHECK(r[0].tokens_per_second() == Approx(51118).margin(1));
}
