// Many names in flight (model/golden_slots, docs/SEQUENCES.md): every slot's
// names against the single-sequence golden::generate loop, and the slot seeds.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "model/golden_slots.hpp"
#include "model/numerics.hpp"
#include "test_helpers.hpp"

using namespace mgpt;

namespace {

// The existing single-RNG loop of `generate` (app/cmd_generate.cpp before slots):
// `count` names from one RNG started at `seed`.
std::vector<std::vector<int>> single_loop(const QWeights& w, const golden::GenerationConfig& cfg, uint32_t seed,
                                          int count) {
    std::vector<std::vector<int>> names;
    uint32_t rng = seed;
    for (int i = 0; i < count; ++i) names.push_back(golden::generate(w, cfg, rng).tokens);
    return names;
}

const std::vector<uint32_t> kSeeds{0, 1, 2, 3, 42, 0x80000000u, 0xDEADBEEFu, 0xFFFFFFFFu};

}  // namespace

TEST_CASE("sequences = 1 is the single-RNG generate loop, token for token", "[golden][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const std::vector<golden::GenerationConfig> configs{
        {false, 0x0080, Numerics::saturating}, {false, 0x0100, Numerics::saturating},
        {false, 0x0020, Numerics::reference},  {false, 0x0180, Numerics::reference},
        {true, 0x0080, Numerics::saturating},  {true, 0x0080, Numerics::reference}};
    for (const auto& cfg : configs)
        for (uint32_t seed : {1u, 2u, 7u, 0xFFFFFFFFu}) {
            CAPTURE(cfg.greedy, cfg.temperature, static_cast<int>(cfg.numerics), seed);
            CHECK(golden::generate_slots(w, cfg, seed, 1, 1, 25) == single_loop(w, cfg, seed, 25));
        }
}

TEST_CASE("sequences = 4: each slot's names are its own single-RNG loop from its derived seed", "[golden][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    constexpr int kS = 4, kCount = 22;  // slots 0, 1 get six names, slots 2, 3 five
    for (const golden::GenerationConfig cfg : {golden::GenerationConfig{false, 0x0080, Numerics::saturating},
                                               golden::GenerationConfig{false, 0x0140, Numerics::reference}})
        for (uint32_t seed : {2u, 1u, 0xFFFFFFFFu}) {
            CAPTURE(cfg.temperature, seed);
            const auto names = golden::generate_slots(w, cfg, seed, kS, 1, kCount);
            REQUIRE(names.size() == static_cast<size_t>(kCount));
            std::set<std::vector<int>> first_names;
            for (int s = 0; s < kS; ++s) {
                CAPTURE(s);
                const int mine = (kCount - s + kS - 1) / kS;
                const auto alone = single_loop(w, cfg, golden::slot_seed(seed, s), mine);
                for (int k = 0; k < mine; ++k) CHECK(names[s + k * kS] == alone[k]);
                first_names.insert(alone.front());
            }
            // The slots draw different streams: not all four slots start with one name.
            CHECK(first_names.size() > 1);
        }
}

TEST_CASE("count and S move a name in the workload, never change it", "[golden][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const golden::GenerationConfig cfg{};
    for (int s : golden::kLegalSequences) {
        CAPTURE(s);
        const auto long_run = golden::generate_slots(w, cfg, 2, s, 1, 48);
        const auto short_run = golden::generate_slots(w, cfg, 2, s, 1, 7);
        CHECK(std::vector<std::vector<int>>(long_run.begin(), long_run.begin() + 7) == short_run);
    }
    // slot s's k-th name is name s + 4k of S = 4 and name s + 16k of S = 16
    const auto s4 = golden::generate_slots(w, cfg, 2, 4, 1, 12), s16 = golden::generate_slots(w, cfg, 2, 16, 1, 48);
    for (int slot = 0; slot < 4; ++slot)
        for (int k = 0; k < 3; ++k) CHECK(s4[slot + 4 * k] == s16[slot + 16 * k]);
    // Cores only multiply the slots: S = 4 on K = 2 cores is S x K = 8 slots,
    // the same names as S = 8 on one core, and as S = 2 on K = 4.
    const auto s8 = golden::generate_slots(w, cfg, 2, 8, 1, 20);
    CHECK(golden::generate_slots(w, cfg, 2, 4, 2, 20) == s8);
    CHECK(golden::generate_slots(w, cfg, 2, 2, 4, 20) == s8);
    // The largest machine: 16 slots on each of 8 cores, every slot with its own stream.
    const auto s128 = golden::generate_slots(w, cfg, 2, 16, 8, 160);
    for (int k = 0; k < 16; ++k) CHECK(s128[k] == s16[k]);
}

