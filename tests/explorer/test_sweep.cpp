// Sweep files: parsing, errors that name the file, line, key, value and legal
// set; the default sweep's coverage; grid size; random draws; neighbours.
#include <catch2/catch.hpp>

#include <set>

#include "explorer/design_space.hpp"
#include "explorer/planner.hpp"
#include "explorer/point_plan.hpp"
#include "explorer/sweep.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

std::string error_of(const std::string& path) {
    try {
        load_sweep(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("sweep errors name the file, the line, the key, the value and the legal set", "[explorer][sweep]") {
    test::TempDir dir;
    struct Case {
        std::string body, expect;
    };
    const std::vector<Case> cases = {
        {"lanes = 1, 3\n", "bad.cfg:3: key 'lanes': value '3' is not legal (legal: 1, 2, 4, 8, 16, 32, 64)"},
        {"cols_per_cycle = 1,,2\n", "bad.cfg:3: key 'cols_per_cycle': value '1,,2' is not legal"},
        {"frobs = 3\n", "bad.cfg:3: unknown key 'frobs' (known keys:"},
        {"lanes = 1:8:1\n", "bad.cfg:3: key 'lanes': value '1:8:1' is not legal (legal: ranges start:stop:step apply to pll_mhz only)"},
        {"pll_mhz = 200:25:5\n", "bad.cfg:3: key 'pll_mhz': value '200:25:5' is not legal (legal: start:stop:step"},
        {"pll_mhz = 25:900:5\n", "bad.cfg:3: key 'pll_mhz': value '555' is not legal (legal: a frequency in MHz, 1.171875 .. 550)"},
        {"sampler = sequential, fast\n", "bad.cfg:3: key 'sampler': value 'fast' is not legal (legal: sequential, parallel)"},
        {"lanes = 4, 4\n", "bad.cfg:3: key 'lanes': value '4' is not legal (legal: each value once"},
        {"strategy = annealing\n", "bad.cfg:3: key 'strategy': value 'annealing' is not legal (legal: grid, exhaustive, random)"},
        {"strategy = exhaustive\nlocal_search_rounds = 2\n",
         "bad.cfg:4: key 'local_search_rounds': value '2' is not legal (legal: 0 with strategy = exhaustive"},
        {"samples = 10\n", "bad.cfg:3: key 'samples': value '10' is not legal (legal: samples applies to strategy = random only"},
        {"strategy = random\n", "bad.cfg: strategy = random needs 'samples = K'"},
        {"strategy = random\nsamples = 0\n", "bad.cfg:4: key 'samples': value '0' is not legal (legal: an integer 1 .. 10000000)"},
        {"weight_memory = logic, m10k\n", "bad.cfg:3: weight_memory lists m10k: the sweep needs 'weight_banks = ...'"},
        {"weight_banks = 4\n", "bad.cfg:3: key 'weight_banks': value '4' is not legal (legal: weight_banks applies only to m10k points"},
        {"weight_memory = m10k\nweight_banks = 4\nbram_ports = 3\n", "bad.cfg:5: key 'bram_ports': value '3' is not legal (legal: 1, 2)"},
        {"[workload]\nnames = 0\n", "bad.cfg:4: key 'workload.names': value '0' is not legal (legal: 1 .. 100000)"},
        {"[workload]\ntemperature = hot\n", "bad.cfg:4: temperature 'hot'"},
        {"[device]\nmax_alm_utilisation = 1.5\n", "bad.cfg:4: key 'device.max_alm_utilisation': value '1.5' is not legal (legal: a share 0 < u <= 1)"},
        {"[device]\nwidgets = 3\n", "bad.cfg:4: unknown key 'device.widgets'"},
        {"lanes = 4\nlanes = 8\n", "bad.cfg:3: key 'lanes' is given more than once"},
    };
    for (const auto& c : cases) {
        const std::string path = test::write_sweep(dir, "bad", c.body);
        INFO("sweep body: " << c.body);
        CHECK_THAT(error_of(path), Catch::Contains(c.expect));
    }
    CHECK_THAT(error_of(dir.file("none.cfg")), Catch::Contains("none.cfg: cannot open sweep file"));
    const std::string bad_base = dir.file("base.cfg");
    test::write_text(bad_base, "baseline = nowhere.cfg\n");
    CHECK_THAT(error_of(bad_base), Catch::Contains("base.cfg:1: baseline design:") && Catch::Contains("nowhere.cfg"));
}

TEST_CASE("the default DE1-SoC sweep covers every design key, every value and 25..300 MHz, exhaustively",
          "[explorer][sweep]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/de1soc.cfg"));
    const std::map<std::string, size_t> expected = {
        {"lanes", 7}, {"cols_per_cycle", 5}, {"weight_memory", 2}, {"weight_banks", 7}, {"bram_ports", 2},
        {"rom_layout", 2}, {"kv_memory", 2}, {"vector_lanes", 5}, {"norm_radix_bits", 3}, {"attn_dividers", 4}, {"div_radix_bits", 3},
        {"sampler", 2}, {"argmax", 2}, {"pipeline", 4}, {"numerics", 2},
        {"sequences", 5}, {"cores", 4}, {"schedule", 2}, {"slot_memory", 2}};
    for (const auto& k : arch::design_keys()) {
        if (std::string(k.key) == "name") continue;
        INFO("key " << k.key);
        const Axis& a = s.axis(k.key);
        if (a.key == "pll_mhz") {
            CHECK(a.values.front() == "25");
            CHECK(a.values.back() == "300");
            CHECK(a.values.size() == 56);
        } else {
            CHECK(a.values.size() == expected.at(a.key));
        }
    }
    CHECK(s.workload.names == 32);
    CHECK(s.device.dsp == 87);
    CHECK(s.strategy == Strategy::exhaustive);
    CHECK(DesignSpace(s).size() > 13000000000);  // 7 x 5 x 15 x 2 x 5 x 3 x 4 x 3 x 2 x 2 x 4 x 5 x 4 x 2 x 56 x 2
    // every micro-architecture once: the grid without its PLL axis
    CHECK(DesignSpace(s, kClockKey).size() * 56 == DesignSpace(s).size());
}

TEST_CASE("a grid sweep plans the baseline then every combination once, in a fixed order", "[explorer][sweep]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/smoke.cfg"));
    const DesignSpace space(s);
    // lanes 2 x cols 2 x (logic + m10k x 1 bank count x 2 port counts) x sampler 2 x pll 2
    CHECK(space.size() == 2 * 2 * 3 * 2 * 2);
    Planner p(s);
    const auto plan = p.initial();
    REQUIRE(plan.size() == 49);
    CHECK(plan[0].phase == "baseline");
    CHECK(arch::to_short_string(plan[0].design) == arch::to_short_string(s.baseline));
    std::set<std::string> keys;
    for (size_t i = 0; i < plan.size(); ++i) {
        CHECK(plan[i].index == static_cast<long>(i));
        CHECK(keys.insert(arch::to_short_string(plan[i].design)).second);
        CHECK_NOTHROW(arch::validate(plan[i].design));
    }
    CHECK(arch::to_short_string(plan[1].design) == arch::to_short_string(space.at(0)));
    Planner again(s);
    const auto plan2 = again.initial();
    for (size_t i = 0; i < plan.size(); ++i) CHECK(arch::to_short_string(plan2[i].design) == arch::to_short_string(plan[i].design));
}

