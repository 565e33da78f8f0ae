// A Verilated multi-slot rtl/mgpt_core.sv (plain C++ model, SLOTS = slots),
// or rtl/mgpt_cores.sv (CORES = cores, SLOTS = slots / cores each: the same
// ports for every global slot, unit_slot one 30-bit field per core), as the
// co-simulation's RtlSlotCore (systemc_models/rtl_slot_clock.hpp): slot s's
// fields of the packed ports (cosim/port_fields.hpp), the clock and reset of
// cosim/core_clock.hpp.
// Header only: the model's class exists only in the driver that Verilates it.
#pragma once
#include "cosim/core_clock.hpp"
#include "cosim/port_fields.hpp"
#include "systemc_models/rtl_slot_clock.hpp"

namespace mgpt::cosim {

template <class Model, class Trace = NoTrace>
class VerilatedSlotCore : public tlm_model::RtlSlotCore {
public:
    // `slots`: of all `cores`.
    VerilatedSlotCore(Model& m, int slots, int cores, Trace* trace, uint64_t period_ps)
        : m_(m), slots_(slots), cores_(cores), clock_(m, trace, period_ps) {}
    int slots() const override { return slots_; }
    int cores() const override { return cores_; }
    void reset() override { clock_.reset(); }
    void set_start(int s, const golden::StepRequest& req) override {
        post_start(m_, s, req);
    }
    void clock() override {
        clock_.clock();
        for (int s = 0; s < slots_; ++s) set_field(m_.start, s, 1, 0u);
    }
    uint32_t stage(int s) const override { return get_field(m_.stage, 5 * s, 5); }
    bool done(int s) const override { return get_field(m_.done, s, 1) != 0; }
    int unit_holder(int core, arch::Unit u) const override {
        // {held, the core's slot}
        const uint32_t f = get_field(m_.unit_slot, 5 * (arch::kSharedUnitCount * core + static_cast<int>(u)), 5);
        return (f & 16u) ? core * (slots_ / cores_) + static_cast<int>(f & 15u) : -1;
    }
    void read_result(int s, golden::StepResult& out) const override { clock_.read_result(s, out); }
    uint64_t clocks() const override { return clock_.clocks(); }

private:
    Model& m_;
    int slots_, cores_;
    CoreClock<Model, Trace> clock_;
};

}  // namespace mgpt::cosim
