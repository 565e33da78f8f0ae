// The golden Q4.12 datapath, one function per hardware stage. golden_step.cpp
// chains them into a token step; the SystemC stage models call the same
// functions, so values are computed in exactly one place.
#pragma once
#include <array>
#include <cstdint>

#include "numerics.hpp"
#include "topology.hpp"
#include "weights.hpp"

namespace mgpt::golden {

using Vec16 = std::array<int16_t, kEmbd>;
using Logits = std::array<int16_t, kVocab>;

struct KvCache {
    int16_t k[kContext][kEmbd];
    int16_t v[kContext][kEmbd];
    void clear();
};

// x = sat16(wte[token] + wpe[pos]); returns the sum of (x*x)>>12 over the vector.
uint64_t embed(const QWeights& w, int token, int pos, Vec16& x);
uint64_t sum_squares(const Vec16& x);
// out[i] = mulq(in[i], scale)
void apply_scale(const Vec16& in, int16_t scale, Vec16& out);

// One matvec-tile pass: acc[r - row0] += sum_{c in [col0, col0+ncols)} W[r][c] * in[c]
// for rows [row0, row0+nrows) (rows past the matrix are padding and skipped).
void mac_pass(const MatrixData<int16_t>& W, const int16_t* in, int row0, int nrows, int col0, int ncols,
              int64_t* acc);
inline int16_t linear_out(int64_t acc) { return sat16(acc >> 12); }
// out = linear(W, in), optionally ReLU on write-back (fc1).
void linear(const MatrixData<int16_t>& W, const int16_t* in, int16_t* out, bool relu = false);

// Attention for head h at position pos (cache rows 0..pos valid): writes
// xa[4h..4h+3]. Returns the softmax denominator (0 treated as 1).
uint32_t attention_head(const KvCache& kv, const Vec16& q, int h, int pos, Numerics prof, Vec16& xa);

// x[i] = sat16(y[i] + res[i])
void residual_add(const Vec16& y, const Vec16& res, Vec16& x);

struct ArgMax {
    int index;
    int16_t top;
};
ArgMax argmax(const Logits& logits);

struct SampleResult {
    int token;       // the sampled token (argmax if no running sum exceeds the cut)
    uint32_t total;  // sum of the 27 weights (32-bit, wraps)
    uint32_t cut;
};
// docs/NUMERICS.md "Choosing the next token", sampling mode; rng is the already
// advanced state of this step.
SampleResult sample(const Logits& logits, ArgMax am, uint32_t rng, uint16_t temperature, Numerics prof);
// The sampler's weight for one vocabulary entry (exposed for tests).
uint32_t sampler_weight(int32_t logit, int16_t top, uint16_t temperature, Numerics prof);

}  // namespace mgpt::golden
