#include "golden_step.hpp"

#include <string>

namespace mgpt::golden {

StepResult step(const QWeights& w, const StepRequest& req, KvCache& kv) {
    StepResult out;
    out.rng_out = req.greedy ? req.rng_in : xorshift32(req.rng_in);

    // 1. embedding and the first norm (the residual starts from the normed x)
    Vec16 x, res, n, q, k, v, xa, y;
    RmsScale s = rms_scale(embed(w, req.token, req.pos, x));
    out.rms_early_exit[0] = s.early_exit;
    apply_scale(x, s.scale, x);
    res = x;
    // 2-3. attention norm and projections
    s = rms_scale(sum_squares(x));
    out.rms_early_exit[1] = s.early_exit;
    apply_scale(x, s.scale, n);
    linear(w[Matrix::wq], n.data(), q.data());
    linear(w[Matrix::wk], n.data(), k.data());
    linear(w[Matrix::wv], n.data(), v.data());
    for (int i = 0; i < kEmbd; ++i) {
        kv.k[req.pos][i] = k[i];
        kv.v[req.pos][i] = v[i];
    }
    // 4-5. attention, output projection, residual
    for (int h = 0; h < kHeads; ++h) attention_head(kv, q, h, req.pos, req.numerics, xa);
    linear(w[Matrix::wo], xa.data(), y.data());
    residual_add(y, res, x);
    res = x;
    // 6-7. MLP
    s = rms_scale(sum_squares(x));
    out.rms_early_exit[2] = s.early_exit;
    apply_scale(x, s.scale, n);
    std::array<int16_t, kMlp> hdn;
    linear(w[Matrix::fc1], n.data(), hdn.data(), /*relu=*/true);
    linear(w[Matrix::fc2], hdn.data(), y.data());
    residual_add(y, res, x);
    // 8. logits and the next token
    linear(w[Matrix::lm_head], x.data(), out.logits.data());
    out.argmax = argmax(out.logits);
    if (req.greedy) {
        out.next = out.argmax.index;
    } else {
        out.sample = sample(out.logits, out.argmax, out.rng_out, req.temperature, req.numerics);
        out.next = out.sample.token;
    }
    return out;
}

Generation generate(const QWeights& w, const GenerationConfig& cfg, uint32_t& rng) {
    Generation g;
    KvCache kv;
    kv.clear();
    int token = kBos;
    for (int pos = 0; pos < kContext; ++pos) {
        const StepRequest req{token, pos, rng, cfg.greedy, cfg.temperature, cfg.numerics};
        const StepResult r = step(w, req, kv);
        rng = r.rng_out;
        g.steps.push_back(req);
        g.results.push_back(r);
        if (r.next == kBos) break;
        g.tokens.push_back(r.next);
        token = r.next;
    }
    return g;
}

std::string tokens_to_name(const std::vector<int>& tokens) {
    std::string s;
    for (int t : tokens) s += t == kBos ? '.' : static_cast<char>('a' + t);  // BOS only in forced runs
    return s;
}

}  // namespace mgpt::golden
