#include "quantized_loss.hpp"

#include <algorithm>
#include <cmath>

#include "golden_step.hpp"

namespace mgpt::golden {

double sequence_loss_q12(const QWeights& w, const std::vector<int>& tokens, Numerics prof) {
    const int n = std::min<int>(kContext, static_cast<int>(tokens.size()) - 1);
    if (n <= 0) return 0.0;
    KvCache kv;
    kv.clear();
    double loss = 0;
    for (int p = 0; p < n; ++p) {
        StepRequest req{tokens[static_cast<size_t>(p)], p, 0, /*greedy=*/true, 0x100, prof};
        const StepResult r = step(w, req, kv);
        double m = -1e300;
        for (int16_t l : r.logits) m = std::max(m, l / 4096.0);
        double z = 0;
        for (int16_t l : r.logits) z += std::exp(l / 4096.0 - m);
        loss += -(r.logits[static_cast<size_t>(tokens[static_cast<size_t>(p + 1)])] / 4096.0 - m - std::log(z));
    }
    return loss / n;
}

double mean_sequence_loss_q12(const QWeights& w, const std::vector<std::vector<int>>& seqs, Numerics prof) {
    if (seqs.empty()) return 0.0;
    double s = 0;
    for (const auto& t : seqs) s += sequence_loss_q12(w, t, prof);
    return s / static_cast<double>(seqs.size());
}

}  // namespace mgpt::golden
