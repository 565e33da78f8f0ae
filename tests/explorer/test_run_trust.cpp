// What explore and merge take from disk is checked, not trusted: every row of
// a resumed journal, of a finished run and of a merged shard is evaluated
// again (an edited row is refused, naming its file, line and column); a TLM
// row's cycles must be the closed form's; one process at a time writes a
// results folder; a killed run's temporary files are removed; a sweep too
// large for memory is refused before it is planned, and a grid shard plans
// only its own points; merge never writes into one of its shards.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "explorer/explore_run.hpp"
#include "explorer/folder_lock.hpp"
#include "explorer/merge_run.hpp"
#include "explorer/planner.hpp"
#include "explorer/text_util.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

ExploreOptions options(const std::string& sweep, const std::string& out) { return test::explore_options(sweep, out); }

// A grid of 120 points and the baseline (4 names a point): more rows than the
// first 100 a resume used to recheck.
std::string grid_121(const test::TempDir& dir) {
    return test::write_sweep(dir, "g121",
                             "lanes = 1, 2, 4, 8, 16\ncols_per_cycle = 1, 2, 4\nsampler = sequential, parallel\n"
                             "argmax = sequential, tree\npll_mhz = 50, 60\n[workload]\nnames = 4\n");
}

// Replaces the fields named in `edits` (column -> value) of the data row on `line` (1 = header) of `path`.
void edit_row(const std::string& path, int line, const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string text = test::read_text(path);
    size_t start = 0;
    for (int l = 1; l < line; ++l) start = text.find('\n', start) + 1;
    const size_t end = text.find('\n', start);
    auto fields = split(text.substr(start, end - start), ',');
    const auto& cols = points_csv_columns();
    for (const auto& [col, value] : edits)
        fields[static_cast<size_t>(std::find(cols.begin(), cols.end(), col) - cols.begin())] = value;
    std::string row;
    for (const auto& f : fields) row += (row.empty() ? "" : ",") + f;
    test::write_text(path, text.substr(0, start) + row + text.substr(end));
}

}  // namespace

TEST_CASE("resume re-evaluates every row and refuses an edited one, naming file, line and column",
          "[explorer][resume][trust]") {
    test::TempDir dir;
    const std::string sweep = grid_121(dir);
    auto o = options(sweep, dir.file("cut"));
    o.jobs = 1;  // the journal in plan order: line k + 2 holds point k
    o.stop_after = 115;
    REQUIRE(run_explore(o).interrupted);
    const std::string journal = dir.file("cut/points.partial.csv");
    // point 109 (line 111): far past the first 100 rows
    edit_row(journal, 111, {{"tokens_per_s", "999999.9"}, {"alms", "1"}});
    const std::string edited = test::read_text(journal);
    o.stop_after = -1;
    o.resume = true;
    CHECK_THROWS_WITH(run_explore(o), Catch::Contains(journal + ":111: column 'tokens_per_s' of point 109 is "
                                                                "'999999.9', its re-evaluation") &&
                                          Catch::Contains("delete the folder and start over"));
    // refused before anything was written: the folder is as the kill left it
    CHECK(test::read_text(journal) == edited);
    CHECK(!test::path_exists(dir.file("cut/points.csv")));
    CHECK(!test::path_exists(dir.file("cut/best.cfg")));

    // a finished run's points.csv is checked the same way when --resume refreshes it
    auto whole = options(sweep, dir.file("whole"));
    run_explore(whole);
    const std::string points = dir.file("whole/points.csv");
    edit_row(points, 120, {{"alms", "2"}});
    whole.resume = true;
    CHECK_THROWS_WITH(run_explore(whole), Catch::Contains(points + ":120: column 'alms' of point 118 is '2'"));
    // a row of another point's design under this index
    run_explore(options(sweep, dir.file("whole")));
    edit_row(points, 50, {{"lanes", "64"}});
    CHECK_THROWS_WITH(run_explore(whole), Catch::Contains(points + ":50: point 48 (") &&
                                              Catch::Contains("is not this run's point 48"));
}

