#include <catch2/catch.hpp>

#include "model/parse_values.hpp"

using mgpt::parse_temperature;

TEST_CASE("temperature as a real or as Q8.8 hex", "[cli]") {
    CHECK(parse_temperature("0.5") == 0x0080);
    CHECK(parse_temperature("0x0080") == 0x0080);
    CHECK(parse_temperature("1") == 0x0100);
    CHECK(parse_temperature("0X0200") == 0x0200);
    for (const char* bad : {"", "abc", "0.5x", "0", "-1", "0x0", "0x10000", "300", "nan"})
        CHECK_THROWS_WITH(parse_temperature(bad), Catch::Contains("legal"));
}

TEST_CASE("the temperature message states the Q8.8 range the parser takes", "[cli]") {
    // Reals round half to even to 1/256 steps: the codes 0x0001..0xffff.
    CHECK(parse_temperature("0.00390625") == 0x0001);
    CHECK(parse_temperature("0.002") == 0x0001);
    CHECK(parse_temperature("255.99609375") == 0xffff);
    CHECK(parse_temperature("255.998") == 0xffff);
    for (const char* bad : {"0.001", "0.001953125", "255.998046875", "255.999"})
        CHECK_THROWS_WITH(parse_temperature(bad),
                          Catch::Contains("0x0001..0xffff, i.e. 0.00390625 .. 255.99609375 in steps of 1/256") &&
                              Catch::Contains("(0.001953125, 255.998046875)"));
}

TEST_CASE("seeds are 32-bit decimal or hex", "[cli]") {
    CHECK(mgpt::parse_u32("2", "seed") == 2u);
    CHECK(mgpt::parse_u32("0xffffffff", "seed") == 0xffffffffu);
    CHECK_THROWS_WITH(mgpt::parse_u32("4294967296", "--seed"), Catch::Contains("--seed"));
    CHECK_THROWS(mgpt::parse_u32("-1", "seed"));
    CHECK_THROWS(mgpt::parse_u32("0x", "seed"));
}
