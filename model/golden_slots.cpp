#include "golden_slots.hpp"

#include <stdexcept>

#include "numerics.hpp"

namespace mgpt::golden {

namespace {

template <size_t N>
std::string legal_text(const std::array<int, N>& legal) {
    std::string s;
    for (int v : legal) s += (s.empty() ? "" : ", ") + std::to_string(v);
    return s;
}

template <size_t N>
int parse_legal(const std::array<int, N>& legal, const std::string& text, const std::string& what) {
    for (int v : legal)
        if (text == std::to_string(v)) return v;
    throw std::invalid_argument(what + ": value '" + text + "' is not legal (legal: " + legal_text(legal) + ")");
}

// A linear map of GF(2)^32: column j is the image of bit j.
using BitMatrix = std::array<uint32_t, 32>;

uint32_t apply(const BitMatrix& m, uint32_t x) {
    uint32_t y = 0;
    for (int j = 0; j < 32; ++j)
        if ((x >> j) & 1u) y ^= m[j];
    return y;
}

BitMatrix compose(const BitMatrix& a, const BitMatrix& b) {  // a after b
    BitMatrix c{};
    for (int j = 0; j < 32; ++j) c[j] = apply(a, b[j]);
    return c;
}

}  // namespace

std::string legal_sequences_text() { return legal_text(kLegalSequences); }
std::string legal_cores_text() { return legal_text(kLegalCores); }
int parse_sequences(const std::string& text, const std::string& what) { return parse_legal(kLegalSequences, text, what); }
int parse_cores(const std::string& text, const std::string& what) { return parse_legal(kLegalCores, text, what); }

uint32_t xorshift32_jump(uint32_t x, uint64_t draws) {
    BitMatrix power{};  // xorshift32^(2^k) at bit k of draws
    for (int j = 0; j < 32; ++j) power[j] = xorshift32(uint32_t{1} << j);
    for (; draws != 0; draws >>= 1) {
        if (draws & 1u) x = apply(power, x);
        if (draws > 1) power = compose(power, power);
    }
    return x;
}

uint32_t slot_seed(uint32_t seed, int slot) {
    if (slot < 0 || slot >= kMaxSlots)
        throw std::invalid_argument("slot " + std::to_string(slot) + " is out of range (legal: 0.." +
                                    std::to_string(kMaxSlots - 1) + ")");
    if (slot == 0) return seed;
    return xorshift32_jump(seed != 0 ? seed : 1u, static_cast<uint64_t>(slot) * kSlotSeedStride);
}

std::vector<std::vector<int>> generate_slots(const QWeights& w, const GenerationConfig& cfg, uint32_t seed,
                                             int sequences, int cores, int count) {
    parse_sequences(std::to_string(sequences), "sequences");  // throws for an illegal S
    parse_cores(std::to_string(cores), "cores");
    if (count < 0) throw std::invalid_argument("count " + std::to_string(count) + " is negative");
    const int slots = sequences * cores;
    std::vector<uint32_t> rng(slots);
    for (int g = 0; g < slots; ++g) rng[g] = slot_seed(seed, g);
    // The slots share nothing, so running the names in workload order gives each
    // slot its names in its own order g, g+SK, g+2SK, ...
    std::vector<std::vector<int>> names(count);
    for (int i = 0; i < count; ++i) names[i] = generate(w, cfg, rng[i % slots]).tokens;
    return names;
}

}  // namespace mgpt::golden
