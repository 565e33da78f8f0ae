// The structural-timing tool (timing/) on netlists whose critical path is
// computed by hand, and its reading of yosys' installed Cyclone V library.
#include <catch2/catch.hpp>

#include "timing/cell_library.hpp"
#include "timing/json_value.hpp"
#include "timing/longest_path.hpp"
#include "timing/netlist.hpp"

using namespace mgpt::timing;

namespace {

// The delays below are copied from yosys 0.23's intel_alm models (ps), with
// the arriav sections that must be ignored for family cyclonev.
const char* kLibrary = R"(
module MISTRAL_ALUT2(input A, B, output Q);
`ifdef cyclonev
specify
    (A => Q) = 400;
    (B => Q) = 97;
endspecify
`endif
`ifdef arriav
specify
    (A => Q) = 316;
    (B => Q) = 76;
endspecify
`endif
endmodule
module MISTRAL_ALUT_ARITH(input A, B, C, D0, D1, input CI, output SO, output CO);
`ifdef cyclonev
specify
    (A  => SO) = 1342;
    (CI => SO) = 368;
    (A  => CO) = 1082;
    (CI => CO) = 36; // Divided by 2
endspecify
`endif
endmodule
module MISTRAL_FF(input DATAIN, CLK, ACLR, ENA, SCLR, SLOAD, SDATA, output reg Q);
`ifdef cyclonev
specify
    if (ENA && ACLR !== 1'b0 && !SCLR && !SLOAD) (posedge CLK => (Q : DATAIN)) = 731;
    if (ENA && SCLR) (posedge CLK => (Q : 1'b0)) = 890;
    $setup(DATAIN, posedge CLK, /* -196 */ 0);
    if (ACLR === 1'b0) (ACLR => Q) = 282;
endspecify
`endif
endmodule
module MISTRAL_MUL18X18(input [17:0] A, input [17:0] B, output [35:0] Y);
`ifdef cyclonev
specify
    (A *> Y) = 3180;
    (B *> Y) = 3982;
endspecify
`endif
endmodule
)";

CellLibrary library() {
    CellLibrary lib;
    lib.add_verilog(kLibrary, "cyclonev", "test-library");
    return lib;
}

// ff1 -> LUT2 (A) -> carry chain a0 (A->CO), a1 (CI->CO), a2 (CI->SO) -> ff2;
// a1's sum goes to the output port `sum`; input `in` enters the LUT's B pin.
const char* kNetlist = R"({
  "modules": {
    "top": {
      "attributes": { "top": "00000000000000000000000000000001" },
      "ports": {
        "clk": { "direction": "input", "bits": [ 2 ] },
        "in":  { "direction": "input", "bits": [ 4 ] },
        "sum": { "direction": "output", "bits": [ 8 ] }
      },
      "cells": {
        "ff1": { "type": "MISTRAL_FF", "connections": { "CLK": [ 2 ], "DATAIN": [ "0" ], "Q": [ 3 ] } },
        "lut": { "type": "MISTRAL_ALUT2", "connections": { "A": [ 3 ], "B": [ 4 ], "Q": [ 5 ] } },
        "a0": { "type": "MISTRAL_ALUT_ARITH", "connections": { "A": [ 5 ], "B": [ "0" ], "C": [ "0" ], "D0": [ "0" ],
                "D1": [ "0" ], "CI": [ "0" ], "SO": [ 6 ], "CO": [ 7 ] } },
        "a1": { "type": "MISTRAL_ALUT_ARITH", "connections": { "A": [ "0" ], "B": [ "0" ], "C": [ "0" ], "D0": [ "0" ],
                "D1": [ "0" ], "CI": [ 7 ], "SO": [ 8 ], "CO": [ 9 ] } },
        "a2": { "type": "MISTRAL_ALUT_ARITH", "connections": { "A": [ "0" ], "B": [ "0" ], "C": [ "0" ], "D0": [ "0" ],
                "D1": [ "0" ], "CI": [ 9 ], "SO": [ 11 ], "CO": [ 12 ] } },
        "ff2": { "type": "MISTRAL_FF", "connections": { "CLK": [ 2 ], "DATAIN": [ 11 ], "Q": [ 13 ] } }
      },
      "netnames": {
        "acc": { "hide_name": 0, "bits": [ 3 ] },
        "$abc$1": { "hide_name": 1, "bits": [ 13 ] },
        "result": { "hide_name": 0, "bits": [ 13 ] }
      }
    }
  }
})";

}  // namespace

