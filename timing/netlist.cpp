#include "netlist.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "json_value.hpp"

namespace mgpt::timing {

const NetlistPort* NetlistCell::input(const std::string& port) const {
    for (const auto& p : inputs)
        if (p.name == port) return &p;
    return nullptr;
}

namespace {

std::vector<int> bits_of(const JsonValue& v, const std::string& where, int& max_bit) {
    if (!v.is_array()) throw std::runtime_error(where + ": expected a list of net bits");
    std::vector<int> out;
    for (const auto& b : v.items()) {
        if (b.is_number()) {
            out.push_back(static_cast<int>(b.number()));
            max_bit = std::max(max_bit, out.back());
        } else {
            out.push_back(-1);  // "0", "1", "x", "z": constants
        }
    }
    return out;
}

bool has_attribute(const JsonValue& module, const std::string& name) {
    const JsonValue* a = module.find("attributes");
    return a && a->find(name);
}

// Output ports of a library cell: those an arc or the clock drives.
std::set<std::string> library_outputs(const CellTiming& t) {
    std::set<std::string> out;
    for (const auto& a : t.arcs) out.insert(a.to);
    for (const auto& [p, d] : t.clock_to_out) out.insert(p);
    return out;
}

}  // namespace

std::string Netlist::name_of(int bit) const {
    const auto it = bit_names.find(bit);
    return it == bit_names.end() ? "net" + std::to_string(bit) : it->second;
}

namespace {

Netlist from_json(const JsonValue& doc, const std::string& name, const CellLibrary& lib, const std::string& top) {
    const JsonValue* modules = doc.find("modules");
    if (!modules || !modules->is_object()) throw std::runtime_error(name + ": no \"modules\" object (not a yosys netlist)");
    const JsonValue* mod = nullptr;
    std::string top_name;
    for (const auto& [n, m] : modules->members())
        if ((!top.empty() && n == top) || (top.empty() && has_attribute(m, "top"))) {
            mod = &m;
            top_name = n;
        }
    if (!mod) {
        std::string names;
        for (const auto& [n, m] : modules->members()) names += (names.empty() ? "" : ", ") + n;
        throw std::runtime_error(name + ": no top module" + (top.empty() ? " (none has the top attribute)" : " '" + top + "'") +
                                 " (modules: " + names + ")");
    }
    Netlist nl;
    nl.top = top_name;
    if (const JsonValue* ports = mod->find("ports"))
        for (const auto& [pn, p] : ports->members()) {
            const JsonValue* dir = p.find("direction");
            const JsonValue* bits = p.find("bits");
            if (!dir || !bits) throw std::runtime_error(name + ": port '" + pn + "' lacks direction or bits");
            NetlistPort port{pn, bits_of(*bits, name + ": port " + pn, nl.max_bit)};
            (dir->str() == "input" ? nl.inputs : nl.outputs).push_back(port);
        }
    if (const JsonValue* cells = mod->find("cells"))
        for (const auto& [cn, c] : cells->members()) {
            NetlistCell cell;
            cell.name = cn;
            const JsonValue* type = c.find("type");
            const JsonValue* conns = c.find("connections");
            if (!type || !conns) throw std::runtime_error(name + ": cell '" + cn + "' lacks type or connections");
            cell.type = type->str();
            const JsonValue* dirs = c.find("port_directions");
            const CellTiming* t = lib.find(cell.type);
            const std::set<std::string> lib_out = t ? library_outputs(*t) : std::set<std::string>{};
            for (const auto& [pn, bits] : conns->members()) {
                NetlistPort port{pn, bits_of(bits, name + ": cell " + cn + " port " + pn, nl.max_bit)};
                bool is_output = lib_out.count(pn) > 0;
                if (dirs)
                    if (const JsonValue* d = dirs->find(pn)) is_output = d->str() == "output";
                (is_output ? cell.outputs : cell.inputs).push_back(port);
            }
            nl.cells.push_back(std::move(cell));
        }
    // Readable names: prefer names yosys does not hide (no hide_name), then the shortest.
    if (const JsonValue* nets = mod->find("netnames"))
        for (const auto& [nn, n] : nets->members()) {
            const JsonValue* bits = n.find("bits");
            if (!bits) continue;
            const JsonValue* hide = n.find("hide_name");
            const bool hidden = hide && hide->number() != 0;
            int ignored = 0;
            const auto b = bits_of(*bits, name + ": net " + nn, ignored);
            for (size_t i = 0; i < b.size(); ++i) {
                if (b[i] < 0) continue;
                const std::string full = b.size() > 1 ? nn + "[" + std::to_string(i) + "]" : nn;
                auto it = nl.bit_names.find(b[i]);
                const bool better = it == nl.bit_names.end() ||
                                    (!hidden && it->second.front() == '$') ||
                                    (hidden == (it->second.front() == '$') && full.size() < it->second.size());
                if (better) nl.bit_names[b[i]] = full;
            }
        }
    return nl;
}

}  // namespace

Netlist Netlist::from_json_text(const std::string& text, const std::string& name, const CellLibrary& lib,
                                const std::string& top) {
    return from_json(JsonValue::parse(text, name), name, lib, top);
}

Netlist Netlist::load(const std::string& path, const CellLibrary& lib, const std::string& top) {
    return from_json(JsonValue::parse_file(path), path, lib, top);
}

}  // namespace mgpt::timing
