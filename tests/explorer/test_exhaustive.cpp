// The exhaustive strategy's pruning is safe: a point's cycles, resources and
// Fmax do not depend on pll_mhz, so per micro-architecture only its fastest
// PLL request that meets timing can be on a front. On a grid small enough to
// evaluate whole, the pruned run's fronts, best point and per-key bests equal
// the full grid's.
#include <catch2/catch.hpp>

#include <map>
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

// A micro-architecture's identity: every key but pll_mhz; with one slot per
// core the schedule and slot memory change nothing, with M10K weights the
// ROM layout changes nothing, so they read as the first.
std::string micro_of(arch::DesignPoint d) {
    d.pll_mhz = 0;
    d.name.clear();
    if (d.weight_memory == arch::WeightMemory::m10k) d.rom_layout = arch::RomLayout::matrix;
    if (d.sequences == 1) {
        d.schedule = arch::Policy::oldest;
        d.slot_memory = arch::SlotMemory::registers;
    }
    return arch::to_short_string(d);
}

std::set<FrontPoint> front_of(const std::vector<PointRow>& rows, bool dsp) {
    std::set<FrontPoint> f;
    for (const auto& r : rows)
        if (dsp ? r.pareto_dsp : r.pareto)
            f.insert({micro_of(r.design), fixed_decimals(r.f_mhz, 6), fixed_decimals(r.tokens_per_s, 1), r.alms,
                      r.dsp});
    return f;
}

// A sweep body run as a grid (the reference, every point) and exhaustively.
struct GridAndPruned {
    ExploreResult grid, pruned;
    std::vector<PointRow> grid_rows, pruned_rows;
};

