// A small JSON reader for yosys' `write_json` netlists: a DOM of null, bool,
// number, string, array and object (keys in file order). Errors name the file
// and the line. Enough for netlists of a few hundred MB; nothing else here
// reads JSON.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mgpt::timing {

class JsonValue {
public:
    enum class Kind { null, boolean, number, string, array, object };

    Kind kind() const { return kind_; }
    bool is_object() const { return kind_ == Kind::object; }
    bool is_array() const { return kind_ == Kind::array; }
    bool is_string() const { return kind_ == Kind::string; }
    bool is_number() const { return kind_ == Kind::number; }

    double number() const { return number_; }
    const std::string& str() const { return text_; }
    const std::vector<JsonValue>& items() const { return items_; }
    const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }
    // The member `key` of an object, or nullptr.
    const JsonValue* find(const std::string& key) const;

    // Parses `text`; throws std::runtime_error "<name>:<line>: ..." on malformed input.
    static JsonValue parse(const std::string& text, const std::string& name);
    static JsonValue parse_file(const std::string& path);

private:
    friend class JsonParser;
    Kind kind_ = Kind::null;
    double number_ = 0;
    std::string text_;  // string value
    std::vector<JsonValue> items_;
    std::vector<std::pair<std::string, JsonValue>> members_;
};

}  // namespace mgpt::timing
