// The exhaustive plan when the sweep lists several slot variants (sequences,
// cores, schedule, slot_memory): every base micro-architecture (every other
// key but pll_mhz) with each of its variants, in plan order base-major,
// variants in the sweep's listed order (sequences, then cores, then schedule,
// slot_memory fastest), without the variants that cannot change the result:
//  - a variant with more than one slot (sequences x cores > 1) whose resources
//    exceed a device cap: it can never be feasible, and is on no front;
//  - with one slot per core (sequences = 1), every schedule and slot memory
//    but the first listed: they have no effect there (same cycles, netlist,
//    resources, Fmax);
//  - with M10K weights, every rom_layout but the first listed, all variants:
//    the layout of logic ROMs has no effect there (a base without a kept variant).
// The one-slot variant (sequences = cores = 1) is always kept, feasible or not,
// so the rows show every micro-architecture as before.
//
// Resources grow with sequences and with cores (tests/explorer proves it on
// the models), so once a variant is over a cap, every variant with as many
// or more slots and cores (same schedule and slot memory) is too, without
// evaluating it: the plan is built in about one resource evaluation per base
// micro-architecture and slot count that fits. It holds a mask of kept
// variants per base micro-architecture (16 bytes each: ~97 MB for the
// default sweep's 6 million) and is the same in every process: a point's
// index is its identity across shards, resumed runs and merges.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "arch/design_point.hpp"
#include "design_space.hpp"
#include "sweep.hpp"

namespace mgpt::explorer {

struct SlotVariant {
    int sequences = 1, cores = 1;
    arch::Policy schedule = arch::Policy::oldest;
    arch::SlotMemory slot_memory = arch::SlotMemory::registers;
};

class SlotVariants {
public:
    using Fits = std::function<bool(const arch::DesignPoint&)>;
    using Mask = unsigned __int128;  // bit v: variant v is kept
    static constexpr size_t kMaxVariants = 128;
    // `fits`: the evaluator's cap test (thread-safe); `jobs` threads.
    SlotVariants(const Sweep& sweep, const Fits& fits, int jobs, bool progress);

    // Whether `sweep` lists anything but one slot variant with one slot.
    static bool needed(const Sweep& sweep);

    uint64_t size() const { return kept_; }           // kept points (micro-architecture x variant)
    arch::DesignPoint at(uint64_t position) const;    // kept point `position`, 0-based
    uint64_t base_count() const { return space_.size(); }
    uint64_t over_cap() const { return over_cap_; }   // variants left out: over a cap
    // left out: with one slot, a schedule or slot memory but the first listed (no effect there)
    uint64_t duplicate_one_slot() const { return duplicate_one_slot_; }
    // left out: with M10K weights, a rom_layout but the first listed (all its variants)
    uint64_t duplicate_rom_layout() const { return duplicate_rom_layout_; }

private:
    struct Counts {
        uint64_t over_cap = 0, duplicate_one_slot = 0, duplicate_rom_layout = 0;
    };
    // The kept variants of base micro-architecture `base` (bit v: variants_[v]).
    Mask mask_of(const arch::DesignPoint& base, const Fits& fits, Counts& counts) const;
    static arch::DesignPoint variant_of(arch::DesignPoint base, const SlotVariant& v);

    DesignSpace space_;
    std::vector<SlotVariant> variants_;  // the sweep's listed order
    arch::RomLayout first_rom_layout_;   // the first listed rom_layout
    std::vector<size_t> by_slots_;       // variants_ by ascending sequences, then cores
    std::vector<Mask> masks_;                // per base micro-architecture
    std::vector<uint64_t> kept_before_;      // kept points of the bases before each block of kBlock
    uint64_t kept_ = 0, over_cap_ = 0, duplicate_one_slot_ = 0, duplicate_rom_layout_ = 0;
};

}  // namespace mgpt::explorer
