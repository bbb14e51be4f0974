#include "doc.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "cspr/error.hpp"

namespace cspr::store {

const DocNode* DocNode::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.scalar == key) return &v;
    return nullptr;
}

// ---- yaml-cpp --------------------------------------------------------------------------------------

namespace {

// Hostile input must fail in bounded time and memory: aliases can make a small file a huge tree
// ("billion laughs"), and yaml-cpp spends a few hundred bytes on each value, so the values are
// counted twice: estimated from the text before yaml-cpp reads it (kMaxMarks), then counted with the
// aliases expanded (kMaxNodes). A case file has a few hundred of either. Nesting is measured on the tree itself, not estimated from the text: yaml-cpp
// stops its own recursion at a few hundred levels (YAML::DeepRecursion), and this bound, far above
// any case file (under ten), also stops an alias inside the node it names.
constexpr std::size_t kMaxMarks = 100'000;
constexpr std::size_t kMaxNodes = 100'000;
constexpr int kMaxNesting = 64;
// YAML allows implicit keys of up to 1024 characters; a key cspr writes back may grow fourfold
// (`\xNN` escapes), so a longer one would make a file that no longer reads.
constexpr std::size_t kMaxKeyBytes = 200;

std::string too_deep() { return "nested more than " + std::to_string(kMaxNesting) + " levels deep"; }

struct Budget {
    std::size_t nodes = 0;
    const std::string& file;
    int depth = 0;
};

struct Descend {
    Budget& budget;
    Descend(Budget& b, int line) : budget(b) {
        if (++budget.depth > kMaxNesting) throw Error(too_deep(), {budget.file, line, ""});
    }
    ~Descend() { --budget.depth; }
};

// yaml-cpp 0.7 decodes the escapes "\N" and "\_" to the single bytes 85 and A0 instead of the
// UTF-8 of U+0085 and U+00A0 (every other escape is UTF-8). The text was checked to be UTF-8, so
// a stray byte can only come from those two.
std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
}

void repair_escapes(std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = utf8_length(static_cast<unsigned char>(s[i]));
        if (length == 0 && out.empty()) out.assign(s, 0, i);
        if (length == 0) out += '\xC2';  // 85 → C2 85, A0 → C2 A0
        const std::size_t step = std::max<std::size_t>(length, 1);
        if (!out.empty()) out.append(s, i, step);
        i += step;
    }
    if (!out.empty()) s = std::move(out);
}

DocNode convert(const YAML::Node& node, Budget& budget);

void convert_entry(const YAML::Node& key, const YAML::Node& value, Budget& budget, DocNode& map) {
    DocNode k = convert(key, budget);
    if (k.is_map() || k.is_sequence())
        throw Error("a key must be text, not a list or mapping", {budget.file, k.line, ""});
    if (k.scalar.size() > kMaxKeyBytes)
        throw Error("a key longer than " + std::to_string(kMaxKeyBytes) + " characters", {budget.file, k.line, ""});
    map.entries.emplace_back(std::move(k), convert(value, budget));
}

DocNode convert(const YAML::Node& node, Budget& budget) {
    DocNode out;
    out.line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
    const Descend level(budget, out.line);
    if (++budget.nodes > kMaxNodes)
        throw Error("too many values (more than " + std::to_string(kMaxNodes) + " with aliases expanded)",
                    {budget.file, out.line, ""});
    switch (node.Type()) {
        case YAML::NodeType::Scalar:
            out.kind = DocNode::Kind::scalar;
            out.scalar = node.Scalar();
            out.quoted = node.Tag() != "?";  // "!" for quoted; any explicit tag also makes it text
            repair_escapes(out.scalar);
            break;
        case YAML::NodeType::Sequence:
            out.kind = DocNode::Kind::sequence;
            for (const auto& item : node) out.items.push_back(convert(item, budget));
            break;
        case YAML::NodeType::Map:
            out.kind = DocNode::Kind::map;
            for (const auto& entry : node) convert_entry(entry.first, entry.second, budget, out);
            break;
        default:
            break;
    }
    return out;
}

// The bytes a UTF-8 sequence of `length` may have second after `lead` (Unicode's table 3-7): the
// narrower ranges after E0, ED, F0 and F4 rule out overlong forms, surrogates and code points past
// U+10FFFF, which other tools refuse; C0, C1 and F5 to FF never lead.
std::pair<unsigned char, unsigned char> second_byte_range(unsigned char lead, std::size_t length) {
    if ((length == 2 && lead < 0xC2) || (length == 4 && lead > 0xF4)) return {1, 0};  // none
    if (lead == 0xE0) return {0xA0, 0xBF};
    if (lead == 0xED) return {0x80, 0x9F};
    if (lead == 0xF0) return {0x90, 0xBF};
    if (lead == 0xF4) return {0x80, 0x8F};
    return {0x80, 0xBF};
}

