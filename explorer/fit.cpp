#include "fit.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "text_util.hpp"

namespace mgpt::explorer {

std::vector<double> least_squares(const std::vector<std::vector<double>>& A, const std::vector<double>& b,
                                  const std::vector<double>& x0, double ridge) {
    const size_t n = x0.size();
    // Scale columns so the ridge means the same for a unit of "lanes" and of "LUTs".
    std::vector<double> scale(n, 1.0);
    for (size_t j = 0; j < n; ++j) {
        double s = 0;
        for (const auto& row : A) s += row[j] * row[j];
        scale[j] = s > 0 ? std::sqrt(s) : 1.0;
    }
    // Normal equations (A'A + ridge I) y = A'b + ridge y0, with x = y / scale.
    std::vector<std::vector<double>> M(n, std::vector<double>(n + 1, 0.0));
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            double s = 0;
            for (const auto& row : A) s += row[i] / scale[i] * row[j] / scale[j];
            M[i][j] = s + (i == j ? ridge : 0.0);
        }
        double s = 0;
        for (size_t r = 0; r < A.size(); ++r) s += A[r][i] / scale[i] * b[r];
        M[i][n] = s + ridge * x0[i] * scale[i];
    }
    for (size_t c = 0; c < n; ++c) {  // Gaussian elimination, partial pivoting
        size_t piv = c;
        for (size_t r = c + 1; r < n; ++r)
            if (std::fabs(M[r][c]) > std::fabs(M[piv][c])) piv = r;
        std::swap(M[c], M[piv]);
        if (M[c][c] == 0) throw std::runtime_error("least squares: singular system");
        for (size_t r = 0; r < n; ++r) {
            if (r == c) continue;
            const double f = M[r][c] / M[c][c];
            for (size_t k = c; k <= n; ++k) M[r][k] -= f * M[c][k];
        }
    }
    std::vector<double> x(n);
    for (size_t i = 0; i < n; ++i) x[i] = M[i][n] / M[i][i] / scale[i];
    return x;
}

std::vector<double> nonnegative_least_squares(const std::vector<std::vector<double>>& A, const std::vector<double>& b,
                                              const std::vector<double>& x0, double ridge) {
    const size_t n = x0.size();
    std::vector<double> prior(n);
    for (size_t j = 0; j < n; ++j) prior[j] = std::max(x0[j], 0.0);
    std::vector<double> x = least_squares(A, b, prior, ridge);
    if (std::all_of(x.begin(), x.end(), [](double v) { return v >= 0; })) return x;

    // least_squares' objective: |A x - b|^2 + ridge |s (x - x0)|^2, s = the column norms
    std::vector<double> s2(n, 0.0);
    for (size_t j = 0; j < n; ++j) {
        for (const auto& row : A) s2[j] += row[j] * row[j];
        if (s2[j] == 0) s2[j] = 1;
    }
    // half its negative gradient at y: the direction each coefficient wants to move
    auto descent = [&](const std::vector<double>& y) {
        std::vector<double> g(n, 0.0);
        for (size_t i = 0; i < A.size(); ++i) {
            double r = b[i];
            for (size_t j = 0; j < n; ++j) r -= A[i][j] * y[j];
            for (size_t j = 0; j < n; ++j) g[j] += A[i][j] * r;
        }
        for (size_t j = 0; j < n; ++j) g[j] += ridge * s2[j] * (prior[j] - y[j]);
        return g;
    };
    // the unconstrained solution over the passive set, every other coefficient 0
    auto solve_on = [&](const std::vector<bool>& passive) {
        std::vector<size_t> idx;
        for (size_t j = 0; j < n; ++j)
            if (passive[j]) idx.push_back(j);
        std::vector<std::vector<double>> Ap(A.size(), std::vector<double>(idx.size()));
        std::vector<double> x0p(idx.size());
        for (size_t k = 0; k < idx.size(); ++k) {
            for (size_t i = 0; i < A.size(); ++i) Ap[i][k] = A[i][idx[k]];
            x0p[k] = prior[idx[k]];
        }
        const std::vector<double> zp = least_squares(Ap, b, x0p, ridge);
        std::vector<double> z(n, 0.0);
        for (size_t k = 0; k < idx.size(); ++k) z[idx[k]] = zp[k];
        return z;
    };
    double tol = 0;  // relative to the size of the problem's gradients
    for (double g : descent(std::vector<double>(n, 0.0))) tol = std::max(tol, std::fabs(g));
    tol *= 1e-12;

    // Lawson and Hanson: start at 0; free the coefficient that most wants to rise, solve over
    // the free ones; where that solution leaves the feasible set, step to its boundary and fix
    // the coefficients that reached 0 there. Each pass lowers the objective: it ends at the
    // constrained optimum (no fixed coefficient wants to rise), within 3n + 3 passes in practice.
    std::vector<bool> passive(n, false);
    std::vector<double> y(n, 0.0);
    for (size_t outer = 0; outer < 3 * n + 3; ++outer) {
        const std::vector<double> g = descent(y);
        size_t best = n;
        for (size_t j = 0; j < n; ++j)
            if (!passive[j] && g[j] > tol && (best == n || g[j] > g[best])) best = j;
        if (best == n) break;
        passive[best] = true;
        for (size_t inner = 0; inner < 3 * n + 3; ++inner) {
            const std::vector<double> z = solve_on(passive);
            double alpha = 1;
            for (size_t j = 0; j < n; ++j)
                if (passive[j] && z[j] <= 0) alpha = std::min(alpha, y[j] <= 0 ? 0.0 : y[j] / (y[j] - z[j]));
            for (size_t j = 0; j < n; ++j) y[j] += alpha * (z[j] - y[j]);
            if (alpha == 1) break;
            for (size_t j = 0; j < n; ++j)
                if (passive[j] && y[j] <= 0) {
                    passive[j] = false;
                    y[j] = 0;
                }
        }
    }
    for (double& v : y) v = std::max(v, 0.0);  // a boundary step's rounding
    return y;
}

