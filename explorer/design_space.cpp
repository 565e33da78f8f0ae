#include "design_space.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace mgpt::explorer {

DesignSpace::DesignSpace(const Sweep& sweep) : base_(sweep.baseline) {
    for (const auto& v : sweep.axis("weight_banks").values) banks_.push_back(std::stoi(v));
    for (const auto& v : sweep.axis("bram_ports").values) ports_.push_back(std::stoi(v));
    for (const auto& kind : sweep.axis("weight_memory").values) {
        if (kind == "logic") {
            has_logic_ = true;
            memory_.push_back({arch::WeightMemory::logic, 0, 0});
        } else {
            has_m10k_ = true;
            for (int b : banks_)
                for (int p : ports_) memory_.push_back({arch::WeightMemory::m10k, b, p});
        }
    }
    for (const auto& a : sweep.axes) {
        if (a.key == "weight_banks" || a.key == "bram_ports") continue;
        dims_.push_back({a.key, a.key == "weight_memory" ? std::vector<std::string>{} : a.values});
    }
    for (size_t i = 0; i < dims_.size(); ++i) {
        const uint64_t n = count(i);
        size_ = size_ > std::numeric_limits<uint64_t>::max() / n ? std::numeric_limits<uint64_t>::max() : size_ * n;
    }
}

size_t DesignSpace::count(size_t dim) const {
    return dims_[dim].key == "weight_memory" ? memory_.size() : dims_[dim].values.size();
}

void DesignSpace::apply(arch::DesignPoint& d, size_t dim, size_t value) const {
    if (dims_[dim].key == "weight_memory") {
        const MemoryOption& m = memory_[value];
        d.weight_memory = m.kind;
        d.weight_banks = m.banks;
        d.bram_ports = m.ports;
    } else {
        arch::set_key(d, dims_[dim].key, dims_[dim].values[value]);
    }
}

int DesignSpace::find(const arch::DesignPoint& d, size_t dim) const {
    if (dims_[dim].key == "weight_memory") {
        for (size_t i = 0; i < memory_.size(); ++i)
            if (memory_[i].kind == d.weight_memory && memory_[i].banks == d.weight_banks &&
                memory_[i].ports == d.bram_ports)
                return static_cast<int>(i);
        return -1;
    }
    const auto& v = dims_[dim].values;
    const auto it = std::find(v.begin(), v.end(), arch::get_key(d, dims_[dim].key));
    return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}

arch::DesignPoint DesignSpace::at(uint64_t i) const {
    arch::DesignPoint d = base_;
    for (size_t k = dims_.size(); k-- > 0;) {
        const uint64_t n = count(k);
        apply(d, k, static_cast<size_t>(i % n));
        i /= n;
    }
    return d;
}

arch::DesignPoint DesignSpace::draw(std::mt19937_64& rng) const {
    // rng() % n: mt19937_64's output is fully specified, so the draws are the
    // same on every platform (std::uniform_int_distribution is not).
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    arch::DesignPoint d = base_;
    for (size_t k = 0; k < dims_.size(); ++k) {
        if (dims_[k].key != "weight_memory") {
            apply(d, k, pick(count(k)));
            continue;
        }
        const bool m10k = has_m10k_ && (!has_logic_ || pick(2) == 1);
        if (!m10k) {
            d.weight_memory = arch::WeightMemory::logic;
            d.weight_banks = d.bram_ports = 0;
        } else {
            d.weight_memory = arch::WeightMemory::m10k;
            d.weight_banks = banks_[pick(banks_.size())];
            d.bram_ports = ports_[pick(ports_.size())];
        }
    }
    return d;
}

std::vector<arch::DesignPoint> DesignSpace::neighbours(const arch::DesignPoint& d) const {
    std::vector<arch::DesignPoint> out;
    for (size_t k = 0; k < dims_.size(); ++k) {
        if (dims_[k].key == "weight_memory") {
            auto with = [&](arch::WeightMemory kind, int b, int p) {
                arch::DesignPoint n = d;
                n.weight_memory = kind;
                n.weight_banks = b;
                n.bram_ports = p;
                out.push_back(n);
            };
            if (d.weight_memory == arch::WeightMemory::logic) {
                if (!has_m10k_) continue;
                // the fewest listed banks that stream a lane pass without stalls, per port option
                const int words = (d.lanes * d.cols_per_cycle + 1) / 2;
                for (int p : ports_) {
                    int b = banks_.back();
                    for (int c : banks_)
                        if (c * p >= words) {
                            b = c;
                            break;
                        }
                    with(arch::WeightMemory::m10k, b, p);
                }
                continue;
            }
            if (has_logic_) with(arch::WeightMemory::logic, 0, 0);
            const auto bi = std::find(banks_.begin(), banks_.end(), d.weight_banks);
            const auto pi = std::find(ports_.begin(), ports_.end(), d.bram_ports);
            if (bi == banks_.end() || pi == ports_.end()) continue;
            if (bi != banks_.begin()) with(arch::WeightMemory::m10k, *(bi - 1), d.bram_ports);
            if (bi + 1 != banks_.end()) with(arch::WeightMemory::m10k, *(bi + 1), d.bram_ports);
            if (pi != ports_.begin()) with(arch::WeightMemory::m10k, d.weight_banks, *(pi - 1));
            if (pi + 1 != ports_.end()) with(arch::WeightMemory::m10k, d.weight_banks, *(pi + 1));
            continue;
        }
        const int i = find(d, k);
        if (i < 0) continue;
        for (int j : {i - 1, i + 1}) {
            if (j < 0 || j >= static_cast<int>(count(k))) continue;
            arch::DesignPoint n = d;
            apply(n, k, static_cast<size_t>(j));
            out.push_back(n);
        }
    }
    return out;
}

}  // namespace mgpt::explorer