// The 1-based line of the first byte that is not well-formed UTF-8, or 0.
int invalid_utf8_line(std::string_view text) {
    int line = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') ++line;
        const std::size_t length = utf8_length(c);
        if (length == 0 || i + length > text.size()) return line;
        const auto [low, high] = second_byte_range(c, length);
        const auto second = static_cast<unsigned char>(length > 1 ? text[i + 1] : 0);
        if (length > 1 && (second < low || second > high)) return line;
        for (std::size_t k = 2; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return line;
        i += length;
    }
    return 0;
}

// YAML allows no control character in a file but tab, line feed and carriage return (escapes such
// as "\x04" inside double quotes are fine: they are not in the file as bytes).
std::size_t first_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
    }
    return std::string_view::npos;
}

// Where the text has more marks that can start or separate a value (line breaks, `,`, `:`, `[`,
// `{`, `?`, and `-` before a space) than kMaxMarks, or npos. More than the values yaml-cpp can make
// of them in most layouts, and cheap to count.
std::size_t past_value_budget(std::string_view text) {
    std::size_t marks = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool dash = c == '-' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
        if (c == '\n' || c == ',' || c == ':' || c == '[' || c == '{' || c == '?' || dash)
            if (++marks > kMaxMarks) return i;
    }
    return std::string_view::npos;
}

// yaml-cpp's messages for a tab in the indentation ("illegal map value") do not mention it.
std::string tab_hint(std::string_view text, int line) {
    std::size_t start = 0;
    for (int l = 1; l < line - 1 && start != std::string_view::npos; ++l) start = text.find('\n', start) + 1;
    for (int l = 0; l < 2 && start != std::string_view::npos && start < text.size(); ++l) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view row = text.substr(start, end - start);
        const std::size_t indent = row.find_first_not_of(" \t");
        if (row.substr(0, indent).find('\t') != std::string_view::npos) return " (a tab in the indentation? YAML indents with spaces)";
        start = end + 1;
    }
    return "";
}

int line_at(std::string_view text, std::size_t offset) {
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n')) + 1;
}

}  // namespace

// The line where a second YAML document starts (a `---` or `...` marker at column 0 after content),
// or 0. yaml-cpp reads the first document only, so the rest would be ignored, then lost on rewrite.
int second_document_line(std::string_view text) {
    bool content = false;
    int number = 0;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const bool marker = (line.starts_with("---") || line.starts_with("...")) &&
                            (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
        if (marker && content) return number;
        const std::size_t first = line.find_first_not_of(" \t");
        if (!marker && first != std::string_view::npos && line[first] != '#') content = true;
    }
    return 0;
}

void check_hostile(std::string_view text, const std::string& file) {
    if (const int line = invalid_utf8_line(text)) throw Error("not valid UTF-8 text", {file, line, ""});
    if (const auto at = first_control(text); at != std::string_view::npos) {
        const auto byte = static_cast<unsigned char>(text[at]);
        throw Error(byte == 0 ? std::string("contains a NUL byte") : fmt::format("contains the control character {:#04x}", byte),
                    {file, line_at(text, at), ""});
    }
    if (const auto at = past_value_budget(text); at != std::string_view::npos)
        throw Error("too many values (more than " + std::to_string(kMaxMarks) + ")", {file, line_at(text, at), ""});
    if (const int line = second_document_line(text))
        throw Error("a second YAML document starts here; cspr reads one per file, and a rewrite would drop the rest: move "
                    "its keys into the first document or to a file of their own",
                    {file, line, ""});
}

namespace {

DocNode load_with_yaml_cpp(std::string_view text, const std::string& file) {
    try {
        Budget budget{0, file, 0};
        return convert(YAML::Load(std::string(text)), budget);
    } catch (const YAML::DeepRecursion& e) {
        throw Error(too_deep(), {file, e.mark.is_null() ? 0 : e.mark.line + 1, ""});
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 0 : e.mark.line + 1;
        throw Error("malformed YAML: " + e.msg + tab_hint(text, line), {file, line, ""});
    }
}

}  // namespace

DocNode parse_with_yaml_cpp(std::string_view text, const std::string& file) {
    check_hostile(text, file);
    return load_with_yaml_cpp(text, file);
}

// ---- the fast path ---------------------------------------------------------------------------------

namespace {

struct Line {
    int number;
    int indent;
    std::string_view text;  // without the indentation
};

// Deeper indentation than this may be nesting that yaml-cpp's path refuses (kMaxNesting): leave it there.
constexpr std::size_t kDeepestIndent = 2 * (kMaxNesting - 4);

// Reading stops (nullopt) at the first thing the writer would never produce.
class CanonicalParser {
public:
    // cspr ends every file with a line break; without one, a | block at the end would read
    // differently (YAML keeps no line break that is not there).
    explicit CanonicalParser(std::string_view text) : ok_(text.ends_with('\n')) { split(text); }

