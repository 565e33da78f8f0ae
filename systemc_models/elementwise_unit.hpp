// The elementwise unit: the embedding load (x = wte + wpe, summing squares on
// the fly), scale application, sum-of-squares passes and residual adds, each
// over 16 elements, `vector_lanes` elements per cycle.
#pragma once
#include <tlm_utils/simple_initiator_socket.h>

#include "stage_target.hpp"
#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

class ElementwiseUnit : public StageTarget {
public:
    tlm_utils::simple_initiator_socket<ElementwiseUnit, 32, WeightProtocol> weights;  // wte and wpe reads
    ElementwiseUnit(sc_core::sc_module_name name, const arch::DesignPoint& design);

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;

private:
    uint32_t pass_cycles(arch::Stage stage, StepContext& ctx);  // before the pipeline's drain
    uint32_t load(StepContext& ctx);
    WeightReader reader_;
};

}  // namespace mgpt::tlm_model
