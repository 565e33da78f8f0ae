// DESIGN_TAG: a 32-bit fingerprint of a design point and its weights, built
// into the bitstream (rtl/de1soc/de1soc_top.sv parameter, register 0x24) so
// the host can tell whether the board runs the design it expects. FNV-1a over
// the design's key=value line (pll_mhz included) and every Q4.12 weight,
// kept to 31 bits.
#pragma once
#include <cstdint>

#include "arch/design_point.hpp"
#include "model/weights.hpp"

namespace mgpt::de1soc {

uint32_t design_tag(const arch::DesignPoint& d, const QWeights& w);

}  // namespace mgpt::de1soc
