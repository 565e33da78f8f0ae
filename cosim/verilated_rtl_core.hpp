// A Verilated rtl/mgpt_core.sv (plain C++ model, class V<top>) as the
// co-simulation bridge's RtlCore (systemc_models/rtl_core_bridge.hpp): the
// pins driven by cosim/core_clock.hpp, a reset before the first step. Header
// only: the model's class exists only in the driver that Verilates it.
#pragma once
#include "cosim/core_clock.hpp"
#include "systemc_models/rtl_core_bridge.hpp"

namespace mgpt::cosim {

template <class Model, class Trace = NoTrace>
class VerilatedRtlCore : public tlm_model::RtlCore {
public:
    VerilatedRtlCore(Model& m, Trace* trace, uint64_t period_ps) : clock_(m, trace, period_ps) {}
    void step(const golden::StepRequest& req, golden::StepResult& out, arch::StepCycles& cycles) override {
        if (!reset_done_) {
            clock_.reset();
            reset_done_ = true;
        }
        clock_.step(req, out, cycles);
    }
    uint64_t clocks() const override { return clock_.clocks(); }

private:
    CoreClock<Model, Trace> clock_;
    bool reset_done_ = false;
};

}  // namespace mgpt::cosim
