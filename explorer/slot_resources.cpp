#include "slot_resources.hpp"

#include <cmath>

#include "resource_model.hpp"

namespace mgpt::explorer {

namespace {

constexpr int kKvRows = 64;  // a K or V row select: 16 positions x 4 heads

int slot_bits(int s) { return mux_levels(s) > 0 ? static_cast<int>(std::ceil(std::log2(s))) : 0; }

}  // namespace

SlotAdditions slot_additions(const arch::DesignPoint& d, double kv_register_read_alms) {
    SlotAdditions a;
    const int s = d.sequences;
    if (s <= 1) return a;
    // state: S copies, one of them the core's own; the units read theirs through S:1 selects
    a.registers += (s - 1) * double(kSlotStateBits);
    a.alms += kUnitReadBits * mux_alms(s);
    if (d.kv_memory == arch::KvMemory::registers) {
        a.registers += (s - 1) * double(kSlotKvBits);
        // the row select widens from 64:1 to (64 S):1: scale the single slot's read muxes
        a.alms += kv_register_read_alms * (mux_alms(kKvRows * s) / mux_alms(kKvRows) - 1.0);
    }
    // arbiters: per unit a busy bit and the held slot, and its pick of S waiting slots
    a.registers += kArbitratedUnits * double(1 + slot_bits(s));
    if (d.schedule == arch::Policy::oldest) {
        a.registers += double(s) * s;                          // the age matrix
        a.alms += kArbitratedUnits * s * mux_alms(s);          // per slot: no other waiting slot older
    } else {
        a.registers += kArbitratedUnits * double(slot_bits(s));  // the slot served last
        a.alms += kArbitratedUnits * 2.0 * s;                    // rotate and encode
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
