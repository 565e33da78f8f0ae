// Cross-entropy through the Q4.12 golden datapath: the teacher-forced logits of
// the fixed-point model, read as reals (logit / 4096).
#pragma once
#include <vector>

#include "weights.hpp"
#include "numerics.hpp"

namespace mgpt::golden {

// Mean cross-entropy of predicting tokens[i+1] from tokens[0..i], i < min(16, len-1).
double sequence_loss_q12(const QWeights& w, const std::vector<int>& tokens, Numerics prof);
// Mean over sequences of sequence_loss_q12 (the float model's convention).
double mean_sequence_loss_q12(const QWeights& w, const std::vector<std::vector<int>>& seqs, Numerics prof);

}  // namespace mgpt::golden
