// The multi-slot RTL core (rtl/mgpt_core.sv, SLOTS > 1; docs/MICROARCH.md
// "Slots") against its references, on regression design points Verilated
// with a few slot counts and both policies (tests/CMakeLists.txt): every
// step's token, RNG state and logits equal the golden model's
// (golden::generate_slots's names), every stage run of every slot equals the
// exact slot scheduler's (arch::SlotScheduler, docs/SCHEDULING.md) for the
// closed-form per-stage cycles of the steps' shapes, and no unit serves a
// slot outside its stages or idles while a slot waits for it. The K-core top
// (rtl/mgpt_cores.sv) likewise: each core's slots against their own core's
// schedule, the names those of golden::generate_slots with K cores.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "arch/design_point.hpp"
#include "arch/rom_layout.hpp"
#include "arch/rtl_parameters.hpp"
#include "cli/data_paths.hpp"
#include "model/golden_slots.hpp"
#include "model/weights.hpp"
#include "slot_bench.hpp"

#include "Vslots_r1_s2_oldest.h"
#include "Vslots_r1_s16_oldest.h"
#include "Vslots_r1_s4_rr.h"
#include "Vslots_r3_s8_rr.h"
#include "Vslots_r4_s2_rr.h"
#include "Vslots_r4_s4_oldest.h"
#include "Vslots_r4_k2_s2_oldest.h"

using namespace mgpt;

namespace {

// `point` (configs/regression/) with `slots` slots per core on `cores` cores
// under `policy`, the design the model class was Verilated for (`built`: its
// -G parameters, tests/CMakeLists.txt; CORES last for the K-core top).
template <class Model>
void check_slots(const std::string& point, int slots, arch::Policy policy, const std::string& built, int cores = 1) {
    arch::DesignPoint d = arch::load_design(std::string(MGPT_SOURCE_DIR) + "/configs/regression/" + point + ".cfg");
    d.sequences = slots;
    d.cores = cores;
    d.schedule = policy;
    std::string params;
    for (const auto& [name, value] : arch::rtl_parameters(d)) params += (params.empty() ? "" : " ") + name + "=" + std::to_string(value);
    if (cores > 1) params += " CORES=" + std::to_string(cores);
    REQUIRE(params == built);  // the Verilated parameters are this design point's
    const QWeights w = load_rom_dir(cli::default_weights_dir());
    const std::string rom_dir = std::string(MGPT_SLOT_ROM_ROOT) + "/" + point +
                                (cores > 1 ? "_k" + std::to_string(cores) : std::string()) + "_s" +
                                std::to_string(slots) + "_" + arch::policy_name(policy);
    arch::write_rom_files(d, w, rom_dir);  // where the model reads them (its ROM_DIR)
    const int all = slots * cores;         // global slots
    const int names = 3 * all;             // every slot runs three names back to back
    const uint32_t seed = 11;
    for (const bool greedy : {false, true}) {
        INFO(point << ", " << slots << " slots, " << cores << " cores, " << arch::policy_name(policy)
                   << (greedy ? ", greedy" : ", sampled"));
        const golden::GenerationConfig gen{greedy, 0x0080, d.numerics};
        const rtl_slots::SlotReference ref = rtl_slots::slot_reference(d, w, gen, seed, names);
        uint64_t waits = 0;
        for (int u = 0; u < arch::kSharedUnitCount; ++u) waits += ref.schedule.units[u].wait;
        CHECK(waits > 0);  // the slots do compete for units: the arbitration is exercised
        const auto model = std::make_unique<Model>();
        const rtl_slots::SlotRun run =
            rtl_slots::SlotBench<Model>(*model, all, cores).run(ref, ref.schedule.makespan + 64);
        model->final();
        for (const std::string& e : run.errors) FAIL_CHECK(e);
        CHECK(run.cycles == ref.schedule.makespan);
        CHECK(rtl_slots::unit_overlap(run.runs, slots) == "");
        CHECK(rtl_slots::compare_runs(run.runs, ref.schedule) == "");
        CHECK(rtl_slots::names_of(ref, run.tokens) == golden::generate_slots(w, gen, seed, slots, cores, names));
    }
}

}  // namespace

TEST_CASE("2 slots, oldest first, on r1_baseline (logic weights, KV registers)", "[rtl][slots]") {
    check_slots<Vslots_r1_s2_oldest>("r1_baseline", 2, arch::Policy::oldest, MGPT_SLOT_PARAMS_r1_s2_oldest);
}
TEST_CASE("4 slots, round robin, on r1_baseline (logic weights, KV registers)", "[rtl][slots]") {
    check_slots<Vslots_r1_s4_rr>("r1_baseline", 4, arch::Policy::round_robin, MGPT_SLOT_PARAMS_r1_s4_rr);
}
TEST_CASE("2 slots, round robin, on r4_l4_c4 (M10K weights and KV, pipeline 1)", "[rtl][slots]") {
    check_slots<Vslots_r4_s2_rr>("r4_l4_c4", 2, arch::Policy::round_robin, MGPT_SLOT_PARAMS_r4_s2_rr);
}
TEST_CASE("4 slots, oldest first, on r4_l4_c4 (M10K weights and KV, pipeline 1)", "[rtl][slots]") {
    check_slots<Vslots_r4_s4_oldest>("r4_l4_c4", 4, arch::Policy::oldest, MGPT_SLOT_PARAMS_r4_s4_oldest);
}
TEST_CASE("8 slots, round robin, on r3_l2_c8 (M10K weights, KV registers, pipeline 2, argmax tree)", "[rtl][slots]") {
    check_slots<Vslots_r3_s8_rr>("r3_l2_c8", 8, arch::Policy::round_robin, MGPT_SLOT_PARAMS_r3_s8_rr);
}
TEST_CASE("16 slots, oldest first, on r1_baseline (logic weights, KV registers)", "[rtl][slots]") {
    check_slots<Vslots_r1_s16_oldest>("r1_baseline", 16, arch::Policy::oldest, MGPT_SLOT_PARAMS_r1_s16_oldest);
}
// Two cores of two slots (rtl/mgpt_cores.sv; M10K weight banks replicated per core).
TEST_CASE("2 cores of 2 slots, oldest first, on r4_l4_c4 (M10K weights and KV, pipeline 1)", "[rtl][slots][cores]") {
    check_slots<Vslots_r4_k2_s2_oldest>("r4_l4_c4", 2, arch::Policy::oldest, MGPT_SLOT_PARAMS_r4_k2_s2_oldest, 2);
}
