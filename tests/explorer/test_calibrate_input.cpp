// calibrate refuses absurd input instead of fitting it: a measured item given
// twice (both lines named), and a fit whose result is degenerate (a model
// total of nothing for the reference build, a yosys-to-Quartus factor that
// is not finite or beyond ten either way).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "explorer/measurements.hpp"
#include "explorer/reference_fits.hpp"
#include "explorer/resource_model.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

TEST_CASE("calibrate input: a measured item given twice is an error naming both lines", "[explorer][calibration]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("points"));
    test::write_text(dir.file("points/base.cfg"), test::read_text(test::source_path("configs/designs/baseline.cfg")));
    const std::string header = "point,component,luts,alms_est,ffs,dsp,mlab,m10k_bits,cells,seconds,status\n";
    const std::string row = "base,rms_engine,500,380,260,0,0,0,900,12,ok\n";
    test::write_text(dir.file("yosys_figures.csv"), header + row);
    CHECK(read_measurements(dir.file("yosys_figures.csv")).size() == 4);
    test::write_text(dir.file("yosys_figures.csv"), header + row + "base,divider,1,1,1,0,0,0,1,1,ok\n" + row);
    CHECK_THROWS_WITH(read_measurements(dir.file("yosys_figures.csv")),
                      Catch::Contains("yosys_figures.csv:4: duplicate row: point base, component rms_engine is "
                                      "measured on line 2 already"));
    // the generic format: the same design file (by any spelling), group and metric
    test::write_text(dir.file("m.csv"), "design,group,metric,value,source\npoints/base.cfg,tile,alms,100,x\n"
                                        "points/base.cfg,tile,registers,100,x\n./points/../points/base.cfg,tile,alms,90,x\n");
    CHECK_THROWS_WITH(read_measurements(dir.file("m.csv")),
                      Catch::Contains("m.csv:4: duplicate row: design ./points/../points/base.cfg, group tile, metric "
                                      "alms is measured on line 2 already"));
}

TEST_CASE("calibrate: a degenerate fit is refused, naming why", "[explorer][calibration]") {
    // every resource coefficient fitted to zero (all-zero yosys figures): the
    // baseline's model is nothing, and no factor scales nothing to Quartus
    Calibration zero = test::shipped_calibration();
    for (const auto& c : resource_components())
        for (const char* m : {"alms", "registers"})
            if (zero.has(c.name, m)) zero.set(c.name, m, 0, "test");
    CHECK_THROWS_WITH(fit_to_reference(zero, nullptr),
                      Catch::Contains("quartus_correction,alms: the model's yosys-equivalent alms of the 16-lane "
                                      "(baseline) reference build are 0.000000") &&
                          Catch::Contains("degenerate"));
    // nearly nothing: the factor is absurd
    Calibration tiny = test::shipped_calibration();
    for (const auto& c : resource_components())
        if (tiny.has(c.name, "alms")) tiny.set(c.name, "alms", tiny.get(c.name, "alms") * 1e-3, "test");
    // the factor is 1000 times the shipped one (its leading digits named in the message)
    const std::string thousandfold =
        std::to_string(static_cast<long>(1000 * test::shipped_calibration().get("quartus_correction", "alms")));
    CHECK_THROWS_WITH(fit_to_reference(tiny, nullptr), Catch::Contains("quartus_correction,alms = " + thousandfold) &&
                                                           Catch::Contains("outside 0.1 .. 10.0"));
    CHECK_NOTHROW(fit_to_reference(test::shipped_calibration(), nullptr));
    CHECK_NOTHROW(check_quartus_factor("f", 0.87, "test"));
    CHECK_THROWS_WITH(check_quartus_factor("f", std::numeric_limits<double>::infinity(), "x"),
                      Catch::Contains("f = not finite"));
    CHECK_THROWS_WITH(check_quartus_factor("f", 2.1e9, "x"), Catch::Contains("f = 2100000000.000000: outside"));
    CHECK_THROWS(check_quartus_factor("f", 0.01, "x"));
}
