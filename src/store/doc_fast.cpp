// The fast parser of cspr's own files (parse_canonical): the writer's layout only, declining
// (nullopt) anything else, so that yaml-cpp reads it instead.
#include <algorithm>
#include <cctype>
#include <string>

#include "doc.hpp"
#include "doc_parts.hpp"

namespace cspr::store {

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
            if (end == std::string_view::npos || s.substr(1, end - 1).find('\\') != std::string_view::npos)
                return std::nullopt;
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

}  // namespace cspr::store