Calibration fit_coefficients(const Calibration& prior, const std::vector<Measurement>& rows,
                             const std::vector<std::string>& free_components, const std::string& source,
                             std::vector<std::string>* notes) {
    const auto& comps = resource_components();
    std::set<std::string> known_groups{"total"};
    for (const auto& c : comps) known_groups.insert(c.group);
    for (const auto& r : rows) {
        if (!known_groups.count(r.group)) {
            std::string legal;
            for (const auto& g : known_groups) legal += (legal.empty() ? "" : ", ") + g;
            throw std::runtime_error(r.label + ": group '" + r.group + "' is not legal (legal: " + legal + ")");
        }
        if (r.metric == Metric::m10k)
            throw std::runtime_error(r.label + ": M10K blocks are counted from the memory layout, not fitted "
                                               "(yosys does not map initialised ROMs to M10K)");
    }
    for (const auto& f : free_components)
        if (std::none_of(comps.begin(), comps.end(), [&](const ResourceComponent& c) { return f == c.name; }))
            throw std::runtime_error("free component '" + f + "' is not a resource model component");

    Calibration out = prior;
    for (int mi = 0; mi < kMetricCount; ++mi) {
        const Metric m = static_cast<Metric>(mi);
        std::vector<const Measurement*> ms;
        for (const auto& r : rows)
            if (r.metric == m) ms.push_back(&r);
        if (ms.empty()) continue;
        std::vector<std::vector<double>> units;
        for (const auto* r : ms) units.push_back(component_units(r->design));
        auto in_group = [&](size_t comp, const Measurement& r) { return r.group == "total" || r.group == comps[comp].group; };
        // the free components of this metric: measured somewhere, with nonzero units
        std::vector<size_t> fit;
        for (size_t j = 0; j < comps.size(); ++j) {
            // A structural count is never fitted.
            const Coefficient* known = prior.find(comps[j].name, metric_name(m));
            if (known && known->is_count()) continue;
            const bool chosen = free_components.empty()
                                    ? prior.has(comps[j].name, metric_name(m))
                                    : std::find(free_components.begin(), free_components.end(), comps[j].name) !=
                                          free_components.end();
            bool seen = false;
            for (size_t i = 0; i < ms.size(); ++i) seen |= in_group(j, *ms[i]) && units[i][j] != 0;
            if (chosen && seen) fit.push_back(j);
        }
        if (fit.empty()) continue;
        std::vector<std::vector<double>> A(ms.size(), std::vector<double>(fit.size(), 0.0));
        std::vector<double> b(ms.size()), x0;
        for (size_t j : fit) x0.push_back(prior.get(comps[j].name, metric_name(m)));
        double err_before = 0;
        for (size_t i = 0; i < ms.size(); ++i) {
            double fixed = 0, model = 0;
            for (size_t j = 0; j < comps.size(); ++j) {
                if (!in_group(j, *ms[i])) continue;
                const double contrib = units[i][j] * prior.get(comps[j].name, metric_name(m));
                model += contrib;
                const auto it = std::find(fit.begin(), fit.end(), j);
                if (it == fit.end()) fixed += contrib;
                else A[i][static_cast<size_t>(it - fit.begin())] = units[i][j];
            }
            b[i] = ms[i]->value - fixed;
            err_before += (model - ms[i]->value) * (model - ms[i]->value);
        }
        // Relative errors: the accuracy target is a percentage, and a 500-ALM engine
        // must not be sacrificed to a 30,000-ALM core. (Floor: counts below 10 are noise.)
        std::vector<std::vector<double>> Aw = A;
        std::vector<double> bw = b;
        for (size_t i = 0; i < ms.size(); ++i) {
            const double w = 1.0 / std::max(ms[i]->value, 10.0);
            for (auto& v : Aw[i]) v *= w;
            bw[i] *= w;
        }
        const auto x = nonnegative_least_squares(Aw, bw, x0);
        double err_after = 0;
        for (size_t i = 0; i < ms.size(); ++i) {
            double model = ms[i]->value - b[i];
            for (size_t k = 0; k < fit.size(); ++k) model += A[i][k] * x[k];
            err_after += (model - ms[i]->value) * (model - ms[i]->value);
        }
        std::string what;
        for (size_t k = 0; k < fit.size(); ++k) {
            out.set(comps[fit[k]].name, metric_name(m), x[k], source);
            what += std::string(what.empty() ? "" : ", ") + comps[fit[k]].name + " " + fixed_decimals(x0[k], 3) +
                    " -> " + fixed_decimals(x[k], 3);
        }
        if (notes)
            notes->push_back(std::string(metric_name(m)) + ": " + std::to_string(ms.size()) + " measurements; " + what +
                             "; rms error " + fixed_decimals(std::sqrt(err_before / ms.size()), 1) + " -> " +
                             fixed_decimals(std::sqrt(err_after / ms.size()), 1));
    }
    return out;
}

}  // namespace mgpt::explorer
