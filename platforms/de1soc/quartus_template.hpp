// Text templates of the Quartus project (rtl/de1soc/quartus/*.in): every
// @NAME@ is replaced by its value; a placeholder without a value is an error,
// so a template and the code that fills it cannot drift apart silently.
#pragma once
#include <map>
#include <string>

namespace mgpt::de1soc {

using TemplateValues = std::map<std::string, std::string>;

// Fills `text` (named `what` in errors). Throws std::runtime_error naming the
// first placeholder without a value.
std::string fill_template(const std::string& text, const TemplateValues& values, const std::string& what);
// Reads <source dir>/rtl/de1soc/quartus/<name>.in and fills it.
std::string fill_template_file(const std::string& name, const TemplateValues& values);

}  // namespace mgpt::de1soc
