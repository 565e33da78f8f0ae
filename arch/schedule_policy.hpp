// How a shared unit picks among the slots waiting for it (docs/SCHEDULING.md
// "Rules"): the design key `schedule`, used by the slot scheduler, the TLM and
// the RTL alike.
#pragma once
#include <cstdint>

namespace mgpt::arch {

enum class Policy : uint8_t {
    oldest,       // the waiting slot whose current token step started earliest; ties: lowest slot index
    round_robin,  // the first waiting slot after the one the unit served last, cyclically (slot 0 first)
};
constexpr const char* policy_name(Policy p) { return p == Policy::oldest ? "oldest" : "round_robin"; }

}  // namespace mgpt::arch
