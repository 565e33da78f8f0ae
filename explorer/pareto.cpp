#include "pareto.hpp"

#include <algorithm>
#include <numeric>

namespace mgpt::explorer {

std::vector<bool> pareto_front(const std::vector<double>& gain, const std::vector<double>& cost,
                               const std::vector<bool>& eligible) {
    std::vector<size_t> order;
    for (size_t i = 0; i < gain.size(); ++i)
        if (eligible[i]) order.push_back(i);
    // cheapest first; among equal cost, best gain first
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return cost[a] != cost[b] ? cost[a] < cost[b] : gain[a] > gain[b];
    });
    std::vector<bool> front(gain.size(), false);
    bool any = false;
    double best = 0;  // best gain among strictly cheaper points
    for (size_t i = 0; i < order.size();) {
        size_t j = i;  // the group of equal cost
        while (j < order.size() && cost[order[j]] == cost[order[i]]) ++j;
        const double top = gain[order[i]];
        if (!any || top > best)
            for (size_t k = i; k < j && gain[order[k]] == top; ++k) front[order[k]] = true;
        if (!any || top > best) best = top;
        any = true;
        i = j;
    }
    return front;
}

void mark_pareto(std::vector<PointRow>& rows) {
    std::vector<double> tps, alms, dsp;
    std::vector<bool> ok;
    for (const auto& r : rows) {
        tps.push_back(r.tokens_per_s);
        alms.push_back(static_cast<double>(r.alms));
        dsp.push_back(static_cast<double>(r.dsp));
        ok.push_back(r.feasible);
    }
    const auto a = pareto_front(tps, alms, ok), d = pareto_front(tps, dsp, ok);
    for (size_t i = 0; i < rows.size(); ++i) {
        rows[i].pareto = a[i];
        rows[i].pareto_dsp = d[i];
    }
}

}  // namespace mgpt::explorer
