// The design key table (arch/design_keys.hpp) against what it must agree with
// without being its source: the README's key table, the RTL core's parameter
// list and defaults (rtl/mgpt_core.sv), and the parse/validate rules.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "arch/design_point.hpp"
#include "arch/rtl_parameters.hpp"

using namespace mgpt::arch;

namespace {

std::string read(const std::string& rel) {
    std::ifstream in(std::string(MGPT_SOURCE_DIR) + "/" + rel);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The Markdown table under README.md's "## Design points" heading.
std::string readme_key_table() {
    std::istringstream in(read("README.md"));
    std::string table, line;
    bool in_section = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) in_section = line == "## Design points";
        if (in_section && line.rfind("|", 0) == 0) table += line + "\n";
    }
    return table;
}

}  // namespace

TEST_CASE("README's design-key table is the key table", "[keys]") {
    // If this fails, paste the expected table (design_keys_markdown()) into README.md.
    CHECK(readme_key_table() == design_keys_markdown());
}

TEST_CASE("every key's default is DesignPoint's default and every legal value round-trips", "[keys]") {
    const DesignPoint d0;
    for (const auto& k : design_keys()) {
        INFO("key " << k.key);
        if (!k.applies_when) CHECK(k.get(d0) == k.deflt);
        else CHECK(k.get(d0).empty());
        for (const auto& v : k.values) {
            DesignPoint d;
            // one slot has no arbiter and keeps its vectors in registers (below)
            if (std::string(k.key) == "schedule" || std::string(k.key) == "slot_memory") d.sequences = 2;
            set_key(d, k.key, v);
            CHECK(get_key(d, k.key) == v);
        }
        DesignPoint d;
        CHECK_THROWS_WITH(set_key(d, k.key, "no-such-value x"),
                          Catch::Contains("key '" + k.key + "'") && Catch::Contains("legal: " + k.legal()));
    }
}

TEST_CASE("integer keys accept their canonical spellings only", "[keys]") {
    DesignPoint d;
    set_key(d, "lanes", "032");
    CHECK(d.lanes == 32);
    CHECK_THROWS(set_key(d, "lanes", "3"));
    CHECK_THROWS(set_key(d, "lanes", "16x"));
    CHECK_THROWS(set_key(d, "pll_mhz", "551"));
    CHECK_THROWS(set_key(d, "pll_mhz", "1.17"));
    set_key(d, "pll_mhz", "1.171875");
    CHECK(d.pll_mhz == 1.171875);
}

TEST_CASE("conditional keys are set exactly where they apply", "[keys]") {
    DesignPoint d;
    CHECK(dependent_keys("weight_memory").size() == 2);
    d.weight_memory = WeightMemory::m10k;
    CHECK_THROWS_WITH(validate(d), Catch::Contains("weight_memory = m10k needs weight_banks (1, 2, 4, 8, 16, 32, 64) "
                                                   "and bram_ports (1, 2)"));
    d.weight_banks = 4;
    CHECK_THROWS(validate(d));
    d.bram_ports = 2;
    CHECK_NOTHROW(validate(d));
    d.weight_memory = WeightMemory::logic;
    CHECK_THROWS_WITH(validate(d), Catch::Contains("weight_banks and bram_ports apply only to weight_memory = m10k "
                                                   "(weight_memory is logic: remove them)"));
    d.bram_ports = 0;
    CHECK_THROWS_WITH(validate(d), Catch::Contains("weight_banks applies only to weight_memory = m10k "
                                                   "(weight_memory is logic: remove it)"));
    d.bram_ports = 2;
    // --set with an empty value unsets them.
    apply_overrides(d, {"weight_banks=", "bram_ports="});
    CHECK(d.weight_banks == 0);
    CHECK(d.bram_ports == 0);
    CHECK_THROWS(apply_overrides(d, {"lanes="}));
}

TEST_CASE("the RTL parameters are the core's parameters, with the core's defaults", "[keys][rtl]") {
    // Parse `parameter integer NAME = VALUE` from the core's header.
    const std::string core = read("rtl/mgpt_core.sv");
    const std::regex param(R"(parameter\s+integer\s+([A-Z_0-9]+)\s*=\s*(\d+))");
    std::map<std::string, int> declared;
    for (auto it = std::sregex_iterator(core.begin(), core.end(), param); it != std::sregex_iterator(); ++it)
        declared[(*it)[1]] = std::stoi((*it)[2]);
    REQUIRE(declared.size() >= 10);
    std::set<std::string> names;
    for (const auto& [name, value] : rtl_parameters(DesignPoint{})) {
        INFO("parameter " << name);
        CHECK(names.insert(name).second);
        REQUIRE(declared.count(name));
        CHECK(declared[name] == value);
    }
    CHECK(names.size() == declared.size());
}

