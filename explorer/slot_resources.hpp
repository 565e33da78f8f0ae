// What several slots per core and several cores add to a design point's
// resources and paths (keys sequences, cores; docs/SEQUENCES.md): the
// structure of rtl/mgpt_core.sv with SLOTS > 1 (docs/MICROARCH.md "Slots"),
// counted here as the units of terms whose coefficients are fitted to yosys
// runs of the multi-slot core (explorer/calibration.csv). Per core of S slots:
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
// one port per bank (bram_ports = 1). Cores are counted, not synthesized (the
// RTL's K-core top, rtl/mgpt_cores.sv, is co-simulated only, and replicates
// the M10K banks instead of sharing them): rows with several cores say so in
// their sources.
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
// The slot vectors (rtl/mgpt_slot_vector.sv): x, res, nrm, q, k, v, attn, y
// and hidden, of the per-slot bits above, and their reads among the units'
// (vector unit x, res, y; tile nrm, attn, x, hidden; attention q, k, v).
constexpr int kSlotVectorBits = 8 * 256 + 1024;
constexpr int kSlotVectorReadBits = 3 * 256 + (3 * 256 + 1024) + 3 * 256;
// slot_memory = mlab: one memory per element and reading unit (x has two
// readers): 9 vectors' worth of 16 elements and hidden's 64.
constexpr int kSlotVectorMemories = (8 + 1) * 16 + 64;
// At pipeline = 0, x and res stay in registers (a pass reads and writes one
// of their elements in a cycle, which an MLAB's unregistered read leaves
// undefined): their bits, read bits and memories.
constexpr int kSlotRmwBits = 2 * 256;
constexpr int kSlotRmwReadBits = 3 * 256;
constexpr int kSlotRmwMemories = 3 * 16;
// yosys maps a memory of 32 x 16 bits to 16 MISTRAL_MLAB cells of 32 x 1;
// Quartus packs it into one MLAB (32 x 20).
constexpr int kMlabCellsPerMemory = 16;
// KV cache bits per slot: K and V, 16 positions x 16 dimensions x 16 bits.
constexpr int kSlotKvBits = 2 * 16 * 16 * 16;
// The KV cache's row reads: K and V of 4 heads, 64 bits each (docs/MICROARCH.md "Slots").
constexpr int kKvReadBits = 8 * 64;
// Shared units with an arbiter (arch::kSharedUnitCount).
constexpr int kArbitratedUnits = 6;

// The structural units of the resource model's slot terms (resource_model.cpp;
// their coefficients are fitted to yosys runs of the multi-slot core), all 0
// with one slot:
// per-slot register bits beyond the first slot's, (S - 1) x kSlotStateBits,
// less every slot's vector bits in MLABs (the first slot's too: S x 3,072 with
// slot_memory = mlab, fewer than one slot's registers at S = 2);
double slot_state_units(const arch::DesignPoint& d);
// the units' S:1 read selects, kUnitReadBits x mux_alms(S);
double slot_read_units(const arch::DesignPoint& d);
// (both without the bits of the slot vectors in MLABs with slot_memory = mlab)
// the slot vectors' memories with slot_memory = mlab (kSlotVectorMemories, less
// x's and res's at pipeline = 0; 0 otherwise);
double slot_mlab_units(const arch::DesignPoint& d);
// what yosys still builds per slot around the MLABs for the vectors' bits in
// them (their write and read logic: its runs show no fewer ALMs than with the
// bits in registers), S x those bits;
double slot_mlab_logic_units(const arch::DesignPoint& d);
// whether the slot vectors are in MLABs: slot_memory = mlab with several slots
// (one slot keeps them in registers either way, rtl/mgpt_slot_vector.sv)
bool slot_vectors_in_mlab(const arch::DesignPoint& d);
// kv_memory = registers: the KV cache's S x 16 rows, (S - 1) x kSlotKvBits
// more bits, and its eight 64-bit row reads widened from 16:1 to (16 S):1
// selects (0 with kv_memory = m10k: its rows are M10K words, in Quartus and
// in the yosys runs, rtl/synth/kv_m10k_rules.txt).
double slot_kv_storage_units(const arch::DesignPoint& d);
double slot_kv_read_units(const arch::DesignPoint& d);
// the `oldest` arbiters: the S x S age matrix and each unit's grant over it (S^2);
double slot_arbiter_oldest_units(const arch::DesignPoint& d);
// the `round_robin` arbiters: each unit's rotating pick of S requests (S).
double slot_arbiter_round_robin_units(const arch::DesignPoint& d);

// M10K weight blocks of K cores, given one core's: shared in pairs through the
// two ports where the design uses one (bram_ports = 1), else one set per core.
double core_weight_blocks(const arch::DesignPoint& d, double one_core_blocks);

// LUT levels of the S:1 select in front of a per-slot operand (0 for S = 1).
int slot_select_levels(const arch::DesignPoint& d);

}  // namespace mgpt::explorer