TEST_CASE("merge re-evaluates every shard row and never writes into a shard", "[explorer][shard][trust]") {
    test::TempDir dir;
    const std::string sweep = test::source_path("configs/sweeps/smoke.cfg");
    std::vector<std::string> shards;
    for (int i = 0; i < 3; ++i) {
        auto o = options(sweep, dir.file("s" + std::to_string(i)));
        o.shard_index = i;
        o.shard_count = 3;
        run_explore(o);
        shards.push_back(o.out_dir);
    }
    MergeOptions m;
    m.dirs = shards;
    m.out_dir = dir.file("merged");
    REQUIRE_NOTHROW(run_merge(m));  // unedited shards merge

    // merging into one of the shards is refused, and the shard is left as it is
    const std::string before = test::read_text(shards[1] + "/points.csv");
    m.out_dir = shards[1];
    CHECK(out_dir_is_a_shard(m).find("is the shard folder " + shards[1] + " (shard 1/3)") != std::string::npos);
    CHECK_THROWS_AS(run_merge(m), std::invalid_argument);
    m.out_dir = shards[1] + "/../s1";  // the same folder by another name
    CHECK_THROWS_WITH(run_merge(m), Catch::Contains("(shard 1/3)"));
    CHECK(test::read_text(shards[1] + "/points.csv") == before);
    CHECK(!test::path_exists(shards[1] + "/report.md"));

    // an edited shard value is refused, naming the shard's file, line and column
    edit_row(shards[2] + "/points.csv", 5, {{"tokens_per_s", "999999.9"}});
    m.out_dir = dir.file("merged2");
    CHECK_THROWS_WITH(run_merge(m), Catch::Contains(shards[2] + "/points.csv:5: column 'tokens_per_s'") &&
                                         Catch::Contains("rerun shard 2/3"));
    CHECK(!test::path_exists(dir.file("merged2/points.csv")));
}

TEST_CASE("TLM rows are held to the closed form's cycles on resume", "[explorer][resume][trust][tlm]") {
    test::TempDir dir;
    const std::string sweep = test::source_path("configs/sweeps/smoke.cfg");
    auto o = options(sweep, dir.file("tlm"));
    o.engine = "tlm";
    const auto first = run_explore(o);  // the one SystemC elaboration of this process
    const auto first_rows = test::rows_of(first);
    REQUIRE(first_rows.size() == 49);
    o.resume = true;
    CHECK(run_explore(o).resumed_rows == 49);  // unedited TLM rows pass (nothing is simulated again)

    // A row edited consistently: other cycles with every derived figure
    // recomputed from them (what an old resume's recheck accepted).
    const Sweep s = load_sweep(sweep);
    const Evaluator ev(s, load_rom_dir(s.workload.weights_dir), test::shipped_calibration(),
                       load_structural_index(default_structural_timing_paths()));
    const PointRow& r = first_rows[7];
    WorkloadCycles other = ev.workload_cycles(r.design);
    other.total_cycles -= 1000;
    other.makespan -= 1000;
    const PointRow faked = ev.with_cycles(r, other, r.worst_step_cycles, r.cycles_source, r.worst_source);
    REQUIRE(faked.tokens_per_s > r.tokens_per_s);
    const std::string points = dir.file("tlm/points.csv");
    std::string text = test::read_text(points);
    const std::string line = to_csv_line(r);
    PointRow marked = faked;
    marked.pareto = r.pareto;
    marked.pareto_dsp = r.pareto_dsp;
    REQUIRE(text.find(line) != std::string::npos);
    text.replace(text.find(line), line.size(), to_csv_line(marked));
    test::write_text(points, text);
    CHECK_THROWS_WITH(run_explore(o), Catch::Contains(points + ":9: column 'total_cycles' of point 7") &&
                                          Catch::Contains("the closed form's cycles"));
}

TEST_CASE("one process at a time writes a results folder, and a killed run's temporaries are removed",
          "[explorer][resume][lock]") {
    test::TempDir dir;
    const std::string sweep = test::source_path("configs/sweeps/smoke.cfg");
    auto o = options(sweep, dir.file("out"));
    o.stop_after = 10;
    run_explore(o);
    o.stop_after = -1;
    o.resume = true;
    {
        const FolderLock other(dir.file("out"));  // another run holds the folder
        CHECK_THROWS_WITH(run_explore(o), Catch::Contains("another microgpt-dse process (pid " +
                                                          std::to_string(::getpid()) + ") is writing this results folder"));
        CHECK(test::path_exists(dir.file("out/points.partial.csv")));  // untouched
        MergeOptions m;
        m.dirs = {dir.file("elsewhere")};
        m.out_dir = dir.file("out");
        CHECK_THROWS(run_merge(m));
    }
    // what a kill during the plots (and during atomic writes) leaves, and files that are not ours
    const std::vector<std::string> stale = {"pareto.svg.tmp.4242", "pareto.png.tmp.4242", "pareto.log.tmp.4242",
                                            "pareto.gp.tmp.4242.tmp.4242", "points.csv.tmp.17", "report.md.tmp.99"};
    const std::vector<std::string> kept = {"pareto.svg.tmp.mine", "notes.tmp.12", "pareto.svg.orig"};
    for (const auto& f : stale) test::write_text(dir.file("out/" + f), "x");
    for (const auto& f : kept) test::write_text(dir.file("out/" + f), "x");
    const auto r = run_explore(o);
    CHECK(r.resumed_rows == 10);
    for (const auto& f : stale) CHECK(!test::path_exists(dir.file("out/" + f)));
    for (const auto& f : kept) CHECK(test::path_exists(dir.file("out/" + f)));
    CHECK(!test::path_exists(dir.file("out/") + FolderLock::file_name()));  // released and removed
}

