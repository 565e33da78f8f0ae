#include "slot_resources.hpp"

#include "model/topology.hpp"
#include "resource_model.hpp"

namespace mgpt::explorer {

bool slot_vectors_in_mlab(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.slot_memory == arch::SlotMemory::mlab;
}

double slot_state_units(const arch::DesignPoint& d) {
    const int bits = kSlotStateBits - (slot_vectors_in_mlab(d) ? kSlotVectorBits : 0);
    return d.sequences > 1 ? (d.sequences - 1) * double(bits) : 0.0;
}

double slot_read_units(const arch::DesignPoint& d) {
    const int bits = kUnitReadBits - (slot_vectors_in_mlab(d) ? kSlotVectorReadBits : 0);
    return d.sequences > 1 ? bits * mux_alms(d.sequences) : 0.0;
}

double slot_mlab_units(const arch::DesignPoint& d) {
    return slot_vectors_in_mlab(d) ? double(kSlotVectorMemories) : 0.0;
}

double slot_kv_storage_units(const arch::DesignPoint& d) {
    return d.sequences > 1 ? (d.sequences - 1) * double(kSlotKvBits) : 0.0;
}

double slot_kv_storage_quartus_units(const arch::DesignPoint& d) {
    return d.kv_memory == arch::KvMemory::registers ? slot_kv_storage_units(d) : 0.0;
}

double slot_kv_read_units(const arch::DesignPoint& d) {
    return d.sequences > 1 ? kKvReadBits * (mux_alms(kContext * d.sequences) - mux_alms(kContext)) : 0.0;
}

double slot_kv_read_quartus_units(const arch::DesignPoint& d) {
    return d.kv_memory == arch::KvMemory::registers ? slot_kv_read_units(d) : 0.0;
}

double slot_kv_register_units(const arch::DesignPoint& d) {
    return d.sequences > 1 && d.kv_memory == arch::KvMemory::registers ? (d.sequences - 1) * double(kSlotKvBits) : 0.0;
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