TEST_CASE("structural timing: a path computed by hand", "[timing]") {
    const CellLibrary lib = library();
    const Netlist nl = Netlist::from_json_text(kNetlist, "test.json", lib);
    const TimingReport r = longest_paths(nl, lib);
    // ff1 clock-to-out, worst condition 0.890; LUT A->Q 0.400; a0 A->CO 1.082;
    // a1 CI->CO 0.036; a2 CI->SO 0.368; ff2 setup 0 => 2.776 ns.
    REQUIRE(r.reg_to_reg.found);
    CHECK(r.reg_to_reg.ns == Approx(0.890 + 0.400 + 1.082 + 0.036 + 0.368));
    CHECK(r.reg_to_reg.start == "acc");
    CHECK(r.reg_to_reg.start_kind == "register");
    CHECK(r.reg_to_reg.end == "result");  // the capturing register, by its visible name
    CHECK(r.reg_to_reg.makeup.lut_levels == 1);
    REQUIRE(r.reg_to_reg.makeup.carry_chains.size() == 1);
    CHECK(r.reg_to_reg.makeup.carry_chains[0] == 3);
    CHECK(r.reg_to_reg.steps.size() == 5);
    // To the output `sum` (a1's SO): 0.890 + 0.400 + 1.082 + 0.368 = 2.740 < 2.776,
    // and from input `in` through B (0.097) is shorter still: `any` is the same path.
    CHECK(r.any.ns == Approx(r.reg_to_reg.ns));
}

TEST_CASE("structural timing: multipliers, blackboxes, loops and unknown cells", "[timing]") {
    const CellLibrary lib = library();
    // A blackbox source (stand-in 1.5 ns) through an 18x18 multiplier (B *> Y 3.982) into a register.
    const std::string mul = R"({"modules":{"top":{"attributes":{"top":1},"ports":{},"cells":{
        "rom": {"type":"ROM_BB","port_directions":{"Q":"output"},"connections":{"Q":[5,6]}},
        "m": {"type":"MISTRAL_MUL18X18","connections":{"A":["0"],"B":[5,6],"Y":[7,8]}},
        "ff": {"type":"MISTRAL_FF","connections":{"DATAIN":[8],"Q":[9]}}},"netnames":{}}}})";
    const Netlist nl = Netlist::from_json_text(mul, "mul.json", lib);
    CHECK_THROWS_WITH(longest_paths(nl, lib), Catch::Contains("ROM_BB"));
    TimingOptions o;
    o.blackbox["ROM_BB"] = {1.5, -1};  // clocked outputs 1.5 ns after the clock, no path through
    const TimingReport r = longest_paths(nl, lib, o);
    CHECK(r.reg_to_reg.ns == Approx(1.5 + 3.982));
    CHECK(r.reg_to_reg.start_kind == "blackbox");
    CHECK(r.reg_to_reg.makeup.multipliers == 1);

    // A combinational blackbox between two registers: 0.890 + 2.0 (through) + 0.4 (LUT A) = 3.29 ns;
    // as a component on its own: input to output 2.0 + 0.4 = 2.4 ns, nothing clocked to the output.
    const std::string through = R"({"modules":{"top":{"attributes":{"top":1},"ports":{
        "i":{"direction":"input","bits":[2]},"o":{"direction":"output","bits":[6]}},"cells":{
        "f1": {"type":"MISTRAL_FF","connections":{"DATAIN":[2],"Q":[3]}},
        "bb": {"type":"ROM_BB","port_directions":{"A":"input","Q":"output"},"connections":{"A":[3],"Q":[4]}},
        "l": {"type":"MISTRAL_ALUT2","connections":{"A":[4],"B":["0"],"Q":[5]}},
        "f2": {"type":"MISTRAL_FF","connections":{"DATAIN":[5],"Q":[7]}},
        "l2": {"type":"MISTRAL_ALUT2","connections":{"A":[2],"B":["0"],"Q":[6]}}},"netnames":{}}}})";
    TimingOptions t;
    t.any_blackbox = BlackboxTiming{-1, 2.0};
    t.input_ns = 0.890;
    const TimingReport rt = longest_paths(Netlist::from_json_text(through, "through.json", lib), lib, t);
    CHECK(rt.reg_to_reg.ns == Approx(0.890 + 2.0 + 0.400));
    CHECK(rt.reg_to_reg.makeup.blackboxes == 1);
    CHECK(rt.in_to_out.ns == Approx(0.400));  // i -> l2 -> o, the input's 0.890 subtracted
    CHECK_FALSE(rt.out_launch.found);

    const std::string loop = R"({"modules":{"top":{"attributes":{"top":1},"ports":{},"cells":{
        "l1": {"type":"MISTRAL_ALUT2","connections":{"A":[3],"B":["0"],"Q":[4]}},
        "l2": {"type":"MISTRAL_ALUT2","connections":{"A":[4],"B":["0"],"Q":[3]}},
        "ff": {"type":"MISTRAL_FF","connections":{"DATAIN":[4],"Q":[9]}}},"netnames":{}}}})";
    const Netlist nl2 = Netlist::from_json_text(loop, "loop.json", lib);
    CHECK_THROWS_WITH(longest_paths(nl2, lib), Catch::Contains("combinational loop"));
}

