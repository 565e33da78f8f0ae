// The exhaustive strategy's pruning is safe: a point's cycles, resources and
// Fmax do not depend on pll_mhz, so per micro-architecture only its fastest
// PLL request that meets timing can be on a front. On a grid small enough to
// evaluate whole, the pruned run's fronts, best point and per-key bests equal
// the full grid's.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "explorer/explore_run.hpp"
#include "explorer/pareto.hpp"
#include "explorer/text_util.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

// A front as the figures of its points: PLL requests that reach the same
// clock give equal points (the pruned run keeps the first listed).
using FrontPoint = std::tuple<std::string, std::string, std::string, long, long>;

std::set<FrontPoint> front_of(const std::vector<PointRow>& rows, bool dsp) {
    std::set<FrontPoint> f;
    for (const auto& r : rows) {
        if (!(dsp ? r.pareto_dsp : r.pareto)) continue;
        arch::DesignPoint micro = r.design;
        micro.pll_mhz = 0;
        f.insert({arch::to_short_string(micro), fixed_decimals(r.f_mhz, 6), fixed_decimals(r.tokens_per_s, 1), r.alms, r.dsp});
    }
    return f;
}

}  // namespace

TEST_CASE("exhaustive: the pruned fronts equal the full grid's", "[explorer][exhaustive]") {
    test::TempDir dir;
    // Clocks around every point's Fmax (some meet timing at every request, some
    // at none), resources on both sides of the caps (64 lanes do not fit).
    const std::string body =
        "lanes = 4, 16, 64\ncols_per_cycle = 1, 2, 4\nweight_memory = logic, m10k\nweight_banks = 4, 16\n"
        "bram_ports = 1, 2\nkv_memory = registers, m10k\nnorm_radix_bits = 1, 4\ndiv_radix_bits = 1, 4\n"
        "sampler = sequential, parallel\npll_mhz = 25, 40:70:5, 56.25, 100, 150\n[workload]\nnames = 4\n";
    const std::string grid = test::write_sweep(dir, "full", "strategy = grid\n" + body);
    const std::string pruned = test::write_sweep(dir, "pruned", "strategy = exhaustive\n" + body);
    const auto g = run_explore(test::explore_options(grid, dir.file("full")));
    const auto e = run_explore(test::explore_options(pruned, dir.file("pruned")));
    const auto grid_rows = test::rows_of(g), pruned_rows = test::rows_of(e);
    // 3 x 3 x (1 + 2 x 2) x 2 x 2 x 2 x 2 micro-architectures, 11 clocks each
    REQUIRE(grid_rows.size() == 720 * 11);  // the baseline (56.25 MHz) is a grid point
    REQUIRE(pruned_rows.size() == 720 + 1);
    // the fronts a run marks (kept as rows arrive) are the batch fronts of all its rows
    std::vector<PointRow> batch = grid_rows;
    mark_pareto(batch);
    for (size_t i = 0; i < batch.size(); ++i) {
        CHECK(batch[i].pareto == grid_rows[i].pareto);
        CHECK(batch[i].pareto_dsp == grid_rows[i].pareto_dsp);
    }
    long feasible_fronts = 0;
    for (bool dsp : {false, true}) {
        const auto full = front_of(grid_rows, dsp), fast = front_of(pruned_rows, dsp);
        CHECK(full.size() >= 3);
        CHECK(full == fast);
        feasible_fronts += static_cast<long>(full.size());
    }
    CHECK(feasible_fronts > 0);
    REQUIRE(g.digest.best());
    REQUIRE(e.digest.best());
    CHECK(g.digest.best()->key() == e.digest.best()->key());
    CHECK(g.digest.best()->tokens_per_s == e.digest.best()->tokens_per_s);
    // what each key buys: the same best tokens/s and ALMs for every value (pll_mhz aside: pruned requests vanish)
    for (const auto& [key, values] : g.digest.key_values()) {
        if (key == "pll_mhz") continue;
        for (const auto& [v, best] : values) {
            INFO(key << " = " << v);
            const auto& p = e.digest.key_values().at(key).at(v);
            CHECK(p.tokens_per_s == best.tokens_per_s);
            CHECK(p.alms == best.alms);
        }
    }
    // the pruning is not vacuous: some micro-architectures miss timing at the fastest requests
    long slower = 0;
    for (const auto& r : pruned_rows) slower += r.index > 0 && r.design.pll_mhz < 150;
    CHECK(slower > 0);
    CHECK_THAT(test::read_text(dir.file("pruned/report.md")), Catch::Contains("exhaustive: the global optimum of the models"));
}
