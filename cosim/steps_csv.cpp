#include "steps_csv.hpp"

#include <sstream>

#include "model/weights.hpp"

namespace mgpt::cosim {

void write_steps_csv(const std::string& path, const tlm_model::RunResult& r) {
    std::ostringstream os;
    os << "name,pos,token_in,token_out,cycles,stall_cycles,rng_in,rng_out";
    for (const char* s : arch::kStageNames) os << ",cycles_" << s;
    os << ",slot,core,start,end\n";
    for (const auto& s : r.steps) {
        os << s.name << "," << s.pos << "," << s.token_in << "," << s.token_out << "," << s.cycles.total() << ","
           << s.cycles.total_stalls() << "," << s.rng_in << "," << s.rng_out;
        for (uint32_t c : s.cycles.cycles) os << "," << c;
        os << "," << s.slot << "," << s.core << "," << s.start << "," << s.end << "\n";
    }
    write_file_atomically(path, os.str());
}

}  // namespace mgpt::cosim
