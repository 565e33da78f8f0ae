// Pareto fronts on hand-made sets; points.csv rows and journals round-trip.
#include <catch2/catch.hpp>

#include "explorer/evaluator.hpp"
#include "explorer/model_calibration.hpp"
#include "explorer/pareto.hpp"
#include "explorer/planner.hpp"
#include "explorer/point_row.hpp"
#include "explorer/run_digest.hpp"

#include <random>
#include <set>
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

TEST_CASE("the Pareto front keeps exactly the non-dominated eligible points", "[explorer][pareto]") {
    //                     0    1    2    3    4    5    6    7    8
    const std::vector<double> gain = {10, 20, 20, 15, 30, 30, 25, 40, 50};
    const std::vector<double> cost = {1, 2, 3, 2, 5, 5, 5, 9, 4};
    const std::vector<bool> ok = {true, true, true, true, true, true, true, true, false};
    const auto f = pareto_front(gain, cost, ok);
    // 0 (cheapest), 1 (20 at 2; 3 is slower at the same cost, 2 costs more for the same),
    // 4 and 5 (equal: both kept; 6 is slower at the same cost), 7 (fastest);
    // 8 would dominate 4..7 but is not eligible
    const std::vector<bool> expect = {true, true, false, false, true, true, false, true, false};
    CHECK(f == expect);
    CHECK(pareto_front({}, {}, {}).empty());
    CHECK(pareto_front({5}, {5}, {false}) == std::vector<bool>{false});
    CHECK(pareto_front({5, 5}, {5, 5}, {true, true}) == std::vector<bool>{true, true});
    CHECK(pareto_front({1, 2, 3}, {3, 2, 1}, {true, true, true}) == std::vector<bool>{false, false, true});
}

TEST_CASE("the front kept as rows arrive is the batch front, ties and all", "[explorer][pareto]") {
    // Small integer figures make equal costs, equal gains and equal points common.
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const size_t n = 1 + rng() % 60;
        std::vector<double> gain(n), cost(n);
        std::vector<bool> ok(n, true);
        OnlineFront alm(FrontCost::alms), dsp(FrontCost::dsp);
        for (size_t i = 0; i < n; ++i) {
            PointRow r;
            r.index = static_cast<long>(i);
            r.tokens_per_s = gain[i] = static_cast<double>(rng() % 8);
            r.alms = static_cast<long>(cost[i] = static_cast<double>(rng() % 8));
            r.dsp = 7 - r.alms;  // the other front, on a reversed cost
            alm.add(r);
            dsp.add(r);
        }
        const auto batch = pareto_front(gain, cost, ok);
        std::vector<double> reversed(n);
        for (size_t i = 0; i < n; ++i) reversed[i] = 7 - cost[i];
        const auto batch_dsp = pareto_front(gain, reversed, ok);
        std::set<long> online, online_dsp, expected, expected_dsp;
        for (const PointRow* r : alm.rows()) online.insert(r->index);
        for (const PointRow* r : dsp.rows()) online_dsp.insert(r->index);
        for (size_t i = 0; i < n; ++i) {
            if (batch[i]) expected.insert(static_cast<long>(i));
            if (batch_dsp[i]) expected_dsp.insert(static_cast<long>(i));
            CHECK(alm.contains(static_cast<long>(i)) == batch[i]);
        }
        INFO("trial " << trial);
        CHECK(online == expected);
        CHECK(online_dsp == expected_dsp);
        CHECK(alm.size() == expected.size());
    }
}

TEST_CASE("mark_pareto sets the ALM and DSP fronts over feasible rows only", "[explorer][pareto]") {
    std::vector<PointRow> rows(4);
    const double tps[] = {100, 200, 300, 400};
    const long alms[] = {10, 20, 30, 5}, dsp[] = {40, 10, 30, 5};
    const bool feasible[] = {true, true, true, false};
    for (int i = 0; i < 4; ++i) {
        rows[i].index = i;
        rows[i].tokens_per_s = tps[i];
        rows[i].alms = alms[i];
        rows[i].dsp = dsp[i];
        rows[i].feasible = feasible[i];
    }
    mark_pareto(rows);
    CHECK(rows[0].pareto);
    CHECK(rows[1].pareto);
    CHECK(rows[2].pareto);
    CHECK(!rows[3].pareto);
    CHECK(!rows[0].pareto_dsp);  // 1 is faster with fewer DSP blocks
    CHECK(rows[1].pareto_dsp);
    CHECK(rows[2].pareto_dsp);
    CHECK(!rows[3].pareto_dsp);
}

TEST_CASE("points.csv rows round-trip through text exactly, and torn journal tails are dropped", "[explorer][csv]") {
    const Sweep s = load_sweep(test::source_path("configs/sweeps/smoke.cfg"));
    const Evaluator ev(s, load_rom_dir(s.workload.weights_dir), load_model_calibration(test::source_path("explorer/calibration.csv")),
                       load_structural_index(default_structural_timing_paths()));
    Planner planner(s);
    std::vector<PointRow> rows;
    for (const auto& p : planner.initial()) rows.push_back(ev.evaluate(p));
    test::TempDir dir;
    const std::string path = dir.file("points.csv");
    write_points_csv(path, rows);
    const auto back = read_points_csv(path);
    REQUIRE(back.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) CHECK(to_csv_line(back[i]) == to_csv_line(rows[i]));
    CHECK(points_csv_columns().size() == 64);

    // A kill mid-write leaves a line without its newline: dropped (journals), an error (points.csv).
    const std::string text = test::read_text(path);
    test::write_text(path, text.substr(0, text.size() - 40));
    bool torn = false;
    const auto partial = read_points_csv(path, true, &torn);
    CHECK(torn);
    CHECK(partial.size() == rows.size() - 1);
    CHECK_THROWS_WITH(read_points_csv(path), Catch::Contains("truncated line"));
    // A damaged row in the middle is an error naming the line and the column.
    std::string bad = text;
    bad.replace(bad.find(",tlm-proven-analytic,"), 1, ";");
    test::write_text(path, bad);
    CHECK_THROWS_WITH(read_points_csv(path), Catch::Contains("points.csv:2:"));
}
