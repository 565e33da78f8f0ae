// A flattened gate-level netlist as yosys' `write_json` writes it: the top
// module's cells with their port connections (net bit ids), the top's ports,
// and a readable name per net bit.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "cell_library.hpp"

namespace mgpt::timing {

struct NetlistPort {
    std::string name;
    std::vector<int> bits;  // net bit ids; -1 for a constant
};

struct NetlistCell {
    std::string name, type;
    std::vector<NetlistPort> inputs, outputs;
    const NetlistPort* input(const std::string& port) const;
};

struct Netlist {
    std::string top;
    std::vector<NetlistCell> cells;
    std::vector<NetlistPort> inputs, outputs;  // the top module's ports
    std::unordered_map<int, std::string> bit_names;
    int max_bit = 0;

    // The top module (`top` or the one with the "top" attribute) of a
    // write_json file. Port directions come from the file's port_directions,
    // else from `lib` (ports an arc or a clock drives are outputs).
    static Netlist load(const std::string& path, const CellLibrary& lib, const std::string& top = "");
    static Netlist from_json_text(const std::string& text, const std::string& name, const CellLibrary& lib,
                                  const std::string& top = "");
    std::string name_of(int bit) const;
};

}  // namespace mgpt::timing
