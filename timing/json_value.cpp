#include "json_value.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mgpt::timing {

const JsonValue* JsonValue::find(const std::string& key) const {
    for (const auto& [k, v] : members_)
        if (k == key) return &v;
    return nullptr;
}

class JsonParser {
public:
    JsonParser(const std::string& text, const std::string& name) : s_(text), name_(name) {}

    JsonValue document() {
        JsonValue v = value(0);
        skip_space();
        if (pos_ != s_.size()) fail("trailing text after the JSON value");
        return v;
    }

private:
    // yosys nests modules > cells > connections > bit lists: a few levels; the
    // limit only stops a hostile file from overflowing the stack.
    static constexpr int kMaxDepth = 256;

    [[noreturn]] void fail(const std::string& what) const {
        size_t line = 1;
        for (size_t i = 0; i < pos_ && i < s_.size(); ++i) line += s_[i] == '\n';
        throw std::runtime_error(name_ + ":" + std::to_string(line) + ": malformed JSON: " + what);
    }

    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
    }

    void expect(char c) {
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != c) fail(std::string("expected '") + c + "'");
        ++pos_;
    }

    void literal(const char* word) {
        for (const char* p = word; *p; ++p, ++pos_)
            if (pos_ >= s_.size() || s_[pos_] != *p) fail(std::string("expected '") + word + "'");
    }

    std::string string_body() {
        expect('"');
        std::string out;
        while (true) {
            if (pos_ >= s_.size()) fail("unterminated string");
            const char c = s_[pos_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) fail("unterminated escape");
            const char e = s_[pos_++];
            switch (e) {
                case '"': case '\\': case '/': out += e; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    if (pos_ + 4 > s_.size()) fail("short \\u escape");
                    const unsigned code = static_cast<unsigned>(std::strtoul(s_.substr(pos_, 4).c_str(), nullptr, 16));
                    pos_ += 4;
                    // Netlist names are ASCII; anything else is kept as '?'.
                    out += code < 0x80 ? static_cast<char>(code) : '?';
                    break;
                }
                default: fail(std::string("bad escape '\\") + e + "'");
            }
        }
    }

    JsonValue value(int depth) {
        if (depth > kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth));
        skip_space();
        if (pos_ >= s_.size()) fail("unexpected end of file");
        JsonValue v;
        const char c = s_[pos_];
        if (c == '{') {
            ++pos_;
            v.kind_ = JsonValue::Kind::object;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return v;
            }
            while (true) {
                std::string key = string_body();
                expect(':');
                v.members_.emplace_back(std::move(key), value(depth + 1));
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                expect('}');
                return v;
            }
        }
        if (c == '[') {
            ++pos_;
            v.kind_ = JsonValue::Kind::array;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == ']') {
                ++pos_;
                return v;
            }
            while (true) {
                v.items_.push_back(value(depth + 1));
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                expect(']');
                return v;
            }
        }
        if (c == '"') {
            v.kind_ = JsonValue::Kind::string;
            v.text_ = string_body();
            return v;
        }
        if (c == 't') {
            literal("true");
            v.kind_ = JsonValue::Kind::boolean;
            v.number_ = 1;
            return v;
        }
        if (c == 'f') {
            literal("false");
            v.kind_ = JsonValue::Kind::boolean;
            return v;
        }
        if (c == 'n') {
            literal("null");
            return v;
        }
        const char* begin = s_.c_str() + pos_;
        char* end = nullptr;
        v.number_ = std::strtod(begin, &end);
        if (end == begin) fail(std::string("unexpected character '") + c + "'");
        v.kind_ = JsonValue::Kind::number;
        pos_ += static_cast<size_t>(end - begin);
        return v;
    }

    const std::string& s_;
    std::string name_;
    size_t pos_ = 0;
};

JsonValue JsonValue::parse(const std::string& text, const std::string& name) { return JsonParser(text, name).document(); }

JsonValue JsonValue::parse_file(const std::string& path) {
    if (std::filesystem::is_directory(path)) throw std::runtime_error(path + ": is a directory, not a JSON file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw std::runtime_error(path + ": cannot read");
    return parse(ss.str(), path);
}

}  // namespace mgpt::timing
