// Many names in flight (docs/SEQUENCES.md): K cores of S slots each, every
// slot with its own position, KV cache, activations and RNG state; the
// workload's name i runs in slot i mod (S x K). With S = K = 1 this is the
// single-sequence `generate` loop.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "golden_step.hpp"

namespace mgpt::golden {

// The legal slot counts S per core and core counts K (the design keys
// `sequences` and `cores` have the same lists).
inline constexpr std::array<int, 5> kLegalSequences{1, 2, 4, 8, 16};
inline constexpr std::array<int, 4> kLegalCores{1, 2, 4, 8};
// Slots of all cores together: S x K <= 16 x 8.
inline constexpr int kMaxSlots = 128;

// "1, 2, 4, 8, 16" and "1, 2, 4, 8", for error messages.
std::string legal_sequences_text();
std::string legal_cores_text();
// `text` as a slot count (core count): exactly one of the legal values written
// in decimal. Throws std::invalid_argument "WHAT: value 'TEXT' is not legal (legal: ...)".
int parse_sequences(const std::string& text, const std::string& what);
int parse_cores(const std::string& text, const std::string& what);

// The xorshift32 state `draws` draws after x (draws steps of xorshift32), in
// O(log draws) 32x32 GF(2) matrix products: xorshift32 is linear over GF(2).
uint32_t xorshift32_jump(uint32_t x, uint64_t draws);

// Slots start this many draws apart on xorshift32's one cycle of the 2^32 - 1
// nonzero states: 128 slots fill it, so while each slot draws at most 2^25 - 2
// times no state is visited by two slots.
inline constexpr uint64_t kSlotSeedStride = uint64_t{1} << 25;

// Slot g's first RNG state: `seed` for slot 0 (today's seed, S = K = 1
// unchanged); for g > 0 the state g * kSlotSeedStride draws after `seed`, or
// after 1 when `seed` is the degenerate 0. Never 0 for g > 0; distinct for
// g = 0..127. Depends on (seed, g) only, not on S or K.
uint32_t slot_seed(uint32_t seed, int slot);

// The tokens of `count` names, in workload order (name i in slot i mod (S x K),
// each slot's RNG carried from one of its names to the next as `generate`
// carries it). Slot g is slot g mod S of core g / S. Throws
// std::invalid_argument for an illegal `sequences` or `cores`, or count < 0.
std::vector<std::vector<int>> generate_slots(const QWeights& w, const GenerationConfig& cfg, uint32_t seed,
                                             int sequences, int cores, int count);

}  // namespace mgpt::golden
