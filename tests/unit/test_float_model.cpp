// The float reference model: primitives, causality, and the trainer's backprop
// checked against central finite differences (the key correctness test).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "model/float_model.hpp"
#include "model/trainer.hpp"

using namespace mgpt;
using namespace mgpt::fmodel;

TEST_CASE("softmax sums to one, is shift invariant and does not overflow", "[float_model]") {
    const double in[4] = {1.0, 2.0, -3.0, 0.5};
    double out[4], shifted_out[4];
    softmax(in, 4, out);
    double sum = 0;
    for (double p : out) sum += p;
    CHECK(sum == Approx(1.0).epsilon(1e-15));
    CHECK(out[1] > out[0]);
    CHECK(out[1] / out[0] == Approx(std::exp(1.0)));
    const double shifted[4] = {1001.0, 1002.0, 997.0, 1000.5};
    softmax(shifted, 4, shifted_out);
    for (int i = 0; i < 4; ++i) CHECK(shifted_out[i] == Approx(out[i]).epsilon(1e-12));
    CHECK(cross_entropy(std::array<double, kVocab>{}.data(), 3) == Approx(std::log(27.0)));
}

TEST_CASE("rmsnorm scales to unit mean square and leaves zero at zero", "[float_model]") {
    double x[kEmbd], y[kEmbd];
    for (int i = 0; i < kEmbd; ++i) x[i] = 0.3 * i - 2.0;
    const double s = rmsnorm(x, kEmbd, y);
    double ms = 0;
    for (double v : y) ms += v * v / kEmbd;
    CHECK(ms == Approx(1.0).epsilon(1e-4));  // slightly below 1 by the 1e-5 epsilon
    CHECK(y[3] == Approx(x[3] * s));
    const double zero[kEmbd] = {};
    rmsnorm(zero, kEmbd, y);
    for (double v : y) CHECK(v == 0.0);
}

TEST_CASE("zero weights predict uniformly: loss ln 27", "[float_model]") {
    const FWeights w;
    CHECK(sequence_loss(w, {kBos, 0, 1, kBos}) == Approx(std::log(27.0)));
}

TEST_CASE("forward is causal: a prefix sees the same logits", "[float_model]") {
    const FWeights w = to_float(init_weights(7, 0.3));
    const std::vector<int> seq = {kBos, 4, 12, 12, 0, kBos, 3, 19, 25, 1};
    const auto full = forward(w, seq);
    const auto prefix = forward(w, std::vector<int>(seq.begin(), seq.begin() + 4));
    REQUIRE(full.size() == seq.size());
    REQUIRE(prefix.size() == 4);
    for (int p = 0; p < 4; ++p)
        for (int i = 0; i < kVocab; ++i) CHECK(prefix[p][i] == full[p][i]);
    CHECK_THROWS_AS(forward(w, std::vector<int>(17, 0)), std::invalid_argument);
    CHECK_THROWS_AS(forward(w, {kBos, 27}), std::invalid_argument);
    CHECK_THROWS_AS(sequence_loss(w, {kBos}), std::invalid_argument);
}

TEST_CASE("sequence loss only predicts the first 16 positions of a long name", "[float_model]") {
    const DWeights w = init_weights(3, 0.3);
    std::vector<int> long_seq = {kBos};
    for (int i = 0; i < 20; ++i) long_seq.push_back(i % 26);
    long_seq.push_back(kBos);
    const std::vector<int> first17(long_seq.begin(), long_seq.begin() + 17);
    CHECK(sequence_loss(w, long_seq) == sequence_loss(w, first17));
}

namespace {

// Checks every parameter's analytic gradient against (L(p+h) - L(p-h)) / 2h.
void check_gradient(const std::vector<int>& seq, uint32_t seed) {
    DWeights w = init_weights(seed, 0.3);  // larger than 0.08 so every nonlinearity matters
    DWeights grad;
    const double loss = loss_and_gradient(w, seq, grad);
    CHECK(loss == Approx(sequence_loss(w, seq)).epsilon(1e-12));
    const double h = 1e-5;
    for (int m = 0; m < kMatrixCount; ++m) {
        INFO("matrix " << kMatrices[m].name);
        int nonzero = 0;
        double worst = 0;
        for (size_t j = 0; j < w.m[m].v.size(); ++j) {
            const double saved = w.m[m].v[j];
            w.m[m].v[j] = saved + h;
            const double up = sequence_loss(w, seq);
            w.m[m].v[j] = saved - h;
            const double down = sequence_loss(w, seq);
            w.m[m].v[j] = saved;
            const double numeric = (up - down) / (2 * h);
            const double analytic = grad.m[m].v[j];
            const double err = std::abs(numeric - analytic) / (1e-7 + std::max(std::abs(numeric), std::abs(analytic)));
            worst = std::max(worst, std::abs(numeric - analytic) > 1e-9 ? err : 0.0);
            if (analytic != 0) ++nonzero;
        }
        CHECK(worst < 1e-4);
        CHECK(nonzero > 0);  // every matrix takes part in the loss
    }
}

}  // namespace

TEST_CASE("backprop matches central finite differences for every parameter", "[float_model][gradient]") {
    SECTION("a short name") { check_gradient({kBos, 4, 12, 12, 0, kBos}, 11); }
    SECTION("a name longer than the context (truncated to 16 predictions)") {
        std::vector<int> seq = {kBos};
        for (int i = 0; i < 18; ++i) seq.push_back((i * 7) % 26);
        seq.push_back(kBos);
        check_gradient(seq, 12);
    }
}
