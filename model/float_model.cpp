#include "float_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mgpt::fmodel {

namespace {

// y = W x for W[rows][cols] row-major (weights.hpp).
void linear(const MatrixData<double>& W, const double* x, double* y) {
    for (int r = 0; r < W.rows; ++r) {
        const double* row = W.row(r);
        double acc = 0;
        for (int c = 0; c < W.cols; ++c) acc += row[c] * x[c];
        y[r] = acc;
    }
}

}  // namespace

DWeights to_double(const FWeights& w) {
    DWeights d;
    for (int i = 0; i < kMatrixCount; ++i) d.m[i].v.assign(w.m[i].v.begin(), w.m[i].v.end());
    return d;
}

FWeights to_float(const DWeights& w) {
    FWeights f;
    for (int i = 0; i < kMatrixCount; ++i)
        for (size_t j = 0; j < w.m[i].v.size(); ++j) f.m[i].v[j] = static_cast<float>(w.m[i].v[j]);
    return f;
}

double rmsnorm(const double* in, int n, double* out) {
    double ss = 0;
    for (int i = 0; i < n; ++i) ss += in[i] * in[i];
    const double s = 1.0 / std::sqrt(ss / n + kRmsEps);
    for (int i = 0; i < n; ++i) out[i] = in[i] * s;
    return s;
}

void softmax(const double* in, int n, double* out) {
    double mx = in[0];
    for (int i = 1; i < n; ++i) mx = std::max(mx, in[i]);
    double sum = 0;
    for (int i = 0; i < n; ++i) sum += (out[i] = std::exp(in[i] - mx));
    for (int i = 0; i < n; ++i) out[i] /= sum;
}

double cross_entropy(const double* logits, int target) {
    double mx = logits[0];
    for (int i = 1; i < kVocab; ++i) mx = std::max(mx, logits[i]);
    double sum = 0;
    for (int i = 0; i < kVocab; ++i) sum += std::exp(logits[i] - mx);
    return mx + std::log(sum) - logits[target];
}

void forward_trace(const DWeights& w, const int* tokens, int n, SequenceTrace& trace) {
    if (n > kContext) throw std::invalid_argument("sequence of " + std::to_string(n) + " tokens exceeds the context of 16");
    trace.pos.resize(n);
    const double inv_sqrt_hd = 1.0 / std::sqrt(static_cast<double>(kHeadDim));
    for (int p = 0; p < n; ++p) {
        PositionTrace& a = trace.pos[p];
        a.token = tokens[p];
        if (a.token < 0 || a.token >= kVocab)
            throw std::invalid_argument("token " + std::to_string(a.token) + " at position " + std::to_string(p) +
                                        " is outside 0..26");
        const double* te = w[Matrix::wte].row(a.token);
        const double* pe = w[Matrix::wpe].row(p);
        for (int i = 0; i < kEmbd; ++i) a.emb[i] = te[i] + pe[i];
        a.s1 = rmsnorm(a.emb, kEmbd, a.x1);
        a.s2 = rmsnorm(a.x1, kEmbd, a.n1);
        linear(w[Matrix::wq], a.n1, a.q);
        linear(w[Matrix::wk], a.n1, a.k);
        linear(w[Matrix::wv], a.n1, a.v);
        // The KV cache is the k, v of the earlier positions' traces.
        for (int h = 0; h < kHeads; ++h) {
            const int hs = h * kHeadDim;
            double scores[kContext];
            for (int t = 0; t <= p; ++t) {
                double dot = 0;
                for (int j = 0; j < kHeadDim; ++j) dot += a.q[hs + j] * trace.pos[t].k[hs + j];
                scores[t] = dot * inv_sqrt_hd;
            }
            softmax(scores, p + 1, a.attn[h]);
            for (int j = 0; j < kHeadDim; ++j) {
                double acc = 0;
                for (int t = 0; t <= p; ++t) acc += a.attn[h][t] * trace.pos[t].v[hs + j];
                a.xa[hs + j] = acc;
            }
        }
        linear(w[Matrix::wo], a.xa, a.x2);
        for (int i = 0; i < kEmbd; ++i) a.x2[i] += a.x1[i];
        a.s3 = rmsnorm(a.x2, kEmbd, a.n2);
        linear(w[Matrix::fc1], a.n2, a.hpre);
        for (int i = 0; i < kMlp; ++i) a.h[i] = a.hpre[i] > 0 ? a.hpre[i] : 0.0;
        linear(w[Matrix::fc2], a.h, a.x3);
        for (int i = 0; i < kEmbd; ++i) a.x3[i] += a.x2[i];
        linear(w[Matrix::lm_head], a.x3, a.logits);
    }
}

std::vector<std::array<float, kVocab>> forward(const FWeights& w, const std::vector<int>& tokens) {
    SequenceTrace tr;
    forward_trace(to_double(w), tokens.data(), static_cast<int>(tokens.size()), tr);
    std::vector<std::array<float, kVocab>> out(tr.pos.size());
    for (size_t p = 0; p < tr.pos.size(); ++p)
        for (int i = 0; i < kVocab; ++i) out[p][i] = static_cast<float>(tr.pos[p].logits[i]);
    return out;
}

double sequence_loss(const DWeights& w, const std::vector<int>& tokens) {
    const int n = predicted_positions(tokens.size());
    if (n == 0) throw std::invalid_argument("a sequence needs at least 2 tokens to predict one");
    SequenceTrace tr;
    forward_trace(w, tokens.data(), n, tr);
    double sum = 0;
    for (int p = 0; p < n; ++p) {
        if (tokens[p + 1] < 0 || tokens[p + 1] >= kVocab)
            throw std::invalid_argument("target token " + std::to_string(tokens[p + 1]) + " is outside 0..26");
        sum += cross_entropy(tr.pos[p].logits, tokens[p + 1]);
    }
    return sum / n;
}

float sequence_loss(const FWeights& w, const std::vector<int>& tokens) {
    return static_cast<float>(sequence_loss(to_double(w), tokens));
}

double mean_sequence_loss(const FWeights& w, const std::vector<std::vector<int>>& seqs) {
    if (seqs.empty()) return 0;
    const DWeights d = to_double(w);
    double sum = 0;
    for (const auto& s : seqs) sum += sequence_loss(d, s);
    return sum / static_cast<double>(seqs.size());
}

}  // namespace mgpt::fmodel
