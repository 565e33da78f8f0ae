#include "quartus_template.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "common/source_tree.hpp"

namespace mgpt::de1soc {

std::string fill_template(const std::string& text, const TemplateValues& values, const std::string& what) {
    // upper-case names only: '@' also occurs in shell and Tcl text (e.g. "file.sof@2")
    static const std::regex placeholder("@([A-Z][A-Z0-9_]*)@");
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
        const auto found = values.find((*it)[1].str());
        if (found == values.end())
            throw std::runtime_error(what + ": no value for placeholder " + (*it)[0].str());
        out.append(last, (*it)[0].first);
        out += found->second;
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string fill_template_file(const std::string& name, const TemplateValues& values) {
    const std::string path = source_path("rtl/de1soc/quartus/" + name + ".in");
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the template " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return fill_template(text.str(), values, path);
}

}  // namespace mgpt::de1soc
