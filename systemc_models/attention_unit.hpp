// The attention unit: per head, scores against every cached position (q.k and
// commit), exp weights and their sum, weighted accumulation of v, then the
// divisions acc / den by `attn_dividers` restoring dividers of
// `div_radix_bits` bits per cycle. The K and V rows stream from the KV memory.
#pragma once
#include <tlm_utils/simple_initiator_socket.h>

#include "stage_target.hpp"

namespace mgpt::tlm_model {

class AttentionUnit : public StageTarget {
public:
    tlm_utils::simple_initiator_socket<AttentionUnit> kv;
    AttentionUnit(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock);

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx, sc_core::sc_time& delay) override;

private:
    uint32_t read_rows(uint64_t op, int head, int rows);  // returns the latency cycles
    uint32_t divide_batch() const;
    tlm::tlm_generic_payload trans_;
};

}  // namespace mgpt::tlm_model