TEST_CASE("slot seeds: slot 0 is the seed, the others nonzero and all 128 pairwise distinct", "[golden][slots][rng]") {
    for (uint32_t seed : kSeeds) {
        CAPTURE(seed);
        CHECK(golden::slot_seed(seed, 0) == seed);
        std::set<uint32_t> seen;
        for (int s = 0; s < golden::kMaxSlots; ++s) {
            const uint32_t x = golden::slot_seed(seed, s);
            if (s > 0 || seed != 0) CHECK(x != 0u);
            seen.insert(x);
        }
        CHECK(seen.size() == static_cast<size_t>(golden::kMaxSlots));
    }
    // The degenerate seed 0 stays 0 in slot 0 (today's behaviour); the others start from 1's slots.
    for (int s = 1; s < golden::kMaxSlots; ++s) CHECK(golden::slot_seed(0, s) == golden::slot_seed(1, s));
    CHECK_THROWS_AS(golden::slot_seed(2, golden::kMaxSlots), std::invalid_argument);
    CHECK_THROWS_AS(golden::slot_seed(2, -1), std::invalid_argument);
}

TEST_CASE("xorshift32_jump is that many xorshift32 draws", "[golden][slots][rng]") {
    for (uint32_t x : {1u, 2u, 0xDEADBEEFu, 0xFFFFFFFFu}) {
        uint32_t y = x;
        for (uint64_t k = 0; k <= 2000; ++k, y = xorshift32(y)) {
            CAPTURE(x, k);
            if (k < 70 || k % 97 == 0) REQUIRE(golden::xorshift32_jump(x, k) == y);
        }
        // one cycle of the 2^32 - 1 nonzero states: slot 127 reaches slot 0's seed
        // after 2^25 - 1 draws, not before (docs/SEQUENCES.md's bound)
        CHECK(golden::xorshift32_jump(x, 0xFFFFFFFFull) == x);
        CHECK(golden::xorshift32_jump(golden::slot_seed(x, 127), golden::kSlotSeedStride - 1) == x);
        CHECK(golden::xorshift32_jump(golden::slot_seed(x, 127), golden::kSlotSeedStride - 2) != x);
    }
    CHECK(golden::xorshift32_jump(0, 12345) == 0u);
    // slot 1 is exactly 2^25 draws after the seed, drawn one by one
    uint32_t y = 2;
    for (uint64_t k = 0; k < golden::kSlotSeedStride; ++k) y = xorshift32(y);
    CHECK(golden::slot_seed(2, 1) == y);
}

TEST_CASE("an illegal slot count is refused, naming the legal values", "[golden][slots]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    for (int s : {0, 3, 5, 32, -1}) {
        CAPTURE(s);
        CHECK_THROWS_WITH(golden::generate_slots(w, {}, 2, s, 1, 1),
                          "sequences: value '" + std::to_string(s) + "' is not legal (legal: 1, 2, 4, 8, 16)");
        CHECK_THROWS_WITH(golden::generate_slots(w, {}, 2, 1, s, 1),
                          "cores: value '" + std::to_string(s) + "' is not legal (legal: 1, 2, 4, 8)");
    }
    CHECK_THROWS_AS(golden::generate_slots(w, {}, 2, 1, 1, -1), std::invalid_argument);
    for (const char* text : {"0", "3", "32", "x", "", "04", "4 ", "+4"}) {
        CAPTURE(text);
        CHECK_THROWS_WITH(golden::parse_sequences(text, "--sequences"),
                          "--sequences: value '" + std::string(text) + "' is not legal (legal: 1, 2, 4, 8, 16)");
    }
    for (int s : golden::kLegalSequences) CHECK(golden::parse_sequences(std::to_string(s), "--sequences") == s);
}
