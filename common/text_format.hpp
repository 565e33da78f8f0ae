// Number formatting shared by every report and table.
#pragma once
#include <string>

namespace mgpt {

// printf("%.*f"): a real with a fixed number of decimals. The explorer writes
// every real this way and reads it back, so a figure means the same in memory
// and on disk; the terminal reports use it for their figures.
std::string fixed_decimals(double v, int decimals);

}  // namespace mgpt
