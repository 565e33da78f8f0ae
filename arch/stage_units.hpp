// The hardware unit that executes each controller state (arch::Stage). When
// several independent generations ("slots") share one core, a unit serves one
// slot at a time: arch/slot_schedule.hpp arbitrates them. Why each stage
// belongs to its unit: docs/SCHEDULING.md "Units".
#pragma once
#include <cstdint>

#include "stages.hpp"

namespace mgpt::arch {

// The shared units first (0 .. kSharedUnitCount-1), then `none`: the per-slot
// controller states (accept, finish, done), which each slot runs on its own
// and which therefore never wait.
enum class Unit : uint8_t { vector, rms, tile, attention, argmax, sampler, none };
constexpr int kUnitCount = static_cast<int>(Unit::none) + 1;
constexpr int kSharedUnitCount = static_cast<int>(Unit::none);

constexpr const char* kUnitNames[kUnitCount] = {"vector", "rms", "tile", "attention", "argmax", "sampler", "none"};
constexpr const char* unit_name(Unit u) { return kUnitNames[static_cast<int>(u)]; }

// Indexed by arch::Stage, in its order.
constexpr Unit kStageUnits[kStageCount] = {
    Unit::none,       // accept
    Unit::vector,     // load
    Unit::rms,        // norm0
    Unit::vector,     // scale0
    Unit::vector,     // sumsq_attn
    Unit::rms,        // norm_attn
    Unit::vector,     // scale_attn
    Unit::tile,       // qkv
    Unit::attention,  // kv_write
    Unit::attention,  // attention
    Unit::tile,       // wo
    Unit::vector,     // residual_attn
    Unit::rms,        // norm_mlp
    Unit::vector,     // scale_mlp
    Unit::tile,       // fc1
    Unit::tile,       // fc2
    Unit::vector,     // residual_mlp
    Unit::tile,       // lm_head
    Unit::argmax,     // argmax
    Unit::none,       // finish
    Unit::sampler,    // sampler
    Unit::none,       // done
};
static_assert(sizeof(kStageUnits) / sizeof(kStageUnits[0]) == kStageCount, "one unit per stage");

constexpr Unit unit_of(Stage s) { return kStageUnits[static_cast<int>(s)]; }

}  // namespace mgpt::arch
