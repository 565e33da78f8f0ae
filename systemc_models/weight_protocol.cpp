#include "weight_protocol.hpp"

namespace mgpt::tlm_model {

WeightReader::WeightReader() { burst_.payload().set_command(tlm::TLM_READ_COMMAND); }

std::pair<uint32_t, uint32_t> WeightReader::read(tlm::tlm_fw_transport_if<WeightProtocol>& memory, Matrix m,
                                                 int block, int words_per_step, int steps, const char* who) {
    WeightBurst& b = burst_.command();
    b.words_per_step = words_per_step;
    b.steps = steps;
    tlm::tlm_generic_payload& trans = burst_.for_transport();
    trans.set_address(weight_address(m, static_cast<uint32_t>(block * steps * words_per_step)));
    sc_core::sc_time unused = sc_core::SC_ZERO_TIME;  // the cost comes back in cycles (protocol.hpp)
    memory.b_transport(trans, unused);
    if (trans.is_response_error()) SC_REPORT_ERROR(who, "the weight memory rejected a read");
    return {b.cycles, b.stalls};
}

}  // namespace mgpt::tlm_model
