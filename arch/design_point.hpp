// A design point: one value per design key (the table in design_keys.hpp). Parsed from a
// Boost.Program_options config file (`key = value`), overridable with
// `--set key=value`. Every key has a documented meaning, legal set and default;
// bad input is an error naming the file, line, key, value and the legal set.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "design_keys.hpp"
#include "schedule_policy.hpp"
#include "model/numerics.hpp"

namespace mgpt::arch {

enum class WeightMemory { logic, m10k };
enum class KvMemory { registers, m10k };
enum class SamplerKind { sequential, parallel };
enum class ArgmaxKind { sequential, tree };
enum class SlotMemory { registers, mlab };
enum class RomLayout { matrix, step };

struct DesignPoint {
    std::string name = "baseline";
    int lanes = 16;                 // MAC rows per tile pass
    int cols_per_cycle = 1;         // input columns per lane per cycle
    WeightMemory weight_memory = WeightMemory::logic;
    int weight_banks = 0;           // M10K banks per weight matrix (m10k only; 0 = not applicable)
    int bram_ports = 0;             // read ports per bank, 1 or 2 (m10k only)
    RomLayout rom_layout = RomLayout::matrix;  // how a logic ROM is addressed (no effect with M10K weights)
    KvMemory kv_memory = KvMemory::registers;
    int vector_lanes = 1;           // elements per cycle in elementwise passes
    int norm_radix_bits = 1;        // result bits per cycle in the RMS engine
    int attn_dividers = 4;          // parallel attention dividers
    int div_radix_bits = 1;         // quotient bits per cycle per divider
    SamplerKind sampler = SamplerKind::sequential;
    ArgmaxKind argmax = ArgmaxKind::sequential;
    int pipeline = 0;               // register stages added to the matvec tile datapath (docs/MICROARCH.md)
    int sequences = 1;              // slots per core: independent generations sharing its units (docs/SEQUENCES.md)
    int cores = 1;                  // core replicas, each with its own slots
    Policy schedule = Policy::oldest;  // which waiting slot a free unit serves (docs/SCHEDULING.md)
    SlotMemory slot_memory = SlotMemory::registers;  // where the slots' activation vectors live
    double pll_mhz = 56.25;         // requested core clock
    Numerics numerics = Numerics::saturating;

    bool operator==(const DesignPoint& o) const;
};

// Sets `key` to `value` on `d`; throws std::invalid_argument naming the key, the
// value and the legal set. `where` (e.g. "baseline.cfg:7") prefixes the message.
void set_key(DesignPoint& d, const std::string& key, const std::string& value, const std::string& where = "");
// As set_key, but an empty value unsets a conditional key (--set, points.csv).
void set_or_clear_key(DesignPoint& d, const std::string& key, const std::string& value, const std::string& where = "");
// The value of `key` as written in a config file.
std::string get_key(const DesignPoint& d, const std::string& key);

// Checks the keys' conditions (a conditional key is set exactly where it
// applies, e.g. m10k weights need banks and ports); throws naming the keys.
void validate(const DesignPoint& d, const std::string& where = "");

// Loads a design file and applies `overrides` ("key=value"). Throws
// std::runtime_error naming the file and line (or "--set") on any error: a
// folder, a line that is not `key = value` (its bytes escaped), an unknown key,
// an illegal value. A file without a `name` key is named after its stem.
DesignPoint load_design(const std::string& path, const std::vector<std::string>& overrides = {});
// Applies "key=value" overrides to an already loaded point and re-validates;
// throws std::invalid_argument prefixed "--set". A conditional key not named in
// the overrides is dropped where its condition stops holding (the table's
// applies_when), so --set weight_memory=logic turns an M10K design into logic ROMs.
void apply_overrides(DesignPoint& d, const std::vector<std::string>& overrides);

// The design file text for `d` (every key, with a comment per key).
std::string to_config_text(const DesignPoint& d);
// One line "lanes=16 cols_per_cycle=1 ..." for reports and cache keys.
std::string to_short_string(const DesignPoint& d);

}  // namespace mgpt::arch
