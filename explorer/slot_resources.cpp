#include "slot_resources.hpp"

#include "resource_model.hpp"

namespace mgpt::explorer {

namespace {

constexpr int kKvRows = 64;  // a K or V row select: 16 positions x 4 heads
constexpr double kComparatorAlms = kAgeBits / 2.0;  // a 16-bit compare: half an ALM per bit (carry chain)

}  // namespace

SlotAdditions slot_additions(const arch::DesignPoint& d, double kv_register_read_alms) {
    SlotAdditions a;
    const int s = d.sequences;
    if (s <= 1) return a;
    // state: S copies, one of them the core's own; each read through an S:1 select
    a.registers += (s - 1) * double(kSlotStateBits);
    a.alms += kSlotStateBits * mux_alms(s);
    if (d.kv_memory == arch::KvMemory::registers) {
        a.registers += (s - 1) * double(kSlotKvBits);
        // the row select widens from 64:1 to (64 S):1: scale the single slot's read muxes
        a.alms += kv_register_read_alms * (mux_alms(kKvRows * s) / mux_alms(kKvRows) - 1.0);
    }
    // arbiters: per slot its step age (oldest) or nothing; per unit the pick
    if (d.schedule == arch::Policy::oldest) {
        a.registers += double(s) * kAgeBits;
        a.alms += kArbitratedUnits * (s - 1) * kComparatorAlms;
    } else {
        a.registers += kArbitratedUnits * double(mux_levels(s) + 1);  // the last served slot
        a.alms += kArbitratedUnits * 2.0 * s;                          // rotate and encode
    }
    return a;
}

double core_weight_blocks(const arch::DesignPoint& d, double one_core_blocks) {
    if (d.weight_memory != arch::WeightMemory::m10k) return 0;
    const int sets = d.bram_ports == 1 ? (d.cores + 1) / 2 : d.cores;
    return one_core_blocks * sets;
}

int slot_select_levels(const arch::DesignPoint& d) { return mux_levels(d.sequences); }

}  // namespace mgpt::explorer
