// Training the float model as Karpathy's microgpt.py does: one name per step,
// mean cross-entropy, analytic backprop, Adam with linear learning-rate decay.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "float_model.hpp"

namespace mgpt::fmodel {

struct TrainConfig {
    int steps = 20000;
    uint32_t seed = 42;
    double lr = 0.01;
    double beta1 = 0.85, beta2 = 0.99, eps = 1e-8;
    double init_std = 0.08;
};

// Gaussian N(0, std) weights in kMatrices order, row-major, from std::mt19937(seed)
// and a hand-written Box-Muller (std::normal_distribution is implementation-defined).
DWeights init_weights(uint32_t seed, double std);

// Loss of one sequence (as sequence_loss) and its gradient, added into `grad`.
double loss_and_gradient(const DWeights& w, const std::vector<int>& tokens, DWeights& grad);

// Step i trains on train_seqs[i % size] (BOS-wrapped token sequences, see
// encode_name). `progress` (may be empty) sees every step (0-based) and its loss. Deterministic
// for a given seed and data. Throws std::invalid_argument on steps <= 0 or no data.
FWeights train(const std::vector<std::vector<int>>& train_seqs, const TrainConfig& cfg,
               std::function<void(int step, double loss)> progress);

}  // namespace mgpt::fmodel