GridAndPruned run_both(const test::TempDir& dir, const std::string& body) {
    GridAndPruned r;
    auto run = [&](const std::string& name, const std::string& strategy) {
        return run_explore(test::explore_options(test::write_sweep(dir, name, strategy + body), dir.file(name)));
    };
    r.grid = run("full", "strategy = grid\n");
    r.pruned = run("pruned", "strategy = exhaustive\n");
    r.grid_rows = test::rows_of(r.grid);
    r.pruned_rows = test::rows_of(r.pruned);
    return r;
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
    const GridAndPruned runs = run_both(dir, body);
    const auto &g = runs.grid, &e = runs.pruned;
    const auto &grid_rows = runs.grid_rows, &pruned_rows = runs.pruned_rows;
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

TEST_CASE("exhaustive over slot variants: the pruned plan keeps every point that can be feasible",
          "[explorer][exhaustive][slots]") {
    test::TempDir dir;
    // Base micro-architectures on both sides of the caps with one slot and with
    // several (explorer/slot_variants.hpp), both schedules and slot memories, both ROM
    // layouts (no effect with M10K weights), clocks around Fmax.
    const std::string body =
        "lanes = 1, 4, 16\nweight_memory = logic, m10k\nweight_banks = 4\nbram_ports = 1, 2\nrom_layout = matrix, step\n"
        "kv_memory = registers, m10k\nsampler = sequential, parallel\nsequences = 1, 2, 4\ncores = 1, 2\n"
        "schedule = oldest, round_robin\nslot_memory = registers, mlab\npll_mhz = 25, 50, 56.25, 100, 150\n[workload]\nnames = 4\n";
    const GridAndPruned runs = run_both(dir, body);
    const auto &g = runs.grid, &e = runs.pruned;
    const auto &grid_rows = runs.grid_rows, &pruned_rows = runs.pruned_rows;
    // 3 x (2 + 2 x 2) x 2 x 2 bases (lanes x (logic layouts + ports x layouts) x kv x sampler)
    // x 3 x 2 x 2 x 2 variants, 5 clocks each
    REQUIRE(grid_rows.size() == 72 * 24 * 5);
    // The grid, evaluated whole, is the reference: every micro-architecture
    // (the schedule and slot memory of one slot per core aside: they change nothing) that fits
    // with several slots, or has one slot, is in the pruned plan exactly once.
    // every grid row by its whole design (clock included), to find a row's twin
    auto key_of = [](arch::DesignPoint d) {
        d.name.clear();
        return arch::to_short_string(d);
    };
    std::map<std::string, const PointRow*> by_design;
    for (const auto& r : grid_rows) by_design.emplace(key_of(r.design), &r);
    auto twin_of = [&](arch::DesignPoint d) -> const PointRow* {
        const auto it = by_design.find(key_of(d));
        return it == by_design.end() ? nullptr : it->second;
    };
    auto same_figures = [](const PointRow& a, const PointRow& b) {
        return a.tokens_per_s == b.tokens_per_s && a.alms == b.alms && a.mlabs == b.mlabs && a.fmax_mhz == b.fmax_mhz;
    };
    std::set<std::string> expected, kept, several_left_out;
    long step_cheaper = 0;
    for (const auto& r : grid_rows) {
        const bool one_slot = r.design.sequences * r.design.cores == 1;
        if (one_slot || r.fits) expected.insert(micro_of(r.design));
        else several_left_out.insert(micro_of(r.design));
        if (r.design.sequences == 1 &&
            (r.design.schedule == arch::Policy::round_robin || r.design.slot_memory == arch::SlotMemory::mlab)) {
            // the duplicate's figures are its (oldest, registers) twin's
            arch::DesignPoint d = r.design;
            d.schedule = arch::Policy::oldest;
            d.slot_memory = arch::SlotMemory::registers;
            const PointRow* twin = twin_of(d);
            CHECK((twin && same_figures(*twin, r)));
        }
        if (r.design.rom_layout == arch::RomLayout::step) {
            arch::DesignPoint d = r.design;
            d.rom_layout = arch::RomLayout::matrix;
            const PointRow* twin = twin_of(d);
            REQUIRE(twin);
            // M10K weights: the same figures as the matrix-layout twin; logic ROMs: a
            // different micro-architecture, never more ALMs
            if (r.design.weight_memory == arch::WeightMemory::m10k) CHECK(same_figures(*twin, r));
            else {
                CHECK(r.alms <= twin->alms);
                step_cheaper += r.alms < twin->alms;
            }
        }
    }
    CHECK(step_cheaper > 0);
    for (size_t i = 1; i < pruned_rows.size(); ++i) CHECK(kept.insert(micro_of(pruned_rows[i].design)).second);
    CHECK(kept == expected);
    // not vacuous: several slots both fit and not
    long several_kept = 0;
    for (const auto& r : pruned_rows) several_kept += r.design.sequences * r.design.cores > 1;
    CHECK(several_kept > 0);
    CHECK(!several_left_out.empty());
    // the fronts: equal, with a one-slot schedule duplicate read as its twin (equal figures)
    for (bool dsp : {false, true}) {
        CHECK(front_of(grid_rows, dsp).size() >= 2);
        CHECK(front_of(grid_rows, dsp) == front_of(pruned_rows, dsp));
    }
    REQUIRE(g.digest.best());
    REQUIRE(e.digest.best());
    CHECK(g.digest.best()->tokens_per_s == e.digest.best()->tokens_per_s);
    CHECK(g.digest.best()->alms == e.digest.best()->alms);
    // what each key buys: the same best for every value that has a feasible
    // point; a schedule's and a slot memory's, over the points where they act (several slots per core)
    double round_robin_best = 0, mlab_best = 0;
    for (const auto& r : grid_rows)
        if (r.feasible && r.design.sequences > 1) {
            if (r.design.schedule == arch::Policy::round_robin) round_robin_best = std::max(round_robin_best, r.tokens_per_s);
            if (r.design.slot_memory == arch::SlotMemory::mlab) mlab_best = std::max(mlab_best, r.tokens_per_s);
        }
    CHECK(round_robin_best > 0);
    CHECK(e.digest.key_values().at("schedule").at("round_robin").tokens_per_s == round_robin_best);
    // a step layout's, over the points where it acts (logic ROMs); the matrix layout's, over all
    double step_best = 0, matrix_best = 0;
    for (const auto& r : grid_rows)
        if (r.feasible) {
            if (r.design.rom_layout == arch::RomLayout::step && r.design.weight_memory == arch::WeightMemory::logic)
                step_best = std::max(step_best, r.tokens_per_s);
            if (r.design.rom_layout == arch::RomLayout::matrix) matrix_best = std::max(matrix_best, r.tokens_per_s);
        }
    CHECK(step_best > 0);
    CHECK(e.digest.key_values().at("rom_layout").at("step").tokens_per_s == step_best);
    CHECK(e.digest.key_values().at("rom_layout").at("matrix").tokens_per_s == matrix_best);
    // (the MLABs' fixed cost may leave no feasible point in this small grid: then none either)
    const auto& mlab = e.digest.key_values().at("slot_memory");
    if (mlab_best > 0) CHECK(mlab.at("mlab").tokens_per_s == mlab_best);
    else CHECK((!mlab.count("mlab") || mlab.at("mlab").index < 0));
    for (const auto& [key, values] : g.digest.key_values()) {
        if (key == "pll_mhz" || key == "schedule" || key == "slot_memory" || key == "rom_layout") continue;
        for (const auto& [v, best] : values) {
            INFO(key << " = " << v);
            const auto& kv = e.digest.key_values();
            const bool listed = kv.count(key) && kv.at(key).count(v);
            if (best.index < 0) {
                CHECK((!listed || kv.at(key).at(v).index < 0));
                continue;
            }
            REQUIRE(listed);
            CHECK(kv.at(key).at(v).tokens_per_s == best.tokens_per_s);
            CHECK(kv.at(key).at(v).alms == best.alms);
        }
    }
}
