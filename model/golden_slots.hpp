// Many names in flight (docs/SEQUENCES.md): S slots, each with its own
// position, KV cache, activations and RNG state; the workload's name i runs in
// slot i mod S. With S = 1 this is the single-sequence `generate` loop.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "golden_step.hpp"

namespace mgpt::golden {

// The legal slot counts S (the design key `sequences` has the same list).
inline constexpr std::array<int, 5> kLegalSequences{1, 2, 4, 8, 16};

// "1, 2, 4, 8, 16", for error messages.
std::string legal_sequences_text();
// `text` as a slot count: exactly one of the legal values written in decimal.
// Throws std::invalid_argument "WHAT: value 'TEXT' is not legal (legal: ...)".
int parse_sequences(const std::string& text, const std::string& what);

// The xorshift32 state `draws` draws after x (draws steps of xorshift32), in
// O(log draws) 32x32 GF(2) matrix products: xorshift32 is linear over GF(2).
uint32_t xorshift32_jump(uint32_t x, uint64_t draws);

// Slots start this many draws apart on xorshift32's one cycle of the 2^32 - 1
// nonzero states: 16 slots fill it, so while each slot draws at most 2^28 - 2
// times no state is visited by two slots.
inline constexpr uint64_t kSlotSeedStride = uint64_t{1} << 28;

// Slot s's first RNG state: `seed` for slot 0 (today's seed, S = 1 unchanged);
// for s > 0 the state s * kSlotSeedStride draws after `seed`, or after 1 when
// `seed` is the degenerate 0. Never 0 for s > 0; distinct for s = 0..15.
// Depends on (seed, s) only, not on S.
uint32_t slot_seed(uint32_t seed, int slot);

// The tokens of `count` names, in workload order (name i in slot i mod S, each
// slot's RNG carried from one of its names to the next as `generate` carries
// it). Throws std::invalid_argument for an illegal `sequences` or count < 0.
std::vector<std::vector<int>> generate_slots(const QWeights& w, const GenerationConfig& cfg, uint32_t seed,
                                             int sequences, int count);

}  // namespace mgpt::golden
