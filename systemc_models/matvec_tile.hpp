// The matvec tile: `lanes` MAC rows with 64-bit accumulators, each consuming
// `cols_per_cycle` input columns per cycle. A projection is a sequence of
// passes (row tiles of the stacked matrices x 16-column chunks); a pass streams
// its column steps from the weight memory and costs the memory's cycles plus
// the engine handshake.
#pragma once
#include <tlm_utils/simple_initiator_socket.h>

#include "stage_target.hpp"
#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

class MatvecTile : public StageTarget {
public:
    tlm_utils::simple_initiator_socket<MatvecTile, 32, WeightProtocol> weights;
    MatvecTile(sc_core::sc_module_name name, const arch::DesignPoint& design);

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;

private:
    struct Burst {
        uint32_t cycles, stalls;
    };
    Burst read_pass(Matrix m, int local_pass, int rows_per_pass);
    WeightReader reader_;
};

}  // namespace mgpt::tlm_model