    std::optional<DocNode> document() {
        if (lines_.empty() || !ok_) return std::nullopt;
        auto root = mapping(0);
        if (!root || pos_ != lines_.size()) return std::nullopt;
        return root;
    }

private:
    void split(std::string_view text) {
        std::size_t start = 0;
        int number = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            std::string_view raw = text.substr(start, end - start);
            start = end + 1;
            ++number;
            if (raw.find('\r') != std::string_view::npos || raw.find('\t') != std::string_view::npos) ok_ = false;
            if (number == 1 && raw.starts_with("# yaml-language-server:")) continue;
            const std::size_t first = raw.find_first_not_of(' ');
            raw_.push_back(raw);
            numbers_.push_back(number);
            if (first == std::string_view::npos) continue;  // blank: only inside | blocks, found via raw_
            if (raw[first] == '#') ok_ = false;
            if (first > kDeepestIndent) ok_ = false;  // yaml-cpp's path measures the nesting and may refuse it
            lines_.push_back({number, static_cast<int>(first), raw.substr(first)});
            raw_index_.push_back(raw_.size() - 1);
        }
    }

    static bool is_key_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    // `key: rest`, `key:`; the key plain ([A-Za-z0-9_-]+) or double-quoted without escapes.
    struct KeyValue {
        std::string key;
        bool quoted;
        std::string_view rest;
    };
    static std::optional<KeyValue> split_key(std::string_view s) {
        std::size_t end = 0;
        std::string key;
        if (!s.empty() && s[0] == '"') {
            end = s.find('"', 1);
            if (end == std::string_view::npos || s.substr(1, end - 1).find('\\') != std::string_view::npos) return std::nullopt;
            if (end - 1 > kMaxKeyBytes) return std::nullopt;
            key = std::string(s.substr(1, end - 1));
            ++end;
        } else {
            while (end < s.size() && is_key_char(s[end])) ++end;
            if (end == 0 || end > kMaxKeyBytes) return std::nullopt;
            key = std::string(s.substr(0, end));
            if (key == "null" || key == "Null" || key == "NULL") return std::nullopt;  // a null key, in YAML
        }
        if (end >= s.size() || s[end] != ':') return std::nullopt;
        std::string_view rest = s.substr(end + 1);
        if (!rest.empty() && rest[0] != ' ') return std::nullopt;
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        return KeyValue{key, s[0] == '"', rest};
    }

