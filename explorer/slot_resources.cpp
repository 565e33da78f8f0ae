#include "slot_resources.hpp"

#include "model/topology.hpp"
#include "resource_model.hpp"

namespace mgpt::explorer {

bool slot_vectors_in_mlab(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.slot_memory == arch::SlotMemory::mlab;
}

namespace {
// The part of the slot vectors' `all` (bits, read bits or memories) that is in
// MLABs: all of it from pipeline 1; at 0 all but x's and res's share, `rmw`.
int in_mlab(const arch::DesignPoint& d, int all, int rmw) {
    if (!slot_vectors_in_mlab(d)) return 0;
    return d.pipeline > 0 ? all : all - rmw;
}

bool kv_in_registers(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.kv_memory == arch::KvMemory::registers;
}
}  // namespace

double slot_state_units(const arch::DesignPoint& d) {
    if (d.sequences == 1) return 0.0;
    // the MLABs hold every slot's vector bits, the first slot's too
    return (d.sequences - 1) * double(kSlotStateBits) - d.sequences * double(in_mlab(d, kSlotVectorBits, kSlotRmwBits));
}

double slot_mlab_logic_units(const arch::DesignPoint& d) {
    return d.sequences * double(in_mlab(d, kSlotVectorBits, kSlotRmwBits));
}

double slot_read_units(const arch::DesignPoint& d) {
    const int bits = kUnitReadBits - in_mlab(d, kSlotVectorReadBits, kSlotRmwReadBits);
    return d.sequences > 1 ? bits * mux_alms(d.sequences) : 0.0;
}

double slot_mlab_units(const arch::DesignPoint& d) { return in_mlab(d, kSlotVectorMemories, kSlotRmwMemories); }

double slot_kv_storage_units(const arch::DesignPoint& d) {
    return kv_in_registers(d) ? (d.sequences - 1) * double(kSlotKvBits) : 0.0;
}

double slot_kv_read_units(const arch::DesignPoint& d) {
    return kv_in_registers(d) ? kKvReadBits * (mux_alms(kContext * d.sequences) - mux_alms(kContext)) : 0.0;
}

double slot_arbiter_oldest_units(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.schedule == arch::Policy::oldest ? double(d.sequences) * d.sequences : 0.0;
}

double slot_arbiter_round_robin_units(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.schedule == arch::Policy::round_robin ? double(d.sequences) : 0.0;
}

double core_weight_blocks(const arch::DesignPoint& d, double one_core_blocks) {
    if (d.weight_memory != arch::WeightMemory::m10k) return 0;
    const int sets = d.bram_ports == 1 ? (d.cores + 1) / 2 : d.cores;
    return one_core_blocks * sets;
}

int slot_select_levels(const arch::DesignPoint& d) { return mux_levels(d.sequences); }

}  // namespace mgpt::explorer
