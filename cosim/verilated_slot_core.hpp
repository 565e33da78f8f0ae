// A Verilated multi-slot rtl/mgpt_core.sv (plain C++ model, class V<top>,
// SLOTS = slots) as the co-simulation's RtlSlotCore
// (systemc_models/rtl_slot_clock.hpp): slot s's fields of the packed ports
// (cosim/port_fields.hpp), the clock and reset of cosim/core_clock.hpp.
// Header only: the model's class exists only in the driver that Verilates it.
#pragma once
#include "cosim/core_clock.hpp"
#include "cosim/port_fields.hpp"
#include "systemc_models/rtl_slot_clock.hpp"

namespace mgpt::cosim {

template <class Model, class Trace = NoTrace>
class VerilatedSlotCore : public tlm_model::RtlSlotCore {
public:
    VerilatedSlotCore(Model& m, int slots, Trace* trace, uint64_t period_ps)
        : m_(m), slots_(slots), clock_(m, trace, period_ps) {}
    int slots() const override { return slots_; }
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
    int unit_holder(arch::Unit u) const override {
        const uint32_t f = get_field(m_.unit_slot, 5 * static_cast<int>(u), 5);  // {held, slot}
        return (f & 16u) ? static_cast<int>(f & 15u) : -1;
    }
    void read_result(int s, golden::StepResult& out) const override { clock_.read_result(s, out); }
    uint64_t clocks() const override { return clock_.clocks(); }

private:
    Model& m_;
    int slots_;
    CoreClock<Model, Trace> clock_;
};

}  // namespace mgpt::cosim
