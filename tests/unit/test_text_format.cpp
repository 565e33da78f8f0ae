// Number formatting: the explorer writes every real of points.csv with
// fixed_decimals and reads it back, so the text must hold every digit.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "common/text_format.hpp"

using mgpt::fixed_decimals;

TEST_CASE("fixed_decimals writes every digit of a real, however large", "[format]") {
    CHECK(fixed_decimals(56.25, 3) == "56.250");
    CHECK(fixed_decimals(-0.05, 1) == "-0.1");  // printf's rounding of the binary value
    // 1e62 and above used to be cut at 63 characters (the fuzzer's points.csv
    // and journal round trips: fuzz/corpus/points_csv/huge_tokens_per_s.csv)
    for (double v : {2.3333333333333333e82, -1.6666666666666666e89, 1e62, 1.7976931348623157e308}) {
        const std::string text = fixed_decimals(v, 1);
        CHECK(text.size() > 63);
        CHECK(text.substr(text.size() - 2) == ".0");
        CHECK(std::strtod(text.c_str(), nullptr) == v);
    }
}
