// The golden model against the reference design's published self-test.
#include <catch2/catch.hpp>

#include "model/golden_step.hpp"
#include "test_helpers.hpp"

using namespace mgpt;

TEST_CASE("reference ROMs, seed 2, T=0x0080, reference profile: tokens 10 4 11 24 13 then BOS", "[golden][reference]") {
    const std::string dir = test::reference_rom_dir();
    REQUIRE_REFERENCE_ROMS(dir);
    const QWeights w = load_rom_dir(dir);
    uint32_t rng = 2;
    const golden::GenerationConfig cfg{false, 0x0080, Numerics::reference};
    const golden::Generation g = golden::generate(w, cfg, rng);
    CHECK(g.tokens == std::vector<int>{10, 4, 11, 24, 13});
    REQUIRE(g.results.size() == 6);
    CHECK(g.results.back().next == kBos);
    // The self-test's cycle total (5,502) assumes no RMS early exit in any step.
    for (const auto& r : g.results)
        for (bool e : r.rms_early_exit) CHECK_FALSE(e);
}

TEST_CASE("the RNG advances once per sampled step and not in greedy steps", "[golden][rng]") {
    const QWeights w = load_rom_dir(test::reference_rom_dir());
    golden::KvCache kv;
    kv.clear();
    golden::StepRequest req;
    req.rng_in = 2;
    const auto sampled = golden::step(w, req, kv);
    CHECK(sampled.rng_out == xorshift32(2));
    kv.clear();
    req.greedy = true;
    const auto greedy = golden::step(w, req, kv);
    CHECK(greedy.rng_out == 2);
    CHECK(greedy.next == greedy.argmax.index);
    // Values do not depend on the mode: same logits either way.
    CHECK(greedy.logits == sampled.logits);
}
