// Whole runs through the library: best.cfg is a loadable design; shards
// partition the sweep and merge reproduces the unsharded run; an interrupted
// run resumes with no lost or duplicated rows (with and without local search).
#include <catch2/catch.hpp>

#include <set>

#include "explorer/explore_run.hpp"
#include "explorer/merge_run.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

ExploreOptions options(const std::string& sweep, const std::string& out) { return test::explore_options(sweep, out); }

// A small random sweep with local search, so shards and resumes must re-plan the rounds.
std::string search_sweep(const test::TempDir& dir) {
    return test::write_sweep(dir, "search",
                             "strategy = random\nsamples = 60\nseed = 3\nlocal_search_rounds = 2\n"
                             "lanes = 4, 8, 16\ncols_per_cycle = 1, 2, 4\nweight_memory = logic, m10k\n"
                             "weight_banks = 4, 8\nbram_ports = 1, 2\nsampler = sequential, parallel\n"
                             "argmax = sequential, tree\npll_mhz = 40:70:5\n[workload]\nnames = 6\n");
}

}  // namespace

TEST_CASE("explore writes every output and a best.cfg that loads as the best feasible point", "[explorer][run]") {
    test::TempDir dir;
    const auto r = run_explore(options(test::source_path("configs/sweeps/smoke.cfg"), dir.file("out")));
    for (const char* f : {"points.csv", "report.md", "best.cfg", "pareto.png", "pareto.svg", "pareto.gp", "run.cfg"})
        CHECK(test::path_exists(dir.file(std::string("out/") + f)));
    CHECK(!test::path_exists(dir.file("out/points.partial.csv")));
    const auto rows = test::rows_of(r);
    REQUIRE(rows.size() == 49);
    REQUIRE(r.best_index >= 0);
    const arch::DesignPoint best = arch::load_design(dir.file("out/best.cfg"));
    const PointRow& row = rows[static_cast<size_t>(r.best_index)];
    CHECK(arch::to_short_string(best) == row.key());
    CHECK(row.feasible);
    for (const auto& x : rows)
        if (x.feasible) CHECK(x.tokens_per_s <= row.tokens_per_s);
    const std::string report = test::read_text(dir.file("out/report.md"));
    CHECK_THAT(report, Catch::Contains("## Why the other points lose") && Catch::Contains("25,851") &&
                           Catch::Contains("Quartus reference"));
}

TEST_CASE("shards partition the sweep and merging them reproduces the unsharded run", "[explorer][shard]") {
    test::TempDir dir;
    for (const std::string& sweep : {test::source_path("configs/sweeps/smoke.cfg"), search_sweep(dir)}) {
        INFO("sweep " << sweep);
        const auto whole = run_explore(options(sweep, dir.file("whole")));
        std::set<long> seen;
        std::vector<std::string> shards;
        for (int i = 0; i < 3; ++i) {
            auto o = options(sweep, dir.file("shard" + std::to_string(i)));
            o.shard_index = i;
            o.shard_count = 3;
            const auto part = run_explore(o);
            for (const auto& r : test::rows_of(part)) {
                CHECK(r.index % 3 == i);
                CHECK(seen.insert(r.index).second);  // disjoint
            }
            shards.push_back(o.out_dir);
        }
        CHECK(seen.size() == test::rows_of(whole).size());  // the union is the whole run
        MergeOptions m;
        m.dirs = {shards[2], shards[0], shards[1]};
        m.out_dir = dir.file("merged");
        run_merge(m);
        for (const char* f : {"points.csv", "report.md", "best.cfg", "run.cfg"})
            CHECK(test::read_text(dir.file(std::string("merged/") + f)) ==
                  test::read_text(dir.file(std::string("whole/") + f)));
        // refusals: a missing shard, a repeated shard, shards of another sweep
        m.dirs = {shards[0], shards[1]};
        CHECK_THROWS_WITH(run_merge(m), Catch::Contains("missing shards 2 of 3"));
        m.dirs = {shards[0], shards[1], shards[1]};
        CHECK_THROWS_WITH(run_merge(m), Catch::Contains("are both shard 1/3"));
        std::filesystem::remove_all(dir.file("whole"));
        for (const auto& s : shards) std::filesystem::remove_all(s);
        std::filesystem::remove_all(dir.file("merged"));
    }
}

TEST_CASE("an interrupted run resumes without losing or duplicating rows", "[explorer][resume]") {
    test::TempDir dir;
    for (const std::string& sweep : {test::source_path("configs/sweeps/smoke.cfg"), search_sweep(dir)}) {
        INFO("sweep " << sweep);
        const auto whole = run_explore(options(sweep, dir.file("whole")));
        auto o = options(sweep, dir.file("cut"));
        o.stop_after = 20;
        const auto first = run_explore(o);
        CHECK(first.interrupted);
        const std::string journal = dir.file("cut/points.partial.csv");
        REQUIRE(test::path_exists(journal));
        CHECK(!test::path_exists(dir.file("cut/points.csv")));
        // the kill tore the last row in half
        const std::string text = test::read_text(journal);
        test::write_text(journal, text.substr(0, text.size() - 25));
        // rerunning without --resume refuses to clobber the journal
        o.stop_after = -1;
        CHECK_THROWS_WITH(run_explore(o), Catch::Contains("rerun with --resume"));
        o.resume = true;
        const auto resumed = run_explore(o);
        CHECK(resumed.resumed_rows == 19);
        CHECK(!resumed.interrupted);
        CHECK(!test::path_exists(journal));
        CHECK(test::read_text(dir.file("cut/points.csv")) == test::read_text(dir.file("whole/points.csv")));
        CHECK(test::read_text(dir.file("cut/report.md")) == test::read_text(dir.file("whole/report.md")));
        // resuming a finished run only rewrites its outputs
        const auto again = run_explore(o);
        CHECK(again.resumed_rows == static_cast<long>(test::rows_of(whole).size()));
        CHECK(test::read_text(dir.file("cut/points.csv")) == test::read_text(dir.file("whole/points.csv")));
        // a folder of another sweep is refused
        if (sweep.find("smoke") == std::string::npos) {
            auto other = options(test::source_path("configs/sweeps/smoke.cfg"), dir.file("cut"));
            other.resume = true;
            CHECK_THROWS_WITH(run_explore(other), Catch::Contains("holds another run: different sweeps"));
        }
        std::filesystem::remove_all(dir.file("whole"));
        std::filesystem::remove_all(dir.file("cut"));
    }
}