TEST_CASE("structural timing: register groups by their longest path, blackboxes by module name", "[timing]") {
    const CellLibrary lib = library();
    // A parameterised engine (its outputs registered inside) drives two registers
    // of group `sum`, one directly, one through a LUT (A 0.400); register `cnt`
    // is fed by the LUT on its B pin (0.097).
    const std::string nl = R"({"modules":{"top":{"attributes":{"top":1},"ports":{},"cells":{
        "eng": {"type":"$paramod$0123abcd\\mgpt_tile","port_directions":{"A":"input","Q":"output"},
                "connections":{"A":[2],"Q":[3,4]}},
        "l": {"type":"MISTRAL_ALUT2","connections":{"A":[3],"B":[4],"Q":[5]}},
        "s0": {"type":"MISTRAL_FF","connections":{"DATAIN":[4],"Q":[6]}},
        "s1": {"type":"MISTRAL_FF","connections":{"DATAIN":[5],"Q":[7]}},
        "c": {"type":"MISTRAL_FF","connections":{"DATAIN":[5],"Q":[2]}}},
        "netnames":{"u.sum":{"hide_name":0,"bits":[6,7]},"u.cnt":{"hide_name":0,"bits":[2]}}}}})";
    const Netlist n = Netlist::from_json_text(nl, "groups.json", lib);
    TimingOptions o;
    o.blackbox["mgpt_tile"] = {0.890, -1};  // matched by module name, no path from A to Q
    o.endpoint_groups = true;
    const TimingReport r = longest_paths(n, lib, o);
    // eng.Q launches at 0.890; the LUT's A arc (0.400) is the longest into both groups.
    CHECK(r.reg_to_reg.ns == Approx(0.890 + 0.400));
    REQUIRE(r.by_endpoint.size() == 2);
    CHECK(endpoint_group(r.by_endpoint[0].end) == "u.cnt");  // ties: by name
    CHECK(endpoint_group(r.by_endpoint[1].end) == "u.sum");
    CHECK(r.by_endpoint[1].ns == Approx(0.890 + 0.400));
    CHECK(r.by_endpoint[1].start_kind == "blackbox");
    CHECK(endpoint_group("u.sumsq[63]") == "u.sumsq");
    CHECK(endpoint_group("logits_flat") == "logits_flat");
    // Without the module-name entry the cell is untimed: an error naming its type.
    CHECK_THROWS_WITH(longest_paths(n, lib), Catch::Contains("mgpt_tile"));
}

TEST_CASE("structural timing: malformed netlists are errors naming the file and line", "[timing]") {
    const CellLibrary lib = library();
    CHECK_THROWS_WITH(Netlist::from_json_text("{\"modules\": {\n  \"top\": [1, 2,\n", "bad.json", lib),
                      Catch::Contains("bad.json:3"));
    CHECK_THROWS_WITH(Netlist::from_json_text("{\"creator\": 1}", "x.json", lib), Catch::Contains("no \"modules\""));
    CHECK_THROWS_WITH(Netlist::from_json_text(R"({"modules":{"a":{}}})", "x.json", lib),
                      Catch::Contains("no top module"));
    CHECK_THROWS_WITH(Netlist::load("/nonexistent/n.json", lib), Catch::Contains("/nonexistent/n.json"));
    CHECK_THROWS_WITH(Netlist::load(MGPT_SOURCE_DIR, lib), Catch::Contains("is a directory"));
}

TEST_CASE("the installed yosys Cyclone V library gives the documented cell delays", "[timing]") {
    // docs/DEVICE.md "Structural timing": ALUT6 0.10-0.61 ns per input, carry
    // 0.036 ns per bit, FF clock-to-out 0.89 ns, 18x18 multiply 3.2-4.0 ns.
    const CellLibrary lib = CellLibrary::load(CellLibrary::default_yosys_share() + "/intel_alm", "cyclonev");
    const CellTiming* lut6 = lib.find("MISTRAL_ALUT6");
    REQUIRE(lut6);
    double lo = 1e9, hi = 0;
    for (const auto& a : lut6->arcs) lo = std::min(lo, a.ns), hi = std::max(hi, a.ns);
    CHECK(lo == Approx(0.097));
    CHECK(hi == Approx(0.605));
    REQUIRE(lib.find("MISTRAL_FF"));
    CHECK(lib.find("MISTRAL_FF")->clock_to_out.at("Q") == Approx(0.890));
    CHECK(lib.find("MISTRAL_FF")->arcs.empty());  // ACLR => Q is not a timed path
    const CellTiming* arith = lib.find("MISTRAL_ALUT_ARITH");
    REQUIRE(arith);
    bool ci_co = false;
    for (const auto& a : arith->arcs) ci_co |= a.from == "CI" && a.to == "CO" && a.ns == Approx(0.036);
    CHECK(ci_co);
    const CellTiming* mul = lib.find("MISTRAL_MUL18X18");
    REQUIRE(mul);
    for (const auto& a : mul->arcs) {
        CHECK(a.full);
        CHECK(a.ns >= 3.1);
        CHECK(a.ns <= 4.0);
    }
    REQUIRE(lib.find("MISTRAL_M10K"));
    CHECK(lib.find("MISTRAL_M10K")->clock_to_out.count("B1DATA") == 1);
}
