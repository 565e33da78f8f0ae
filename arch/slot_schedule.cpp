#include "slot_schedule.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

namespace mgpt::arch {

namespace {

constexpr uint64_t kSlotMask = kMaxSlots - 1;

// Time (or step start) and slot in one key: comparing keys compares the time,
// then the slot index, which is exactly the tie rule of `oldest`.
uint64_t key(uint64_t t, uint32_t slot) { return (t << kSlotBits) | slot; }
uint64_t key_time(uint64_t k) { return k >> kSlotBits; }
uint32_t key_slot(uint64_t k) { return static_cast<uint32_t>(k & kSlotMask); }

void heap_push(std::vector<uint64_t>& h, uint64_t k) {
    h.push_back(k);
    std::push_heap(h.begin(), h.end(), std::greater<uint64_t>());
}
uint64_t heap_pop(std::vector<uint64_t>& h) {
    std::pop_heap(h.begin(), h.end(), std::greater<uint64_t>());
    const uint64_t k = h.back();
    h.pop_back();
    return k;
}

// The lowest set bit at index >= `from`, wrapping to index 0; `bits` has one set.
uint32_t next_set_bit(const std::vector<uint64_t>& bits, uint32_t from) {
    const size_t n = bits.size();
    size_t w = from >> 6;
    if (w < n) {
        const uint64_t m = bits[w] & (~uint64_t{0} << (from & 63));
        if (m) return static_cast<uint32_t>(w * 64 + __builtin_ctzll(m));
        for (++w; w < n; ++w)
            if (bits[w]) return static_cast<uint32_t>(w * 64 + __builtin_ctzll(bits[w]));
    }
    for (w = 0;; ++w)  // wrapped: the word of `from` again, for its lower bits
        if (bits[w]) return static_cast<uint32_t>(w * 64 + __builtin_ctzll(bits[w]));
}

}  // namespace

// Moves `slot` to its next stage with cycles, searching its current step from
// stage index `from`, then its later steps (each starts at t; an empty step
// starts and ends at t). Returns false when the slot has no stage left.
bool SlotScheduler::seek(uint32_t slot, uint64_t t, int from) {
    Slot& s = slots_[slot];
    std::vector<StepSpan>& spans = out_->steps[slot];
    for (;;) {
        const auto& c = s.steps[s.step].cycles;
        for (int j = from; j < kStageCount; ++j)
            if (c[j]) {
                s.stage = static_cast<uint8_t>(j);
                s.ready = t;
                return true;
            }
        spans[s.step].end = t;
        if (++s.step == s.step_count) return false;
        spans[s.step].start = t;
        s.step_start = t;
        from = 0;
    }
}

// `slot` is ready for its current stage at t: a `none` stage starts at once,
// any other waits for its unit (granted in run()'s arbitration at t).
void SlotScheduler::arrive(uint32_t slot, uint64_t t) {
    const Unit u = kStageUnits[slots_[slot].stage];
    if (u == Unit::none) return start(slot, t);
    Waiting& w = waiting_[static_cast<int>(u)];
    ++w.count;
    if (policy_ == Policy::oldest) heap_push(w.by_age, key(slots_[slot].step_start, slot));
    else w.bits[slot >> 6] |= uint64_t{1} << (slot & 63);
}

void SlotScheduler::start(uint32_t slot, uint64_t t) {
    const Slot& s = slots_[slot];
    const uint32_t c = s.steps[s.step].cycles[s.stage];
    const uint64_t end = t + c;
    if (end > kMaxCycle) throw std::overflow_error("slot schedule: a stage would end after cycle " + std::to_string(kMaxCycle));
    const Unit u = kStageUnits[s.stage];
    UnitLoad& load = out_->units[static_cast<int>(u)];
    load.busy += c;
    load.wait += t - s.ready;
    if (u != Unit::none) {
        Waiting& w = waiting_[static_cast<int>(u)];
        w.busy = true;
        w.last_served = slot;
    }
    heap_push(events_, key(end, slot));
    if (record_) out_->occupancy.push_back({u, static_cast<Stage>(s.stage), slot, s.step, t, end});
}

uint32_t SlotScheduler::pick(Waiting& w) {
    --w.count;
    if (policy_ == Policy::oldest) return key_slot(heap_pop(w.by_age));
    const uint32_t first = w.last_served + 1 == slots_.size() ? 0 : w.last_served + 1;
    const uint32_t slot = next_set_bit(w.bits, first);
    w.bits[slot >> 6] &= ~(uint64_t{1} << (slot & 63));
    return slot;
}

void SlotScheduler::run(const SlotSteps& slot_steps, Policy policy, Schedule& out, bool record_occupancy) {
    const size_t n = slot_steps.size();
    if (n > kMaxSlots)
        throw std::invalid_argument("slot schedule: " + std::to_string(n) + " slots, at most " +
                                    std::to_string(kMaxSlots));
    policy_ = policy;
    out_ = &out;
    record_ = record_occupancy;
    out.makespan = 0;
    out.units = {};
    out.occupancy.clear();
    out.steps.resize(n);
    size_t all_steps = 0;
    slots_.assign(n, Slot{});
    events_.clear();
    events_.reserve(n);
    for (Waiting& w : waiting_) {
        w.count = 0;
        w.busy = false;
        w.last_served = n ? static_cast<uint32_t>(n - 1) : 0;  // round robin serves slot 0 first
        w.by_age.clear();
        w.by_age.reserve(n);
        w.bits.assign((n + 63) / 64, 0);
    }
    for (size_t i = 0; i < n; ++i) {
        Slot& s = slots_[i];
        s.steps = slot_steps[i].data();
        s.step_count = static_cast<uint32_t>(slot_steps[i].size());
        out.steps[i].resize(s.step_count);
        all_steps += s.step_count;
    }
    if (record_) out.occupancy.reserve(all_steps * kStageCount);

    for (uint32_t i = 0; i < n; ++i) {
        if (slots_[i].step_count == 0) continue;
        out.steps[i][0].start = 0;
        if (seek(i, 0, 0)) arrive(i, 0);
    }
    // Every event time: grant each free unit that has waiting slots (a grant
    // holds the unit for at least one cycle, so one per unit), then take the
    // next time's stage ends: free their units and move their slots on. All
    // ends at one time are taken before any grant, so a slot ready at t and a
    // unit freed at t meet at t.
    uint64_t t = 0;
    for (;;) {
        for (Waiting& w : waiting_)
            if (!w.busy && w.count) start(pick(w), t);
        if (events_.empty()) break;
        t = key_time(events_.front());
        while (!events_.empty() && key_time(events_.front()) == t) {
            const uint32_t slot = key_slot(heap_pop(events_));
            const Unit u = kStageUnits[slots_[slot].stage];
            if (u != Unit::none) waiting_[static_cast<int>(u)].busy = false;
            if (seek(slot, t, slots_[slot].stage + 1)) arrive(slot, t);
        }
    }
    out.makespan = t;
    out_ = nullptr;
}

Schedule schedule(const SlotSteps& slot_steps, Policy policy, bool record_occupancy) {
    Schedule out;
    SlotScheduler().run(slot_steps, policy, out, record_occupancy);
    return out;
}

}  // namespace mgpt::arch