TEST_CASE("the RTL configuration id distinguishes every RTL-shaping value", "[keys][rtl]") {
    for (const auto& k : design_keys()) {
        if (k.rtl_parameter.empty() || k.applies_when) continue;
        INFO("key " << k.key);
        std::set<std::string> ids;
        for (const auto& v : k.values) {
            DesignPoint d;
            // one slot has no arbiter and keeps its vectors in registers (below)
            if (std::string(k.key) == "schedule" || std::string(k.key) == "slot_memory") d.sequences = 2;
            set_key(d, k.key, v);
            for (const auto* dep : dependent_keys(k.key))
                if (dep->applies_when->value == v) set_key(d, dep->key, dep->values.front());
            ids.insert(rtl_config_id(d));
        }
        CHECK(ids.size() == k.values.size());
    }
    DesignPoint a, b;
    b.pll_mhz = 100;
    CHECK(rtl_config_id(a) == rtl_config_id(b));  // the clock does not shape the RTL
    // nor does the schedule of one slot: one netlist, one build, one measured core
    // (a round-robin twin once missed the baseline core's measured path in explore)
    b.schedule = Policy::round_robin;
    b.slot_memory = SlotMemory::mlab;  // nor its slot memory (rtl/mgpt_slot_vector.sv: registers with one slot)
    CHECK(rtl_config_id(a) == rtl_config_id(b));
    CHECK(rtl_parameters(a) == rtl_parameters(b));
    a.sequences = b.sequences = 2;
    CHECK(rtl_config_id(a) != rtl_config_id(b));
    b.schedule = Policy::oldest;
    CHECK(rtl_config_id(a) != rtl_config_id(b));
}

// Several cores are the top rtl/mgpt_cores.sv's CORES, not a core parameter:
// the id tells them apart (a cached one-core model is never run for two
// cores) and leaves every one-core id as it was.
TEST_CASE("the RTL configuration id and top of several cores, which only cosim takes", "[keys][rtl]") {
    DesignPoint one, two;
    two.cores = 2;
    CHECK(rtl_config_id(two) == rtl_config_id(one) + "_k2");
    CHECK(rtl_config_id(one).find("_k") == std::string::npos);
    CHECK(rtl_top_module(one) == "mgpt_core");
    CHECK(rtl_top_module(two) == "mgpt_cores");
    CHECK_NOTHROW(require_rtl(two, RtlFlow::cosim, "cosim"));
    CHECK_NOTHROW(require_rtl(one, RtlFlow::board, "fpga"));
    CHECK_THROWS_WITH(require_rtl(two, RtlFlow::board, "fpga"),
                      "fpga: cores = 2: the board flow (roms, fpga) takes one core (legal: cores = 1, any sequences); "
                      "cosim, simulate and explore take any cores");
}

TEST_CASE("a design file round-trips through to_config_text", "[keys]") {
    DesignPoint d;
    apply_overrides(d, {"weight_memory=m10k", "weight_banks=8", "bram_ports=2", "pll_mhz=57.123", "numerics=reference"});
    const std::string path = "test_design_keys_roundtrip.cfg";
    std::ofstream(path) << to_config_text(d);
    const DesignPoint back = load_design(path);
    CHECK(back == d);
    std::remove(path.c_str());
}

TEST_CASE("switching weight_memory to logic by --set drops the M10K keys the overrides do not name", "[keys]") {
    DesignPoint d;
    apply_overrides(d, {"weight_memory=m10k", "weight_banks=4", "bram_ports=2"});
    apply_overrides(d, {"weight_memory=logic"});
    CHECK(d.weight_memory == WeightMemory::logic);
    CHECK(d.weight_banks == 0);
    CHECK(d.bram_ports == 0);
    CHECK_NOTHROW(validate(d));
    // Naming one of them beside the switch is a contradiction, reported as such.
    apply_overrides(d, {"weight_memory=m10k", "weight_banks=4", "bram_ports=2"});
    CHECK_THROWS_WITH(apply_overrides(d, {"weight_memory=logic", "weight_banks=8"}),
                      Catch::Contains("--set: weight_banks applies only to weight_memory = m10k"));
    // Switching on M10K still needs its keys.
    DesignPoint logic;
    CHECK_THROWS_WITH(apply_overrides(logic, {"weight_memory=m10k"}), Catch::Contains("needs weight_banks"));
}

namespace {

std::string load_error(const std::string& path) {
    try {
        load_design(path);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("design files: a folder is refused, junk is escaped with its line, the name defaults to the stem", "[keys]") {
    CHECK(load_error(MGPT_SOURCE_DIR "/configs/designs") ==
          MGPT_SOURCE_DIR "/configs/designs: is a folder, not a design file");

    const std::string junk = "test_design_keys_junk.cfg";
    std::ofstream(junk) << "name = x\nlanes = 8\n\x01\x02\xff junk\n";
    CHECK(load_error(junk) == junk + ":3: not a 'key = value' line: '\\x01\\x02\\xff junk'");
    std::ofstream(junk) << "lanes = \x7f\x80\n";
    CHECK(load_error(junk) == junk + ":1: key 'lanes': value '\\x7f\\x80' is not legal (legal: 1, 2, 4, 8, 16, 32, 64)");
    std::ofstream(junk) << "name = a\x01" "b\n";
    CHECK_THAT(load_error(junk), Catch::Contains(junk + ":1: key 'name': value 'a\\x01b' is not legal"));
    std::ofstream(junk) << "[section]\nlanes = 8\n";
    CHECK_THAT(load_error(junk), Catch::Contains(junk + ":1: not a 'key = value' line: '[section]'"));
    std::remove(junk.c_str());

    const std::string unnamed = "my point.cfg";
    std::ofstream(unnamed) << "lanes = 8\n";
    CHECK(load_design(unnamed).name == "my_point");
    std::remove(unnamed.c_str());
}
