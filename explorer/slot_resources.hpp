// What several slots per core and several cores add to a design point's
// resources and paths (keys sequences, cores; docs/SEQUENCES.md). COUNTED
// from the structure of rtl/mgpt_core.sv with SLOTS > 1 (docs/MICROARCH.md
// "Slots"), not fitted to yosys yet; the rows say so in their resource and
// Fmax sources. Per core of S slots:
//  - every per-slot field in registers, S copies (kSlotStateBits each),
//    written under a slot decoder;
//  - each unit reads its holder's fields through an S:1 select
//    (kUnitReadBits in all);
//  - the KV cache: in M10K, one memory of S x 16 rows in the same blocks
//    (a block holds 256 rows: 16 slots fit); in registers, S copies behind a
//    (64 S):1 row select;
//  - per unit the arbiter's busy bit and held slot; `oldest` an S x S age
//    matrix and per unit a grant of the waiting slot no other is older than,
//    `round_robin` per unit the slot served last and a rotating priority pick;
// and K cores replicate all of it, except M10K weight blocks, which two cores
// share through the two ports of a true dual-port block when the design uses
// one port per bank (bram_ports = 1).
#pragma once
#include "arch/design_point.hpp"

namespace mgpt::explorer {

// Per-slot register bits of rtl/mgpt_core.sv (docs/MICROARCH.md "Slots"):
// stage (5), token, position, greedy, temperature (26), RNG state and token
// out (37), x, res, nrm, q, k, v, attn, y (8 x 256), hidden (1,024), logits
// (432), sum of squares, scale, argmax index and value (101).
constexpr int kSlotStateBits = 5 + 26 + 37 + 8 * 256 + 1024 + 432 + 101;
// Bits the six units read through their S:1 selects: vector 857, rms 64,
// tile 1,792, attention 772, argmax 453, sampler 501, and each unit's 5-bit
// view of its holder's stage.
constexpr int kUnitReadBits = 857 + 64 + 1792 + 772 + 453 + 501 + 6 * 5;
// KV cache bits per slot: K and V, 16 positions x 16 dimensions x 16 bits.
constexpr int kSlotKvBits = 2 * 16 * 16 * 16;
// Shared units with an arbiter (arch::kSharedUnitCount).
constexpr int kArbitratedUnits = 6;

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
