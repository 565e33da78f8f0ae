#include "golden_stages.hpp"

#include <cstring>

namespace mgpt::golden {

void KvCache::clear() {
    std::memset(k, 0, sizeof k);
    std::memset(v, 0, sizeof v);
}

uint64_t sum_squares(const Vec16& x) {
    uint64_t s = 0;
    for (int16_t e : x) s += static_cast<uint64_t>((static_cast<int64_t>(e) * e) >> 12);
    return s;
}

uint64_t embed(const QWeights& w, int token, int pos, Vec16& x) {
    const int16_t* te = w[Matrix::wte].row(token);
    const int16_t* pe = w[Matrix::wpe].row(pos);
    for (int i = 0; i < kEmbd; ++i) x[i] = sat16(int64_t{te[i]} + pe[i]);
    return sum_squares(x);
}

void apply_scale(const Vec16& in, int16_t scale, Vec16& out) {
    for (int i = 0; i < kEmbd; ++i) out[i] = mulq(in[i], scale);
}

void mac_pass(const MatrixData<int16_t>& W, const int16_t* in, int row0, int nrows, int col0, int ncols,
              int64_t* acc) {
    const int row_end = row0 + nrows < W.rows ? row0 + nrows : W.rows;
    for (int r = row0; r < row_end; ++r) {
        const int16_t* wr = W.row(r) + col0;
        const int16_t* x = in + col0;
        int64_t s = 0;
        for (int c = 0; c < ncols; ++c) s += static_cast<int32_t>(wr[c]) * x[c];
        acc[r - row0] += s;
    }
}

void linear(const MatrixData<int16_t>& W, const int16_t* in, int16_t* out, bool relu) {
    for (int r = 0; r < W.rows; ++r) {
        int64_t acc = 0;
        mac_pass(W, in, r, 1, 0, W.cols, &acc);
        const int16_t y = linear_out(acc);
        out[r] = relu && y < 0 ? 0 : y;
    }
}

uint32_t attention_head(const KvCache& kv, const Vec16& q, int h, int pos, Numerics prof, Vec16& xa) {
    const int c0 = h * kHeadDim;
    int32_t score[kContext];
    int32_t m = -32768;
    for (int t = 0; t <= pos; ++t) {
        int64_t dot = 0;
        for (int j = 0; j < kHeadDim; ++j) dot += int64_t{q[c0 + j]} * kv.k[t][c0 + j];
        score[t] = sat16(dot >> 13);  // the 1/sqrt(4) folded in as one more shift
        if (score[t] > m) m = score[t];
    }
    int32_t wt[kContext];
    uint32_t den = 0;
    for (int t = 0; t <= pos; ++t) {
        wt[t] = attn_exp(score[t] - m, prof);
        den += static_cast<uint32_t>(wt[t]);
    }
    const int64_t d = den == 0 ? 1 : den;
    for (int j = 0; j < kHeadDim; ++j) {
        int64_t acc = 0;
        for (int t = 0; t <= pos; ++t) acc += int64_t{wt[t]} * kv.v[t][c0 + j];
        xa[c0 + j] = sat16(acc / d);  // C++ division truncates toward zero, as the dividers do
    }
    return static_cast<uint32_t>(d);
}

void residual_add(const Vec16& y, const Vec16& res, Vec16& x) {
    for (int i = 0; i < kEmbd; ++i) x[i] = sat16(int64_t{y[i]} + res[i]);
}

ArgMax argmax(const Logits& logits) {
    ArgMax am{0, -32768};
    for (int v = 0; v < kVocab; ++v)
        if (logits[v] > am.top) am = {v, logits[v]};
    return am;
}

uint32_t sampler_weight(int32_t logit, int16_t top, uint16_t temperature, Numerics prof) {
    int32_t d = logit - top;
    if (temperature <= 128)
        d *= 2;
    else if (temperature > 512)
        d >>= 2;
    else if (temperature > 256)
        d >>= 1;
    if (d >= 0) return 4096;
    uint32_t fine = static_cast<uint32_t>((-d) + 127) >> 8;
    uint32_t c1;
    if (prof == Numerics::reference) {
        fine &= 255u;                 // 8-bit register
        c1 = ((fine >> 2) + 1) & 63u;  // 6-bit index wraps
    } else {
        fine = fine > 255u ? 255u : fine;
        c1 = (fine >> 2) + 1 > 63u ? 63u : (fine >> 2) + 1;
    }
    const uint32_t c = fine >> 2, f = fine & 3u;
    const uint32_t w0 = static_cast<uint32_t>(exp_lut(c)), w1 = static_cast<uint32_t>(exp_lut(c1));
    const uint32_t w = w0 - (((w0 - w1) * f) >> 2);  // 32-bit unsigned, as the RTL
    return w == 0 ? 1 : w;
}

SampleResult sample(const Logits& logits, ArgMax am, uint32_t rng, uint16_t temperature, Numerics prof) {
    uint32_t w[kVocab];
    uint32_t total = 0;
    for (int v = 0; v < kVocab; ++v) {
        w[v] = sampler_weight(logits[v], am.top, temperature, prof);
        total += w[v];
    }
    const uint32_t mixed = rng * 0x149FBu;
    uint32_t cut = static_cast<uint32_t>((uint64_t{mixed >> 8} * total) >> 24);
    if (cut >= total) cut = total - 1;
    uint32_t run = 0;
    for (int v = 0; v < kVocab; ++v) {
        run += w[v];
        if (run > cut) return {v, total, cut};
    }
    return {am.index, total, cut};
}

}  // namespace mgpt::golden
