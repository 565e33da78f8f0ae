#include "tlm_core.hpp"

namespace mgpt::tlm_model {

TlmCore::TlmCore(sc_core::sc_module_name name, const arch::DesignPoint& design, const ClockDomain& clock,
                 TraceSignals* trace, int index)
    : sc_module(name),
      weight_memory("weight_memory", design),
      kv_memory("kv_memory", design),
      elementwise("elementwise", design),
      rms("rms_engine", design),
      tile("matvec_tile", design),
      attention("attention", design),
      argmax("argmax", design),
      sampler("sampler", design),
      arbiter("arbiter", clock, trace, index),
      controller("controller", design, clock, trace, arbiter, index) {
    using arch::Unit;
    controller.units[static_cast<int>(Unit::vector)].bind(elementwise.socket);
    controller.units[static_cast<int>(Unit::rms)].bind(rms.socket);
    controller.units[static_cast<int>(Unit::tile)].bind(tile.socket);
    controller.units[static_cast<int>(Unit::attention)].bind(attention.socket);
    controller.units[static_cast<int>(Unit::argmax)].bind(argmax.socket);
    controller.units[static_cast<int>(Unit::sampler)].bind(sampler.socket);
    controller.kv.bind(kv_memory.socket);
    attention.kv.bind(kv_memory.socket);
    elementwise.weights.bind(weight_memory.socket);
    tile.weights.bind(weight_memory.socket);
}

}  // namespace mgpt::tlm_model
