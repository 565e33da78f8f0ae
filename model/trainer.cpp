#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace mgpt::fmodel {

namespace {

// dx = W^T dy (accumulated) and dW += dy x^T, for y = W x.
void linear_backward(const MatrixData<double>& W, const double* x, const double* dy, MatrixData<double>& dW,
                     double* dx) {
    for (int r = 0; r < W.rows; ++r) {
        const double g = dy[r];
        if (g == 0) continue;  // ReLU zeroes many rows of the MLP; skipping them changes nothing
        const double* row = W.row(r);
        double* drow = dW.v.data() + static_cast<size_t>(r) * W.cols;
        for (int c = 0; c < W.cols; ++c) {
            drow[c] += g * x[c];
            dx[c] += g * row[c];
        }
    }
}

// y = x * s with s = (mean(x^2) + eps)^-1/2, so dy/dx = s*I - s^3/n * x x^T.
void rmsnorm_backward(const double* x, double s, const double* dy, double* dx) {
    double dot = 0;
    for (int i = 0; i < kEmbd; ++i) dot += dy[i] * x[i];
    const double k = s * s * s * dot / kEmbd;
    for (int i = 0; i < kEmbd; ++i) dx[i] += s * dy[i] - k * x[i];
}

}  // namespace

DWeights init_weights(uint32_t seed, double std) {
    std::mt19937 g(seed);
    const double two_pi = 6.283185307179586476925286766559;
    DWeights w;
    bool have_spare = false;
    double spare = 0;
    for (auto& m : w.m)
        for (double& p : m.v) {
            if (have_spare) {
                p = spare * std;
                have_spare = false;
                continue;
            }
            const double u1 = (static_cast<double>(g()) + 1.0) / 4294967296.0;  // (0, 1]: log is finite
            const double u2 = static_cast<double>(g()) / 4294967296.0;          // [0, 1)
            const double r = std::sqrt(-2.0 * std::log(u1));
            p = r * std::cos(two_pi * u2) * std;
            spare = r * std::sin(two_pi * u2);
            have_spare = true;
        }
    return w;
}

