// Runs a Verilated multi-slot rtl/mgpt_core.sv (plain C++ model V<prefix>,
// SLOTS = d.sequences, SCHED_RR = d.schedule), or rtl/mgpt_cores.sv (CORES =
// d.cores of them, `slots` global slots, `unit_slot` one 30-bit field per
// core), on a workload as a host keeps
// every slot busy: all slots start in the same cycle, each starts its next
// step (the next of its name, or its next name's first: the KV cache needs no
// clearing) in its DONE cycle, so its steps run back to back. Each cycle it
// reads every slot's stage and every unit's holder (`unit_slot`) and records
// the stage runs; at each DONE it reads the slot's token, RNG state and logits.
#pragma once
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "arch/stage_units.hpp"
#include "cosim/port_fields.hpp"
#include "slot_reference.hpp"

namespace mgpt::rtl_slots {

using cosim::get_field;
using cosim::set_field;

struct SlotRun {
    std::vector<StageRun> runs;                // every stage run, RTL cycles from the first ACCEPT
    std::vector<std::vector<int>> tokens;      // [slot][step]
    std::vector<std::string> errors;           // value mismatches and broken unit invariants, first few
    uint64_t cycles = 0;
};

template <class Model>
class SlotBench {
public:
    // `slots`: of all `cores`.
    SlotBench(Model& m, int slots, int cores = 1) : m_(m), slots_(slots), per_core_(slots / cores), cores_(cores) {}

    SlotRun run(const SlotReference& ref, uint64_t max_cycles) {
        SlotRun out;
        out.tokens.resize(slots_);
        std::vector<size_t> step(slots_, 0);
        std::vector<int> open_stage(slots_, -1), steps_started(slots_, 0);
        std::vector<uint64_t> open_start(slots_, 0);
        m_.rst = 1;
        m_.start = 0;
        clock();
        clock();
        m_.rst = 0;
        clock();
        for (int s = 0; s < slots_; ++s) issue(ref, s, 0);
        clock();  // this rising edge samples every slot's start
        clear_starts();
        for (uint64_t t = 0;; ++t) {
            bool busy = false;
            for (int s = 0; s < slots_; ++s) {
                const uint32_t unit_slot = unit_slot_of(s / per_core_);  // the slot's core's units
                const uint32_t st = get_field(m_.stage, 5 * s, 5);
                const bool running = st < arch::kStageCount && runs_now(st, s, unit_slot);
                if (open_stage[s] >= 0 && (!running || static_cast<int>(st) != open_stage[s])) {
                    out.runs.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(steps_started[s] - 1),
                                        open_stage[s], open_start[s], t});
                    if (running == false && static_cast<int>(st) == open_stage[s])
                        error(out, t, s, "stopped in the middle of a stage");
                    open_stage[s] = -1;
                }
                if (st == 31) continue;
                busy = true;
                if (st >= static_cast<uint32_t>(arch::kStageCount)) error(out, t, s, "stage code " + std::to_string(st));
                if (running && open_stage[s] < 0) {
                    open_stage[s] = static_cast<int>(st);
                    open_start[s] = t;
                    if (st == static_cast<uint32_t>(arch::Stage::accept)) ++steps_started[s];
                }
                // a slot that waits for a free unit: the unit idles while the slot waits
                const arch::Unit u = arch::unit_of(static_cast<arch::Stage>(st));
                if (!running && u != arch::Unit::none && !((unit_slot >> (5 * static_cast<int>(u) + 4)) & 1u))
                    error(out, t, s, std::string("waits for the free unit ") + arch::unit_name(u));
            }
            for (int k = 0; k < cores_; ++k)  // a held unit serves a slot of its core in one of its stages
                for (int u = 0; u < arch::kSharedUnitCount; ++u) {
                    const uint32_t f = (unit_slot_of(k) >> (5 * u)) & 31u;
                    if (!(f & 16u)) continue;
                    const int local = static_cast<int>(f & 15u), h = k * per_core_ + local;
                    const uint32_t st = local < per_core_ ? get_field(m_.stage, 5 * h, 5) : 31u;
                    if (local >= per_core_ || st >= static_cast<uint32_t>(arch::kStageCount) ||
                        static_cast<int>(arch::unit_of(static_cast<arch::Stage>(st))) != u)
                        error(out, t, h, std::string("holds ") + arch::kUnitNames[u] + " outside its stages");
                }
            if (!busy) {
                out.cycles = t;
                break;
            }
            if (t >= max_cycles) {
                out.errors.push_back("still busy after " + std::to_string(max_cycles) + " cycles");
                break;
            }
            for (int s = 0; s < slots_; ++s)
                if (get_field(m_.done, s, 1)) {
                    check_result(out, ref, s, step[s], t);
                    if (++step[s] < ref.requests[s].size()) issue(ref, s, step[s]);
                }
            clock();
            clear_starts();
        }
        return out;
    }

private:
    // Core k's {held, slot} per unit.
    uint32_t unit_slot_of(int k) const { return get_field(m_.unit_slot, 30 * k, 30); }

    // Global slot s runs stage st this cycle: a controller state, or its core's unit serves it.
    bool runs_now(uint32_t st, int s, uint32_t unit_slot) const {
        const arch::Unit u = arch::unit_of(static_cast<arch::Stage>(st));
        if (u == arch::Unit::none) return true;
        const uint32_t f = (unit_slot >> (5 * static_cast<int>(u))) & 31u;
        return f == (16u | static_cast<uint32_t>(s % per_core_));
    }

    void issue(const SlotReference& ref, int s, size_t k) {
        cosim::post_start(m_, s, ref.requests[s][k]);
    }
    void clear_starts() {
        for (int s = 0; s < slots_; ++s) set_field(m_.start, s, 1, 0u);
    }

    void check_result(SlotRun& out, const SlotReference& ref, int s, size_t k, uint64_t t) {
        const int token = static_cast<int>(get_field(m_.token_out, 5 * s, 5));
        out.tokens[s].push_back(token);
        if (k >= ref.results[s].size()) return error(out, t, s, "a DONE beyond its steps");
        const golden::StepResult& want = ref.results[s][k];
        const uint32_t rng = get_field(m_.rng_out, 32 * s, 32);
        bool logits_equal = true;
        for (int v = 0; v < kVocab; ++v)
            logits_equal = logits_equal && static_cast<int16_t>(get_field(m_.logits_flat, 16 * (27 * s + v), 16)) ==
                                               want.logits[static_cast<size_t>(v)];
        if (token != want.next || rng != want.rng_out || !logits_equal) {
            std::ostringstream os;
            os << "step " << k << ": token " << token << " rng " << rng << (logits_equal ? "" : " logits differ")
               << ", golden token " << want.next << " rng " << want.rng_out;
            error(out, t, s, os.str());
        }
    }

    static void error(SlotRun& out, uint64_t t, int s, const std::string& what) {
        if (out.errors.size() < 10) out.errors.push_back("cycle " + std::to_string(t) + " slot " + std::to_string(s) + ": " + what);
    }

    void clock() {
        m_.clk = 1;
        m_.eval();
        m_.clk = 0;
        m_.eval();
    }

    Model& m_;
    int slots_, per_core_, cores_;
};

}  // namespace mgpt::rtl_slots