    static std::optional<DocNode> scalar(std::string_view s, int line) {
        DocNode n;
        n.line = line;
        n.kind = DocNode::Kind::scalar;
        if (s.front() == '"') {
            n.quoted = true;
            std::size_t i = 1;
            for (; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] != '\\') {
                    n.scalar += s[i];
                    continue;
                }
                if (++i >= s.size()) return std::nullopt;
                switch (s[i]) {
                    case '"': n.scalar += '"'; break;
                    case '\\': n.scalar += '\\'; break;
                    case 'n': n.scalar += '\n'; break;
                    case 't': n.scalar += '\t'; break;
                    case 'x': {
                        if (i + 2 >= s.size()) return std::nullopt;
                        const std::string hex(s.substr(i + 1, 2));
                        if (hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return std::nullopt;
                        const int code = std::stoi(hex, nullptr, 16);
                        if (code >= 0x80) return std::nullopt;  // yaml-cpp encodes it as UTF-8: let it
                        n.scalar += static_cast<char>(code);
                        i += 2;
                        break;
                    }
                    default: return std::nullopt;
                }
            }
            if (i >= s.size() || s.substr(i + 1).find_first_not_of(' ') != std::string_view::npos) return std::nullopt;
            return n;
        }
        // Plain: one line, starting with a letter (or UTF-8), no comment, no flow punctuation.
        const auto c = static_cast<unsigned char>(s.front());
        if (!(std::isalpha(c) || std::isdigit(c) || c >= 0x80)) return std::nullopt;
        if (s.find(" #") != std::string_view::npos || s.find(": ") != std::string_view::npos) return std::nullopt;
        if (s.find_first_of("[]{}") != std::string_view::npos || s.back() == ':') return std::nullopt;
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        if (s == "~" || s == "null" || s == "Null" || s == "NULL") {
            n.kind = DocNode::Kind::null;
            return n;
        }
        n.scalar = std::string(s);
        return n;
    }

    // The value after `key:` on line `at` (already consumed), for a key at `indent`.
    std::optional<DocNode> value(std::string_view rest, int indent, int line) {
        if (rest.empty()) {
            if (pos_ < lines_.size() && lines_[pos_].indent > indent) {
                if (lines_[pos_].indent != indent + 2) return std::nullopt;
                return lines_[pos_].text.starts_with("- ") ? sequence(indent + 2) : mapping(indent + 2);
            }
            DocNode null_node;
            null_node.line = line;
            return null_node;  // `key:` alone
        }
        if (rest == "[]" || rest == "{}") {
            DocNode n;
            n.line = line;
            n.kind = rest == "[]" ? DocNode::Kind::sequence : DocNode::Kind::map;
            return n;
        }
        if (rest == "|" || rest == "|-" || rest == "|+") return block(rest, indent, line);
        if (pos_ < lines_.size() && lines_[pos_].indent > indent) return std::nullopt;  // a continuation line
        return scalar(rest, line);
    }

    std::optional<DocNode> block(std::string_view header, int indent, int line) {
        DocNode n;
        n.kind = DocNode::Kind::scalar;
        n.quoted = true;  // a block is never a plain scalar: yaml-cpp tags it "!" like a quoted one
        n.line = line;
        const std::size_t content_indent = static_cast<std::size_t>(indent + 2);
        if (pos_ >= lines_.size() || lines_[pos_].indent != static_cast<int>(content_indent)) return std::nullopt;
        if (raw_index_[pos_] != raw_index_[pos_ - 1] + 1) return std::nullopt;  // starts with a blank line: not ours
        // Walk the raw lines, blank ones included, from the first content line.
        std::size_t raw = raw_index_[pos_];
        std::string text;
        int trailing_newlines = 0;
        for (; raw < raw_.size(); ++raw) {
            const std::string_view r = raw_[raw];
            const std::size_t first = r.find_first_not_of(' ');
            if (first == std::string_view::npos) {
                if (r.size() > content_indent) return std::nullopt;  // spaces past the indent: keep them? not ours
                ++trailing_newlines;
                continue;
            }
            if (first < content_indent) break;
            text.append(static_cast<std::size_t>(trailing_newlines), '\n');
            if (!text.empty()) text += '\n';
            trailing_newlines = 0;
            text += r.substr(content_indent);
        }
        while (pos_ < lines_.size() && raw_index_[pos_] < raw) ++pos_;
        if (header == "|") text += '\n';
        else if (header == "|+") text.append(static_cast<std::size_t>(trailing_newlines) + 1, '\n');
        // A | block ending at the end of the file with blank lines: clip and strip drop them, as YAML does.
        n.scalar = std::move(text);
        return n;
    }

    std::optional<DocNode> mapping(int indent) {
        DocNode n;
        n.kind = DocNode::Kind::map;
        n.line = pos_ < lines_.size() ? lines_[pos_].number : 0;
        while (pos_ < lines_.size() && lines_[pos_].indent == indent && !lines_[pos_].text.starts_with("- ")) {
            const Line l = lines_[pos_++];
            auto kv = split_key(l.text);
            if (!kv) return std::nullopt;
            DocNode key;
            key.kind = DocNode::Kind::scalar;
            key.scalar = kv->key;
            key.quoted = kv->quoted;
            key.line = l.number;
            auto v = value(kv->rest, indent, l.number);
            if (!v) return std::nullopt;
            n.entries.emplace_back(std::move(key), std::move(*v));
        }
        if (pos_ < lines_.size() && lines_[pos_].indent > indent) return std::nullopt;
        return n;
    }

    std::optional<DocNode> sequence(int indent) {
        DocNode n;
        n.kind = DocNode::Kind::sequence;
        n.line = lines_[pos_].number;
        while (pos_ < lines_.size() && lines_[pos_].indent == indent && lines_[pos_].text.starts_with("- ")) {
            Line& l = lines_[pos_];
            const std::string_view content = l.text.substr(2);
            if (content.empty() || content.starts_with("- ")) return std::nullopt;
            if (split_key(content)) {
                // `- key: value`: the item is a mapping whose keys sit at indent + 2.
                l.indent = indent + 2;
                l.text = content;
                auto item = mapping(indent + 2);
                if (!item) return std::nullopt;
                n.items.push_back(std::move(*item));
            } else {
                ++pos_;
                if (pos_ < lines_.size() && lines_[pos_].indent > indent) return std::nullopt;
                auto item = scalar(content, l.number);
                if (!item) return std::nullopt;
                n.items.push_back(std::move(*item));
            }
        }
        return n;
    }

    std::vector<std::string_view> raw_;
    std::vector<int> numbers_;
    std::vector<Line> lines_;
    std::vector<std::size_t> raw_index_;
    std::size_t pos_ = 0;
    bool ok_;
};

}  // namespace

std::optional<DocNode> parse_canonical(std::string_view text) { return CanonicalParser(text).document(); }

DocNode parse_document(std::string_view text, const std::string& file) {
    check_hostile(text, file);
    if (auto doc = parse_canonical(text)) return std::move(*doc);
    return load_with_yaml_cpp(text, file);
}

}  // namespace cspr::store