double loss_and_gradient(const DWeights& w, const std::vector<int>& tokens, DWeights& grad) {
    const int n = predicted_positions(tokens.size());
    if (n == 0) throw std::invalid_argument("a sequence needs at least 2 tokens to predict one");
    thread_local SequenceTrace tr;  // reused: no allocation per step
    forward_trace(w, tokens.data(), n, tr);
    const double inv_sqrt_hd = 1.0 / std::sqrt(static_cast<double>(kHeadDim));

    // dk, dv of a position collect contributions from every later query, so the
    // positions are walked backwards: when position p is reached, its dk/dv are complete.
    double dk[kContext][kEmbd] = {}, dv[kContext][kEmbd] = {};
    double loss = 0;
    for (int p = n - 1; p >= 0; --p) {
        const PositionTrace& a = tr.pos[p];
        const int target = tokens[p + 1];
        if (target < 0 || target >= kVocab)
            throw std::invalid_argument("target token " + std::to_string(target) + " is outside 0..26");
        loss += cross_entropy(a.logits, target);

        double dlogits[kVocab];
        softmax(a.logits, kVocab, dlogits);
        dlogits[target] -= 1.0;
        for (double& d : dlogits) d /= n;  // the loss is a mean over positions

        double dx3[kEmbd] = {};
        linear_backward(w[Matrix::lm_head], a.x3, dlogits, grad[Matrix::lm_head], dx3);
        double dh[kMlp] = {};
        linear_backward(w[Matrix::fc2], a.h, dx3, grad[Matrix::fc2], dh);
        for (int i = 0; i < kMlp; ++i)
            if (a.hpre[i] <= 0) dh[i] = 0;  // ReLU'(0) = 0, as Karpathy's Value.relu
        double dn2[kEmbd] = {};
        linear_backward(w[Matrix::fc1], a.n2, dh, grad[Matrix::fc1], dn2);
        double dx2[kEmbd];
        for (int i = 0; i < kEmbd; ++i) dx2[i] = dx3[i];  // residual path
        rmsnorm_backward(a.x2, a.s3, dn2, dx2);

        double dxa[kEmbd] = {};
        linear_backward(w[Matrix::wo], a.xa, dx2, grad[Matrix::wo], dxa);
        double dq[kEmbd] = {};
        for (int h = 0; h < kHeads; ++h) {
            const int hs = h * kHeadDim;
            const double* att = a.attn[h];
            double datt[kContext], weighted = 0;
            for (int t = 0; t <= p; ++t) {
                double s = 0;
                for (int j = 0; j < kHeadDim; ++j) {
                    s += dxa[hs + j] * tr.pos[t].v[hs + j];
                    dv[t][hs + j] += att[t] * dxa[hs + j];
                }
                datt[t] = s;
                weighted += att[t] * s;
            }
            for (int t = 0; t <= p; ++t) {
                const double dscore = att[t] * (datt[t] - weighted) * inv_sqrt_hd;  // softmax Jacobian
                for (int j = 0; j < kHeadDim; ++j) {
                    dq[hs + j] += dscore * tr.pos[t].k[hs + j];
                    dk[t][hs + j] += dscore * a.q[hs + j];
                }
            }
        }
        double dn1[kEmbd] = {};
        linear_backward(w[Matrix::wq], a.n1, dq, grad[Matrix::wq], dn1);
        linear_backward(w[Matrix::wk], a.n1, dk[p], grad[Matrix::wk], dn1);
        linear_backward(w[Matrix::wv], a.n1, dv[p], grad[Matrix::wv], dn1);
        double dx1[kEmbd];
        for (int i = 0; i < kEmbd; ++i) dx1[i] = dx2[i];  // residual path
        rmsnorm_backward(a.x1, a.s2, dn1, dx1);
        double demb[kEmbd] = {};
        rmsnorm_backward(a.emb, a.s1, dx1, demb);
        double* dte = grad[Matrix::wte].v.data() + static_cast<size_t>(a.token) * kEmbd;
        double* dpe = grad[Matrix::wpe].v.data() + static_cast<size_t>(p) * kEmbd;
        for (int i = 0; i < kEmbd; ++i) {
            dte[i] += demb[i];
            dpe[i] += demb[i];
        }
    }
    return loss / n;
}

FWeights train(const std::vector<std::vector<int>>& train_seqs, const TrainConfig& cfg,
               std::function<void(int step, double loss)> progress) {
    if (cfg.steps <= 0) throw std::invalid_argument("training needs at least one step");
    if (train_seqs.empty()) throw std::invalid_argument("training needs at least one sequence");
    DWeights w = init_weights(cfg.seed, cfg.init_std);
    DWeights grad, m, v;  // zero-initialised like w
    double b1t = 1, b2t = 1;  // beta^(step+1), by running products
    for (int step = 0; step < cfg.steps; ++step) {
        for (auto& g : grad.m) std::fill(g.v.begin(), g.v.end(), 0.0);
        const double loss = loss_and_gradient(w, train_seqs[static_cast<size_t>(step) % train_seqs.size()], grad);
        const double lr_t = cfg.lr * (1.0 - static_cast<double>(step) / cfg.steps);
        b1t *= cfg.beta1;
        b2t *= cfg.beta2;
        for (int i = 0; i < kMatrixCount; ++i) {
            double* p = w.m[i].v.data();
            double* mi = m.m[i].v.data();
            double* vi = v.m[i].v.data();
            const double* gi = grad.m[i].v.data();
            for (size_t j = 0; j < w.m[i].v.size(); ++j) {
                mi[j] = cfg.beta1 * mi[j] + (1 - cfg.beta1) * gi[j];
                vi[j] = cfg.beta2 * vi[j] + (1 - cfg.beta2) * gi[j] * gi[j];
                const double m_hat = mi[j] / (1 - b1t);
                const double v_hat = vi[j] / (1 - b2t);
                p[j] -= lr_t * m_hat / (std::sqrt(v_hat) + cfg.eps);
            }
        }
        if (progress) progress(step, loss);
    }
    return to_float(w);
}

}  // namespace mgpt::fmodel
