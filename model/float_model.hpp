// The float reference model: Karpathy's microgpt.py forward pass, computed in
// double (training needs it, and it makes losses reproducible to the last bit
// on one platform). The Q4.12 golden model approximates this arithmetic.
#pragma once
#include <array>
#include <vector>

#include "topology.hpp"
#include "weights.hpp"

namespace mgpt::fmodel {

using DWeights = WeightSet<double>;  // the trainer's working precision
DWeights to_double(const FWeights& w);
FWeights to_float(const DWeights& w);

constexpr double kRmsEps = 1e-5;

// out = x * (mean(x^2) + 1e-5)^-0.5; returns the scale. in == out is allowed.
double rmsnorm(const double* in, int n, double* out);
// Exact softmax (max subtracted first, so large inputs do not overflow).
void softmax(const double* in, int n, double* out);

// Every activation of one position, kept so the trainer can backpropagate.
struct PositionTrace {
    int token = 0;
    double emb[kEmbd];                   // wte[token] + wpe[pos]
    double x1[kEmbd], s1 = 0;            // rmsnorm(emb) = the first residual, its scale
    double n1[kEmbd], s2 = 0;            // rmsnorm(x1): the attention input
    double q[kEmbd], k[kEmbd], v[kEmbd];
    double attn[kHeads][kContext];       // softmax weights over positions 0..pos
    double xa[kEmbd];                    // concatenated head outputs
    double x2[kEmbd];                    // wo*xa + x1: the second residual
    double n2[kEmbd], s3 = 0;            // rmsnorm(x2): the MLP input
    double hpre[kMlp], h[kMlp];          // fc1*n2, relu of it
    double x3[kEmbd];                    // fc2*h + x2
    double logits[kVocab];
};
struct SequenceTrace {
    std::vector<PositionTrace> pos;  // one per processed position (<= kContext)
};

// Runs tokens[0..n-1] (n <= kContext) through the model with a causal KV cache.
// Throws std::invalid_argument on n > kContext or a token outside 0..26.
void forward_trace(const DWeights& w, const int* tokens, int n, SequenceTrace& trace);

// Logits of every position of `tokens` (at most kContext tokens).
std::vector<std::array<float, kVocab>> forward(const FWeights& w, const std::vector<int>& tokens);

// Mean cross-entropy of predicting tokens[i+1] from tokens[0..i], over
// i < min(kContext, len-1) (Karpathy's n). Throws std::invalid_argument if len < 2.
double sequence_loss(const DWeights& w, const std::vector<int>& tokens);
float sequence_loss(const FWeights& w, const std::vector<int>& tokens);
// Mean of sequence_loss over `seqs` (converting the weights once). 0 when empty.
double mean_sequence_loss(const FWeights& w, const std::vector<std::vector<int>>& seqs);

// Number of predicted positions of a sequence: min(kContext, len-1).
inline int predicted_positions(size_t len) {
    return len < 2 ? 0 : (static_cast<int>(len) - 1 < kContext ? static_cast<int>(len) - 1 : kContext);
}
// -log softmax(logits)[target], via log-sum-exp.
double cross_entropy(const double* logits, int target);

}  // namespace mgpt::fmodel