TEST_CASE("random sampling is seeded, distinct and stays within the sweep's values", "[explorer][sweep]") {
    test::TempDir dir;
    const std::string path = test::write_sweep(dir, "rnd",
                                               "strategy = random\nsamples = 300\nseed = 7\nlanes = 2, 4, 8\n"
                                               "weight_memory = logic, m10k\nweight_banks = 2, 4\nbram_ports = 1, 2\n"
                                               "pll_mhz = 40:60:5\nsampler = sequential, parallel\n"
                                               "cols_per_cycle = 1, 2, 4, 8\nvector_lanes = 1, 2, 4, 8, 16\n");
    const Sweep s = load_sweep(path);
    Planner a(s), b(s);
    const auto pa = a.initial(), pb = b.initial();
    REQUIRE(pa.size() == 301);
    std::set<std::string> keys;
    int m10k = 0;
    for (size_t i = 0; i < pa.size(); ++i) {
        CHECK(arch::to_short_string(pa[i].design) == arch::to_short_string(pb[i].design));
        CHECK(keys.insert(arch::to_short_string(pa[i].design)).second);
        if (i == 0) continue;
        const auto& d = pa[i].design;
        CHECK((d.lanes == 2 || d.lanes == 4 || d.lanes == 8));
        CHECK(d.pll_mhz >= 40);
        CHECK(d.pll_mhz <= 60);
        if (d.weight_memory == arch::WeightMemory::m10k) {
            ++m10k;
            CHECK((d.weight_banks == 2 || d.weight_banks == 4));
        } else {
            CHECK(d.weight_banks == 0);
        }
    }
    CHECK(m10k > 100);  // the memory kind is drawn first, then banks and ports
    CHECK(m10k < 200);
    // a dense request (>= half the grid) is a seeded shuffle of the grid
    test::write_text(path, "name = dense\nbaseline = " + test::source_path("configs/designs/baseline.cfg") +
                               "\nstrategy = random\nsamples = 5\nlanes = 2, 4, 8\n");
    Planner dense(load_sweep(path));
    CHECK(dense.initial().size() == 4);  // 3 grid points + the baseline
}

TEST_CASE("local-search neighbours move exactly one key one step along its list", "[explorer][sweep]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/de1soc.cfg"));
    const DesignSpace space(s);
    arch::DesignPoint d = s.baseline;
    d.pll_mhz = 60;
    const auto n = space.neighbours(d);
    auto differing = [&](const arch::DesignPoint& x) {
        int k = 0;
        for (const auto& key : arch::design_keys())
            if (std::string(key.key) != "name" && std::string(key.key) != "weight_banks" &&
                std::string(key.key) != "bram_ports")
                k += arch::get_key(x, key.key) != arch::get_key(d, key.key);
        return k;
    };
    bool saw_lanes_up = false, saw_lanes_down = false, saw_pll = false, saw_m10k = false;
    for (const auto& x : n) {
        CHECK(differing(x) == 1);
        saw_lanes_up |= x.lanes == 32;
        saw_lanes_down |= x.lanes == 8;
        saw_pll |= x.pll_mhz == 55 || x.pll_mhz == 65;
        if (x.weight_memory == arch::WeightMemory::m10k) {
            saw_m10k = true;
            CHECK(x.weight_banks * x.bram_ports >= 8);  // 16 weights a step: 8 words without stalls
        }
    }
    CHECK(saw_lanes_up);
    CHECK(saw_lanes_down);
    CHECK(saw_pll);
    CHECK(saw_m10k);
}
