#include "numerics.hpp"

#include <stdexcept>

namespace mgpt {

Numerics parse_numerics(const std::string& s) {
    if (s == "reference") return Numerics::reference;
    if (s == "saturating") return Numerics::saturating;
    throw std::invalid_argument("numerics '" + s + "' is not legal (legal: reference, saturating)");
}

const char* to_string(Numerics n) { return n == Numerics::reference ? "reference" : "saturating"; }

}  // namespace mgpt
