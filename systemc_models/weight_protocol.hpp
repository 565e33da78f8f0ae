// The weight memory's protocol: streamed reads described by a WeightBurst.
// The address is a real address: the store (matrix) above kWeightWordBits and
// below it the burst's first word in that matrix's read-order layout
// (docs/MICROARCH.md "M10K mapping").
// The burst reads `steps` steps of `words_per_step` consecutive words, one step
// after the other, and the memory answers what it cost in core cycles; no data
// moves (the values reach the datapath from the weight set, as DMI would).
#pragma once
#include <cstdint>
#include <utility>
#include <tlm>

#include "model/topology.hpp"
#include "protocol.hpp"

namespace mgpt::tlm_model {

using WeightProtocol = ProtocolTypes<struct WeightProtocolTag>;

struct WeightBurst : CommandExtension<WeightBurst> {
    int words_per_step = 1;
    int steps = 1;
    uint32_t cycles = 0;     // out: cycles the burst occupies the ports, latency included
    uint32_t stalls = 0;     // out: cycles lost to bank/port conflicts
    uint32_t conflicts = 0;  // out: word reads that waited for a port of their bank
};

constexpr int kWeightWordBits = 24;  // word index within a store: far more than any matrix's words
constexpr uint64_t weight_address(Matrix m, uint32_t word) {
    return (static_cast<uint64_t>(m) << kWeightWordBits) | word;
}
constexpr uint64_t weight_store(uint64_t address) { return address >> kWeightWordBits; }
constexpr uint32_t weight_word(uint64_t address) {
    return static_cast<uint32_t>(address & ((uint64_t{1} << kWeightWordBits) - 1));
}

// An initiator's side of a streamed read: the `block`-th run of `steps` steps of
// `words_per_step` words of matrix m (read-order layout). Owns its payload.
class WeightReader {
public:
    WeightReader();
    // Returns the burst's cycles and stall cycles; reports an error naming `who` if rejected.
    std::pair<uint32_t, uint32_t> read(tlm::tlm_fw_transport_if<WeightProtocol>& memory, Matrix m, int block,
                                       int words_per_step, int steps, const char* who);

private:
    CommandPayload<WeightBurst> burst_;
};

}  // namespace mgpt::tlm_model
