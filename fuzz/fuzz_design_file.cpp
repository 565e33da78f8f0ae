// arch::load_design: a design point's `key = value` file (Boost.Program_options).
// Beyond the contract (harness_support.hpp): a loaded point round-trips through
// to_config_text (what `explore` writes as best.cfg) unchanged.
#include "arch/design_point.hpp"
#include "harness_support.hpp"

using namespace mgpt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = fuzz::write_scratch("design.cfg", data, size);
    arch::DesignPoint d;
    if (!fuzz::parse_or_reject(path, [&] { d = arch::load_design(path); })) return 0;
    const std::string again = fuzz::write_scratch("design_again.cfg", arch::to_config_text(d));
    arch::DesignPoint e;
    if (!fuzz::parse_or_reject(again, [&] { e = arch::load_design(again); }) || !(e == d) || e.name != d.name)
        fuzz::contract_broken(again, "a different point", "to_config_text does not read back as the same point");
    return 0;
}
