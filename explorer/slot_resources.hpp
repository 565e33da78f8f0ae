// What several slots per core and several cores add to a design point's
// resources and paths (keys sequences, cores; docs/SEQUENCES.md). COUNTED
// from the structure the multi-slot core needs, not fitted: the RTL core has
// one slot so far, so there is no yosys run to calibrate against (the rows
// say so in their resource and Fmax sources). The structure assumed, per
// core of S slots:
//  - every per-slot state bit (activations, step inputs, the slot's
//    controller state) in registers, S copies, read through an S:1 select;
//  - the KV cache: in M10K, one memory of S x 16 rows in the same blocks
//    (a block holds 256 rows: 16 slots fit); in registers, S copies behind
//    a (64 S):1 row select;
//  - per shared unit an arbiter: `oldest` compares the waiting slots' 16-bit
//    step ages in a tree of S - 1 comparators, `round_robin` a rotating
//    priority encoder of S requests;
// and K cores replicate all of it, except M10K weight blocks, which two cores
// share through the two ports of a true dual-port block when the design uses
// one port per bank (bram_ports = 1).
#pragma once
#include "arch/design_point.hpp"

namespace mgpt::explorer {

// Per-slot state bits of rtl/mgpt_core.sv: x, res, nrm, q, k, v, attn, y
// (8 x 16 x 16), hid (64 x 16), logits (27 x 16), sumsq (64), scale (16),
// token (5), position (4), greedy (1), rng (32), temperature (16), and the
// controller's stage, counters and phase registers (~40).
constexpr int kSlotStateBits = 8 * 16 * 16 + 64 * 16 + 27 * 16 + 64 + 16 + 5 + 4 + 1 + 32 + 16 + 40;
// KV cache bits per slot: K and V, 16 positions x 16 dimensions x 16 bits.
constexpr int kSlotKvBits = 2 * 16 * 16 * 16;
// Shared units with an arbiter (arch::kSharedUnitCount).
constexpr int kArbitratedUnits = 6;
// Bits of a slot's step age (`oldest`): a step's start, modulo 2^16 cycles.
constexpr int kAgeBits = 16;

// yosys-equivalent (packed) ALMs and flip-flops that S slots add to one core
// beyond its single slot (0 for S = 1).
struct SlotAdditions {
    double alms = 0, registers = 0;
};
SlotAdditions slot_additions(const arch::DesignPoint& d, double kv_register_read_alms);

// M10K weight blocks of K cores, given one core's: shared in pairs through the
// two ports where the design uses one (bram_ports = 1), else one set per core.
double core_weight_blocks(const arch::DesignPoint& d, double one_core_blocks);

// LUT levels the slot select adds in front of a per-slot operand (0 for S = 1).
int slot_select_levels(const arch::DesignPoint& d);

}  // namespace mgpt::explorer
