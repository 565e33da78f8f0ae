// The counted resource and path additions of slots and cores
// (explorer/slot_resources.hpp): one slot on one core is the fitted model
// unchanged; more slots or cores never cost less; K cores are K copies but
// for the M10K weight blocks two cores share through the blocks' two ports;
// and the figures are worked out here from the stated structure.
#include <catch2/catch.hpp>

#include "explorer/fmax_model.hpp"
#include "explorer/resource_model.hpp"
#include "explorer/slot_resources.hpp"
#include "explorer_test_helpers.hpp"

using namespace mgpt;
using namespace mgpt::explorer;

namespace {

arch::DesignPoint with(arch::DesignPoint d, int s, int k, arch::Policy p = arch::Policy::oldest,
                       arch::SlotMemory m = arch::SlotMemory::registers) {
    d.sequences = s;
    d.cores = k;
    d.schedule = p;
    d.slot_memory = m;
    return d;
}

}  // namespace

TEST_CASE("slot resources: one slot is the fitted model, more slots and cores never cost less", "[explorer][slots]") {
    const Calibration& c = test::shipped_calibration();
    const arch::DesignPoint base = arch::load_design(test::source_path("configs/designs/baseline.cfg"));
    arch::DesignPoint m10k = base;
    arch::apply_overrides(m10k, {"weight_memory=m10k", "weight_banks=4", "bram_ports=1", "kv_memory=m10k"});
    arch::DesignPoint dual = m10k;
    arch::apply_overrides(dual, {"bram_ports=2"});
    for (const auto& d : {base, m10k, dual}) {
        CAPTURE(arch::to_short_string(d));
        const Resources one = estimate_resources(d, c, Scale::yosys);
        // the yosys group sums (what a synthesized core is fitted to) are one core's, with its slots
        CHECK(estimate_group(with(d, 4, 2), c, Metric::alms, "total") == Approx(estimate_group(with(d, 4, 1), c, Metric::alms, "total")));
        CHECK(estimate_group(with(d, 4, 1), c, Metric::registers, "core") > estimate_group(d, c, Metric::registers, "core"));
        for (const auto policy : {arch::Policy::oldest, arch::Policy::round_robin})
          for (const auto memory : {arch::SlotMemory::registers, arch::SlotMemory::mlab}) {
            long last_alms = 0, last_regs = 0, last_mlabs = 0;
            for (int s : {1, 2, 4, 8, 16}) {
                const Resources r = estimate_resources(with(d, s, 1, policy, memory), c, Scale::yosys);
                // (MLABs hold the first slot's vectors too: from one slot to two the
                // flip-flops fall; from two on they grow)
                if (memory == arch::SlotMemory::registers || s > 2) {
                    CHECK(r.alms >= last_alms);
                    CHECK(r.registers >= last_regs);
                    CHECK(r.mlabs >= last_mlabs);
                }
                CHECK(r.dsp == one.dsp);
                CHECK(r.m10k == one.m10k);  // 16 slots x 16 rows fit the KV blocks' 256 rows
                last_alms = r.alms;
                last_regs = r.registers;
                last_mlabs = r.mlabs;
                // K cores: K copies of the core with its slots, weight blocks shared by two where one port is used
                for (int k : {2, 4, 8}) {
                    const Resources rk = estimate_resources(with(d, s, k, policy, memory), c, Scale::yosys);
                    CHECK(rk.alms == Approx(k * r.alms).margin(k));
                    CHECK(rk.registers == Approx(k * r.registers).margin(k));
                    CHECK(rk.dsp == Approx(k * r.dsp).margin(k));
                    const long weight_blocks =
                        d.weight_memory == arch::WeightMemory::m10k ? one.m10k - (d.kv_memory == arch::KvMemory::m10k ? 16 : 0) : 0;
                    const long shared_sets = d.bram_ports == 1 ? (k + 1) / 2 : k;
                    CHECK(rk.m10k == (r.m10k - weight_blocks) * k + weight_blocks * shared_sets);
                }
            }
        }
        CHECK(estimate_resources(with(d, 1, 1), c, Scale::yosys).alms == one.alms);
    }
    // The structural units, counted by hand from docs/MICROARCH.md "Slots":
    // 15 more copies of the 3,673 per-slot bits (and, with the cache in
    // registers, of the 8,192 KV bits), 4,469 bits behind 16:1 selects (5 ALMs
    // a bit as yosys packs a 16:1 mux), the 16 x 16 age matrix.
    const arch::DesignPoint s16 = with(base, 16, 1);
    CHECK(slot_state_units(s16) == 15 * 3673);
    CHECK(slot_kv_storage_units(s16) == 15 * 8192);
    arch::DesignPoint s16_m10k = s16;
    s16_m10k.kv_memory = arch::KvMemory::m10k;
    CHECK(slot_kv_storage_units(s16_m10k) == 0);  // M10K rows (rtl/synth/kv_m10k_rules.txt for yosys)
    CHECK(slot_kv_read_units(s16_m10k) == 0);
    CHECK(slot_kv_read_units(s16) == 512 * (mux_alms(256) - mux_alms(16)));
    CHECK(slot_read_units(s16) == 4469 * 5);
    CHECK(slot_arbiter_oldest_units(s16) == 256);
    CHECK(slot_arbiter_round_robin_units(s16) == 0);
    CHECK(slot_arbiter_round_robin_units(with(base, 16, 1, arch::Policy::round_robin)) == 16);
    // slot_memory = mlab: the vectors' 3,072 bits per slot and 3,328 read bits
    // leave the registers and selects for 9 x 16 + 64 memories (x has two
    // readers), 16 yosys cells and one MLAB each
    // (from pipeline 1; at 0, x and res stay in registers: 512 bits, 768 read
    // bits, 48 memories); the MLABs hold all 16 slots' bits, the first's too
    arch::DesignPoint s16_mlab = with(base, 16, 1, arch::Policy::oldest, arch::SlotMemory::mlab);
    CHECK(slot_state_units(s16_mlab) == 15 * 3673 - 16 * (3072 - 512));
    CHECK(slot_mlab_logic_units(s16_mlab) == 16 * (3072 - 512));
    CHECK(slot_read_units(s16_mlab) == (4469 - 3328 + 768) * 5);
    CHECK(slot_mlab_units(s16_mlab) == 208 - 48);
    s16_mlab.pipeline = 1;
    CHECK(slot_state_units(s16_mlab) == 15 * 3673 - 16 * 3072);
    CHECK(slot_mlab_logic_units(s16_mlab) == 16 * 3072);
    CHECK(slot_read_units(s16_mlab) == (4469 - 3328) * 5);
    CHECK(slot_mlab_units(s16_mlab) == 208);
    CHECK(slot_mlab_units(s16) == 0);
    arch::DesignPoint s16_p1 = s16;
    s16_p1.pipeline = 1;
    CHECK(estimate_resources(s16_mlab, c, Scale::yosys).mlabs - estimate_resources(s16_p1, c, Scale::yosys).mlabs == 208);
    for (auto f : {slot_state_units, slot_read_units, slot_kv_storage_units, slot_kv_read_units,
                   slot_arbiter_oldest_units, slot_arbiter_round_robin_units, slot_mlab_units, slot_mlab_logic_units})
        CHECK(f(with(base, 1, 4, arch::Policy::oldest, arch::SlotMemory::mlab)) == 0);
    // and the registers they add are those units times the calibrated coefficients
    const long r1 = estimate_resources(base, c, Scale::yosys).registers;
    const long r16 = estimate_resources(s16, c, Scale::yosys).registers;
    CHECK(r16 - r1 == Approx(15 * 3673 * c.get("slot_state", "registers") +
                             15 * 8192 * c.get("slot_kv_storage", "registers") +
                             256 * c.get("slot_arbiter_oldest", "registers")).margin(1));
    // an M10K cache keeps its rows in M10K: its registers do not grow with them
    const auto growth = [&](const arch::DesignPoint& d) {
        const arch::DesignPoint one = with(d, 1, 1);
        return estimate_resources(d, c).registers - estimate_resources(one, c).registers;
    };
    CHECK(growth(s16_m10k) < growth(s16));
}

TEST_CASE("slot paths: the slot select and the arbiter lengthen the paths, one slot changes nothing",
          "[explorer][slots]") {
    const Calibration& c = test::shipped_calibration();
    const arch::DesignPoint base = arch::load_design(test::source_path("configs/designs/baseline.cfg"));
    const FmaxEstimate one = estimate_fmax(base, c);
    CHECK(estimate_fmax(with(base, 1, 8), c).critical_ns == one.critical_ns);  // replicas: no path of their own
    double last = one.critical_ns;
    for (int s : {2, 4, 8, 16}) {
        const FmaxEstimate e = estimate_fmax(with(base, s, 1), c);
        CHECK(e.critical_ns >= last);
        last = e.critical_ns;
        bool arbiter = false;
        for (const auto& p : e.paths) arbiter |= p.family == "arbiter";
        CHECK(arbiter);
    }
    for (const auto& p : one.paths) CHECK(p.family != "arbiter");
}
