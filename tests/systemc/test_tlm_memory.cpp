// M10K bank and port contention: stall cycles follow the documented formula
// (docs/MICROARCH.md): a column step needs ceil(lanes x cols / 2) words; a
// matrix with B banks of P ports serves B x P words per cycle, so the step takes
// ceil(words / (B x P)) cycles and every cycle past the first is a stall.
#include <catch2/catch.hpp>

#include <sstream>

#include "sc_test_helpers.hpp"

using namespace mgpt;

TEST_CASE("M10K stalls match the formula, and more banks or ports remove them", "[tlm][memory]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    struct Case {
        int lanes, cols, banks, ports;
    };
    const std::vector<Case> cases = {{16, 1, 1, 1}, {16, 1, 2, 1}, {16, 1, 2, 2}, {16, 1, 4, 2},
                                     {16, 1, 8, 1}, {16, 2, 4, 1}, {64, 4, 8, 2}, {4, 1, 1, 1}};
    std::vector<tlm_model::Job> jobs;
    for (const auto& c : cases)
        jobs.push_back({test::with(test::baseline(), {"lanes=" + std::to_string(c.lanes),
                                                      "cols_per_cycle=" + std::to_string(c.cols),
                                                      "weight_memory=m10k", "weight_banks=" + std::to_string(c.banks),
                                                      "bram_ports=" + std::to_string(c.ports)}),
                        {1, 3, {true, 0x100, Numerics::saturating}, true}});
    const auto r = tlm_model::simulate_tlm(w, jobs);
    for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        INFO("lanes " << c.lanes << " cols " << c.cols << " banks " << c.banks << " ports " << c.ports);
        const int words = (std::min(c.lanes, 16) * c.cols + 1) / 2;  // wq/wk/wv/wo/fc2 have 16 rows
        const int beats = (words + c.banks * c.ports - 1) / (c.banks * c.ports);
        const int col_steps = 16 / c.cols;
        const int qkv_passes = (48 + c.lanes - 1) / c.lanes;
        const auto& s = r[i].steps.front();
        CHECK(s.cycles.stalls[static_cast<int>(arch::Stage::qkv)] ==
              static_cast<uint32_t>(qkv_passes * col_steps * (beats - 1)));
        // pass = column steps x beats + handshake (3) + M10K read latency (1)
        CHECK(s.cycles.cycles[static_cast<int>(arch::Stage::qkv)] ==
              static_cast<uint32_t>(qkv_passes * (col_steps * beats + 3 + 1)));
        const bool bandwidth_enough = 2 * c.banks * c.ports >= std::min(c.lanes, 16) * c.cols;
        CHECK((s.cycles.stalls[static_cast<int>(arch::Stage::wo)] == 0) == bandwidth_enough);
    }
    // Same lanes, more banks / ports: the stalls are gone, the step is shorter.
    CHECK(r[0].total_cycles > r[1].total_cycles);
    CHECK(r[1].total_cycles > r[2].total_cycles);
    CHECK(r[3].stall_cycles == 0);
    CHECK(r[4].stall_cycles == 0);
}

TEST_CASE("M10K KV cache adds one read-latency cycle per K and V stream per head", "[tlm][memory]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const tlm_model::Workload wl{1, 9, {true, 0x100, Numerics::saturating}, true};
    const auto r = tlm_model::simulate_tlm(
        w, {{test::baseline(), wl}, {test::with(test::baseline(), {"kv_memory=m10k"}), wl}});
    for (size_t k = 0; k < r[0].steps.size(); ++k)
        CHECK(r[1].steps[k].cycles.cycles[static_cast<int>(arch::Stage::attention)] ==
              r[0].steps[k].cycles.cycles[static_cast<int>(arch::Stage::attention)] + 4 * 2);
}

TEST_CASE("a VCD trace is written with the stage, cycle counter and memory activity", "[tlm][trace]") {
    const QWeights w = load_rom_dir(test::shipped_weights_dir());
    const std::string path = "/tmp/mgpt_trace_test_" + std::to_string(::getpid()) + ".vcd";
    const auto r = tlm_model::simulate_tlm(w, {{test::baseline(), {1, 2, {false, 0x80, Numerics::saturating}}}}, path);
    std::ifstream in(path);
    REQUIRE(in);
    const std::string vcd((std::istreambuf_iterator<char>(in)), {});
    CHECK_THAT(vcd, Catch::Contains("$enddefinitions"));
    CHECK_THAT(vcd, Catch::Contains("$scope module core $end"));
    CHECK_THAT(vcd, Catch::Contains(" stage [31:0]"));
    CHECK_THAT(vcd, Catch::Contains(" cycle [63:0]"));
    CHECK_THAT(vcd, Catch::Contains("$scope module weight_mem $end"));
    CHECK_THAT(vcd, Catch::Contains(" words_per_cycle "));
    CHECK(vcd.size() > 10000);
    // The trace's cycle counter ends at the TLM's cycle total.
    const std::string last = test::last_vcd_value(vcd, " cycle [63:0]");
    REQUIRE_FALSE(last.empty());
    CHECK(std::stoull(last, nullptr, 2) == r[0].total_cycles);
    std::remove(path.c_str());
}
