// The attention unit: kv_write puts the step's k and v into the slot's KV
// banks (one write through the streams' ports); attention, per head, scores against every cached position (q.k and
// commit), exp weights and their sum, weighted accumulation of v, then the
// divisions acc / den by `attn_dividers` restoring dividers of
// `div_radix_bits` bits per cycle. The K and V rows stream from the KV memory
// (kv_protocol.hpp), which answers each stream's read latency in cycles.
#pragma once
#include <tlm_utils/simple_initiator_socket.h>

#include "kv_protocol.hpp"
#include "stage_target.hpp"

namespace mgpt::tlm_model {

class AttentionUnit : public StageTarget {
public:
    tlm_utils::simple_initiator_socket<AttentionUnit, 32, KvProtocol> kv;
    AttentionUnit(sc_core::sc_module_name name, const arch::DesignPoint& design);

protected:
    uint32_t run(arch::Stage stage, StepContext& ctx) override;

private:
    uint32_t divide_batch() const;
    KvPort kv_port_;
};

}  // namespace mgpt::tlm_model