TEST_CASE("a held plan above --max-points is refused before planning, a grid streams, a grid shard plans only its points",
          "[explorer][sweep][size]") {
    test::TempDir dir;
    // the baseline (lanes 16, 56.25 MHz) is a grid point here: the grid skips it
    const std::string sweep = test::write_sweep(dir, "g", "lanes = 8, 16\ncols_per_cycle = 1, 2, 4\n"
                                                          "sampler = sequential, parallel\npll_mhz = 50, 56.25\n"
                                                          "[workload]\nnames = 4\n");
    const Sweep s = load_sweep(sweep);
    const DesignSpace space(s);
    REQUIRE(space.size() == 24);
    REQUIRE(space.index_of(s.baseline).has_value());
    // the plan, built independently: the baseline, then every other grid point in grid order
    std::vector<std::string> expected{arch::to_short_string(s.baseline)};
    for (uint64_t i = 0; i < space.size(); ++i)
        if (arch::to_short_string(space.at(i)) != expected[0]) expected.push_back(arch::to_short_string(space.at(i)));
    REQUIRE(expected.size() == 24);
    const auto whole = Planner(s).initial();
    REQUIRE(whole.size() == expected.size());
    for (size_t i = 0; i < whole.size(); ++i) CHECK(arch::to_short_string(whole[i].design) == expected[i]);
    for (int shard = 0; shard < 5; ++shard) {
        Planner p(s);
        const auto part = p.initial(shard, 5);
        CHECK(p.planned() == 24);
        CHECK(part.size() == (24 - static_cast<size_t>(shard) + 4) / 5);
        for (const auto& pt : part) {
            CHECK(pt.index % 5 == shard);
            CHECK(arch::to_short_string(pt.design) == expected[static_cast<size_t>(pt.index)]);
            CHECK(pt.design.name == "g_" + std::to_string(pt.index));
        }
    }
    CHECK(plan_size(s, 0, 1).initial == 24);
    CHECK(plan_size(s, 3, 5).held == 5);

    // a grid streams: no limit on its points; shards run, and merge (streaming too) reproduces the whole run
    auto o = options(sweep, dir.file("whole"));
    o.max_points = 10;
    REQUIRE_NOTHROW(run_explore(o));
    MergeOptions m;
    for (int i = 0; i < 3; ++i) {
        auto so = options(sweep, dir.file("s" + std::to_string(i)));
        so.max_points = 10;
        so.shard_index = i;
        so.shard_count = 3;
        CHECK(test::rows_of(run_explore(so)).size() == 8);
        m.dirs.push_back(so.out_dir);
    }
    m.out_dir = dir.file("merged");
    m.max_points = 10;
    run_merge(m);
    for (const char* f : {"points.csv", "report.md", "best.cfg"})
        CHECK(test::read_text(dir.file(std::string("merged/") + f)) == test::read_text(dir.file(std::string("whole/") + f)));
    // a sampled plan is held in memory: above the limit it is refused with the size and the ways out
    const std::string sampled = test::write_sweep(dir, "rs", "strategy = random\nsamples = 20\nlanes = 1, 2, 4, 8, 16, 32, 64\n"
                                                             "cols_per_cycle = 1, 2, 4, 8, 16\n[workload]\nnames = 4\n");
    auto ro = options(sampled, dir.file("rs"));
    ro.max_points = 10;
    CHECK_THROWS_WITH(run_explore(ro), Catch::Contains("samples = 20") && Catch::Contains("GiB") &&
                                           Catch::Contains("--max-points"));
    CHECK(!test::path_exists(dir.file("rs")));

    // local search plans the whole grid in every shard: the message says so
    const std::string searched = test::write_sweep(dir, "gs", "lanes = 8, 16\ncols_per_cycle = 1, 2, 4\n"
                                                              "local_search_rounds = 1\n[workload]\nnames = 4\n");
    auto so = options(searched, dir.file("gs"));
    so.max_points = 3;
    so.shard_count = 4;
    CHECK_THROWS_WITH(run_explore(so), Catch::Contains("Shards do not help here"));
    // the shipped sweeps stay within the default limit
    for (const char* f : {"configs/sweeps/de1soc.cfg", "configs/sweeps/smoke.cfg"})
        CHECK_NOTHROW(check_plan_size(load_sweep(test::source_path(f)), 0, 1, kDefaultMaxPoints));
}
