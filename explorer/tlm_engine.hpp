// The TLM engine of `explore --engine tlm`: every point's workload (and a
// full-context name for the worst step) runs through tlm_model::simulate_tlm
// in one SystemC elaboration (so: once per process). Resources and Fmax still
// come from the models.
#pragma once
#include <string>
#include <vector>

#include "evaluator.hpp"
#include "model/weights.hpp"

namespace mgpt::explorer {

struct TlmOutcome {
    std::vector<PointRow> rows;          // in the order of `points`
    std::vector<std::string> disagreements;  // points where the analytic model differs (should never happen)
};

// `analytic` are the same points' analytic rows (compared, and used for the
// worst step when the TLM's position-15 step exited the RMS engine early).
TlmOutcome evaluate_with_tlm(const Evaluator& ev, const QWeights& weights, const std::vector<PlannedPoint>& points,
                             const std::vector<PointRow>& analytic);

}  // namespace mgpt::explorer
