#include "microarch.hpp"

#include <stdexcept>

#include "stages.hpp"

namespace mgpt::arch {

Projection projection_of(int stage_index) {
    switch (static_cast<Stage>(stage_index)) {
        case Stage::qkv: return {{Matrix::wq, Matrix::wk, Matrix::wv}, kEmbd, 1};
        case Stage::wo: return {{Matrix::wo}, kEmbd, 1};
        case Stage::fc1: return {{Matrix::fc1}, kMlp, 1};
        case Stage::fc2: return {{Matrix::fc2}, kEmbd, kMlp / kEmbd};
        case Stage::lm_head: return {{Matrix::lm_head}, kVocab, 1};
        default: throw std::logic_error("stage is not a projection");
    }
}

}  // namespace mgpt::arch
