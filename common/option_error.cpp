#include "option_error.hpp"

#include "printable.hpp"

#include <map>

namespace mgpt {

namespace po = boost::program_options;

namespace {

// A copy of the error that can read its template and substitutions (they are
// protected in boost; a derived copy may read its own).
class OptionErrorFields : public po::error_with_option_name {
public:
    explicit OptionErrorFields(const po::error_with_option_name& e) : po::error_with_option_name(e) {}

    std::string message() const {
        std::map<std::string, std::string> values = m_substitutions;
        values["canonical_option"] = get_canonical_option_name();
        values["prefix"] = get_canonical_option_prefix();
        // boost's defaults: a missing or empty value replaces a whole phrase
        // ("the option '%canonical_option%'" -> "option") before the values.
        std::string text = m_error_template;
        for (const auto& [name, phrase] : m_substitution_defaults)
            if (const auto it = values.find(name); it == values.end() || it->second.empty())
                text = replace_once_each(text, {{phrase.first, phrase.second}}, false);
        std::map<std::string, std::string> placeholders;
        for (const auto& [name, value] : values) placeholders['%' + name + '%'] = value;
        return replace_once_each(text, placeholders, true);
    }

private:
    // `text` with every occurrence of a key replaced by its value, scanning
    // left to right and never re-reading what was written.
    static std::string replace_once_each(const std::string& text, const std::map<std::string, std::string>& with,
                                         bool quote) {
        std::string out;
        for (size_t i = 0; i < text.size();) {
            bool hit = false;
            for (const auto& [from, to] : with)
                if (!from.empty() && text.compare(i, from.size(), from) == 0) {
                    out += quote ? printable(to) : to;
                    i += from.size();
                    hit = true;
                    break;
                }
            if (!hit) out += text[i++];
        }
        return out;
    }
};

}  // namespace

std::string option_error_message(const po::error& e) {
    if (const auto* named = dynamic_cast<const po::error_with_option_name*>(&e)) {
        std::string text = OptionErrorFields(*named).message();
        if (const auto* ambiguous = dynamic_cast<const po::ambiguous_option*>(&e)) {
            std::string list;
            for (const auto& a : ambiguous->alternatives()) list += (list.empty() ? "" : ", ") + printable(a);
            text += " (candidates: " + list + ")";
        }
        return text;
    }
    return printable(e.what(), 0);  // no placeholders outside error_with_option_name
}

}  // namespace mgpt
