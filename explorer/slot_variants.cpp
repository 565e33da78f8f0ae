#include "slot_variants.hpp"

#include <algorithm>
#include <stdexcept>

#include "parallel_for.hpp"
#include "point_plan.hpp"
#include "progress.hpp"

namespace mgpt::explorer {

namespace {
constexpr uint64_t kBlock = 64;  // base micro-architectures per prefix count
const std::vector<std::string> kVariantKeys = {"sequences", "cores", "schedule", "slot_memory"};

int popcount(SlotVariants::Mask m) {
    return __builtin_popcountll(static_cast<uint64_t>(m)) + __builtin_popcountll(static_cast<uint64_t>(m >> 64));
}

// Every listed (sequences, cores, schedule, slot_memory), slot_memory
// fastest, each value read by the design key table (the sweep has checked
// and spelled them).
std::vector<SlotVariant> listed_variants(const Sweep& sweep) {
    const arch::DesignKey* keys[4];
    for (size_t i = 0; i < 4; ++i) keys[i] = arch::find_design_key(kVariantKeys[i]);
    std::vector<SlotVariant> out;
    arch::DesignPoint d;
    for (const auto& s : sweep.axis(kVariantKeys[0]).values)
        for (const auto& k : sweep.axis(kVariantKeys[1]).values)
            for (const auto& p : sweep.axis(kVariantKeys[2]).values)
                for (const auto& m : sweep.axis(kVariantKeys[3]).values) {
                    keys[0]->store(d, s);
                    keys[1]->store(d, k);
                    keys[2]->store(d, p);
                    keys[3]->store(d, m);
                    out.push_back({d.sequences, d.cores, d.schedule, d.slot_memory});
                }
    return out;
}

std::vector<std::string> left_out_keys() {
    std::vector<std::string> keys{kClockKey};
    keys.insert(keys.end(), kVariantKeys.begin(), kVariantKeys.end());
    return keys;
}
}  // namespace

bool SlotVariants::needed(const Sweep& sweep) {
    const auto v = listed_variants(sweep);
    return v.size() > 1 || v.front().sequences * v.front().cores > 1;
}

SlotVariants::SlotVariants(const Sweep& sweep, const Fits& fits, int jobs, bool progress)
    : space_(sweep, left_out_keys()), variants_(listed_variants(sweep)) {
    arch::DesignPoint first;
    arch::find_design_key("rom_layout")->store(first, sweep.axis("rom_layout").values.front());
    first_rom_layout_ = first.rom_layout;
    if (variants_.size() > kMaxVariants)
        throw std::runtime_error(sweep.path + ": " + std::to_string(variants_.size()) +
                                 " slot variants (sequences x cores x schedule x slot_memory), at most " +
                                 std::to_string(kMaxVariants));
    by_slots_.resize(variants_.size());
    for (size_t i = 0; i < by_slots_.size(); ++i) by_slots_[i] = i;
    std::stable_sort(by_slots_.begin(), by_slots_.end(), [&](size_t a, size_t b) {
        const SlotVariant &x = variants_[a], &y = variants_[b];
        return std::pair(x.sequences, x.cores) < std::pair(y.sequences, y.cores);
    });

    const uint64_t bases = space_.size();
    if (bases > (uint64_t{1} << 32))
        throw std::runtime_error(sweep.path + ": " + std::to_string(bases) +
                                 " micro-architectures with slot variants: too many to plan (at most 2^32)");
    masks_.resize(bases);
    const uint64_t blocks = (bases + kBlock - 1) / kBlock;
    std::vector<Counts> block_counts(blocks);
    Progress bar("slot variants", static_cast<long>(blocks), progress && bases > 100000);
    parallel_for(static_cast<size_t>(blocks), jobs, [&](size_t b) {
        const uint64_t end = std::min(bases, (b + 1) * kBlock);
        for (uint64_t i = b * kBlock; i < end; ++i) masks_[i] = mask_of(space_.at(i), fits, block_counts[b]);
    }, &bar);
    bar.finish();
    kept_before_.resize(blocks);
    for (uint64_t b = 0; b < blocks; ++b) {
        kept_before_[b] = kept_;
        const uint64_t end = std::min(bases, (b + 1) * kBlock);
        for (uint64_t i = b * kBlock; i < end; ++i) kept_ += static_cast<uint64_t>(popcount(masks_[i]));
        over_cap_ += block_counts[b].over_cap;
        duplicate_one_slot_ += block_counts[b].duplicate_one_slot;
        duplicate_rom_layout_ += block_counts[b].duplicate_rom_layout;
    }
}

arch::DesignPoint SlotVariants::variant_of(arch::DesignPoint base, const SlotVariant& v) {
    base.sequences = v.sequences;
    base.cores = v.cores;
    base.schedule = v.schedule;
    base.slot_memory = v.slot_memory;
    return base;
}

SlotVariants::Mask SlotVariants::mask_of(const arch::DesignPoint& base, const Fits& fits, Counts& counts) const {
    Mask mask = 0;
    if (base.weight_memory == arch::WeightMemory::m10k && base.rom_layout != first_rom_layout_) {
        counts.duplicate_rom_layout += variants_.size();
        return mask;
    }
    std::vector<const SlotVariant*> over;  // variants found over a cap, fewest slots first
    const SlotVariant& first = variants_.front();
    for (const size_t i : by_slots_) {
        const SlotVariant& v = variants_[i];
        // one slot: the first listed schedule and slot memory only
        if (v.sequences == 1 && (v.schedule != first.schedule || v.slot_memory != first.slot_memory)) {
            ++counts.duplicate_one_slot;
            continue;
        }
        bool keep = v.sequences * v.cores == 1;
        if (!keep) {
            // monotone: at least as many slots and cores as a variant over a cap is over it too
            const bool dominated = std::any_of(over.begin(), over.end(), [&](const SlotVariant* o) {
                return o->schedule == v.schedule && o->slot_memory == v.slot_memory && o->sequences <= v.sequences &&
                       o->cores <= v.cores;
            });
            keep = !dominated && fits(variant_of(base, v));
            if (!keep) {
                over.push_back(&v);
                ++counts.over_cap;
            }
        }
        if (keep) mask |= Mask{1} << i;
    }
    return mask;
}

arch::DesignPoint SlotVariants::at(uint64_t position) const {
    if (position >= kept_)
        throw std::logic_error("SlotVariants::at: point " + std::to_string(position) + " of " + std::to_string(kept_));
    const auto block = static_cast<uint64_t>(std::upper_bound(kept_before_.begin(), kept_before_.end(), position) -
                                             kept_before_.begin() - 1);
    uint64_t left = position - kept_before_[block];
    for (uint64_t i = block * kBlock;; ++i) {
        Mask mask = masks_[i];
        const auto n = static_cast<uint64_t>(popcount(mask));
        if (left >= n) {
            left -= n;
            continue;
        }
        for (; left > 0; --left) mask &= mask - 1;  // drop the lowest kept variants
        const auto low = static_cast<uint64_t>(mask);
        const int v = low ? __builtin_ctzll(low) : 64 + __builtin_ctzll(static_cast<uint64_t>(mask >> 64));
        return variant_of(space_.at(i), variants_[static_cast<size_t>(v)]);
    }
}

}  // namespace mgpt::explorer
