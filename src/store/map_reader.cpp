#include "map_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cspr/field_docs.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

std::string shown(const Field& f, const std::string& value) {
    // Errors end up in logs and CI output, and any field of a case file or form may hold a personal
    // detail typed into the wrong place (a child's name where a date goes): a value read from one is
    // never quoted; the message says what was expected, with the file, line and field. Only
    // cspr.yaml, which holds no personal data, has its values quoted, to help fix them.
    const std::string_view file(f.file);
    const bool config = file == "cspr.yaml" || (file.size() > 10 && file.ends_with("/cspr.yaml"));
    if (!config) return "the value";
    // A key that is personal in any file's table (field_tables.hpp) stays hidden here too, misplaced or not.
    const std::string_view last = std::string_view(f.path).substr(f.path.find_last_of('.') + 1);
    for (const std::string& key : personal_keys())
        if (last == key) return "the value";
    // A huge value (a pasted document where a date goes) would make the one-line error unreadable.
    constexpr std::size_t kLongest = 60;
    if (value.size() > kLongest) {
        std::size_t cut = kLongest;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        return fmt::format("'{}…' ({} bytes)", value.substr(0, cut), value.size());
    }
    return "'" + value + "'";
}

MapReader::MapReader(Field field, Diagnostics& diagnostics) : field_(std::move(field)), diagnostics_(&diagnostics) {
    if (field_.node->is_null()) {
        valid_ = false;
        return;
    }
    try {
        require_map(field_);
    } catch (const Error& e) {
        valid_ = false;
        diagnostics_->report(e);
    }
}

void MapReader::report(const Field& at, const std::string& message) const {
    diagnostics_->report(Error(message, {at.file, at.line(), at.path}));
}

void MapReader::report_missing(const std::string& key) const {
    const Field missing = field_.child(key, field_.node);  // the enclosing mapping's line
    diagnostics_->report(Error("missing", {missing.file, missing.line(), missing.path}));
}

std::optional<Field> MapReader::get(const std::string& key, Need need) {
    asked_.insert(key);
    if (valid_) {
        const DocNode* value = field_.node->find(key);
        if (value && !value->is_null()) return field_.child(key, value);
    }
    // Inside a mapping that is itself missing or malformed, that one problem is enough.
    if (need == Need::required && valid_) {
        for (const auto& [k, v] : field_.node->entries)
            if (k.scalar == key) {  // present but empty: point at the key itself
                report(field_.child(key, &k), "missing");
                return std::nullopt;
            }
        report_missing(key);
    }
    return std::nullopt;
}

std::string MapReader::scalar(const Field& f) const {
    if (f.node->is_scalar()) return f.node->scalar;
    report(f, "expected a single value, not a list or mapping");
    return {};
}

std::string MapReader::text(const std::string& key, Need need) {
    const auto f = get(key, need);
    return f ? scalar(*f) : std::string();
}

std::optional<calendar::Date> MapReader::date(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return std::nullopt;
    const std::string value = scalar(*f);
    auto d = calendar::parse_iso_date(value);
    if (!d) {
        report(*f, shown(*f, value) + " is not a date; expected YYYY-MM-DD");
        return std::nullopt;
    }
    // YAML readers other than cspr (editors, ajv, PyYAML) take an unquoted 2025-03-04 for a timestamp,
    // not text: the schemas refuse it, and so does cspr, so that both give one verdict.
    if (f->node->is_scalar() && !f->node->quoted) {
        report(*f, "a date must be quoted, \"YYYY-MM-DD\": unquoted, other YAML readers take it for a timestamp");
    }
    return d;
}

std::optional<calendar::DateTime> MapReader::date_time(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return std::nullopt;
    const std::string value = scalar(*f);
    if (auto t = calendar::parse_london_datetime(value)) return t;
    report(*f, shown(*f, value) + " is not a London date and time; expected YYYY-MM-DDTHH:MM");
    return std::nullopt;
}

std::optional<bool> MapReader::boolean(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return std::nullopt;
    const std::string value = scalar(*f);
    if (value == "true" || value == "yes") return true;
    if (value == "false" || value == "no") return false;
    report(*f, shown(*f, value) + " is not true or false (or yes or no)");
    return std::nullopt;
}

std::optional<long long> MapReader::integer(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return std::nullopt;
    const std::string value = scalar(*f);
    std::size_t used = 0;
    long long n = 0;
    try {
        n = std::stoll(value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != 0 && used == value.size() && value.find_first_not_of("-0123456789") == std::string::npos) return n;
    report(*f, shown(*f, value) + " is not a whole number");
    return std::nullopt;
}

std::vector<std::string> MapReader::text_list(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return {};
    if (!f->node->is_sequence()) {
        report(*f, "expected a list");
        return {};
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < f->node->items.size(); ++i) out.push_back(scalar(f->item(i, &f->node->items[i])));
    return out;
}

MapReader MapReader::map(const std::string& key, Need need) {
    const auto f = get(key, need);
    return MapReader(f ? *f : field_.child(key, null_node()), *diagnostics_);
}

std::vector<MapReader> MapReader::map_list(const std::string& key, Need need) {
    const auto f = get(key, need);
    if (!f) return {};
    if (!f->node->is_sequence()) {
        report(*f, "expected a list");
        return {};
    }
    std::vector<MapReader> out;
    for (std::size_t i = 0; i < f->node->items.size(); ++i) {
        const Field item = f->item(i, &f->node->items[i]);
        if (!item.node->is_map()) report(item, "expected a mapping of keys to values");
        else out.emplace_back(item, *diagnostics_);
    }
    return out;
}

std::vector<std::pair<std::string, Field>> MapReader::entries() {
    std::vector<std::pair<std::string, Field>> out;
    if (!valid_) return out;
    for (const auto& [key, value] : field_.node->entries) {
        asked_.insert(key.scalar);
        out.emplace_back(key.scalar, field_.child(key.scalar, &value));
    }
    return out;
}

model::Extras MapReader::extras() const {
    model::Extras out;
    if (!valid_) return out;
    for (const auto& [key, value] : field_.node->entries) {
        if (asked_.count(key.scalar)) continue;
        out.emplace_back(key.scalar, flow_text(value));
        // Kept, but told to the diagnostics with the keys this mapping knows: `confirmed_in_writng`
        // is a typo that would otherwise change a deadline without a word (validate reports it).
        const Field at = field_.child(key.scalar, &key);
        diagnostics_->unknown_key({{at.file, at.line(), at.path}, {asked_.begin(), asked_.end()}});
    }
    return out;
}

void check_schema_version(MapReader& m) {
    const auto version = m.integer("schema_version", Need::required);
    if (version && *version != model::kSchemaVersion)
        m.report(m.field().child("schema_version", m.field().node->find("schema_version")),
                 "version " + std::to_string(*version) + " is not supported; this cspr reads version " +
                     std::to_string(model::kSchemaVersion));
}

// Parses a document whose root is a mapping; a syntax error is reported and gives an empty reader.
MapReader read_root(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    try {
        Field root = parse_yaml(text, file);
        if (!root.node->is_map()) {
            diagnostics.report(
                Error(root.node->is_null() ? "the file is empty" : "expected a mapping of keys to values",
                      {file, root.line(), ""}));
            return MapReader(Field{nullptr, null_node(), file, ""}, diagnostics);
        }
        return MapReader(root, diagnostics);
    } catch (const Error& e) {
        diagnostics.report(e);
        return MapReader(Field{nullptr, null_node(), file, ""}, diagnostics);
    }
}

std::string case_schema_path(std::string_view kind) { return "../../schemas/" + std::string(kind) + ".schema.json"; }

namespace {

// A plain scalar loses these when read back: a carriage return counts as a line break and edge spaces
// are trimmed (fuzz regression: `full_report: true\r\r\n` lost one \r per rewrite).
bool has_control_or_edge_space(std::string_view s) {
    if (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t') return true;
    return std::any_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7f;
    });
}

}  // namespace

std::string flow_text(const DocNode& node) {
    if (node.is_map()) {
        std::string out = "{";
        for (const auto& [key, value] : node.entries) {
            if (out.size() > 1) out += ", ";
            out += flow_text(key) + ": " + flow_text(value);
        }
        return out + "}";
    }
    if (node.is_sequence()) {
        std::string out = "[";
        for (const auto& item : node.items) {
            if (out.size() > 1) out += ", ";
            out += flow_text(item);
        }
        return out + "]";
    }
    if (!node.is_scalar()) return "null";
    const std::string& s = node.scalar;
    // A quoted scalar stays text; a plain one keeps its plain reading (number, bool...) unless flow
    // punctuation inside it would change what it says.
    // In a flow collection yaml-cpp also stumbles on indicators such as '?', ':' or '&' anywhere.
    if (node.quoted || s.empty() || s.find_first_of(",[]{}#\n\"'?:&*!|>%@`") != std::string::npos || s.front() == '-' ||
        has_control_or_edge_space(s))
        return yaml_quoted(s);
    return s;
}

namespace {

// A quote opens a quoted scalar only where a value starts: at the line's start, or after `: `, `- `,
// `[`, `{` or `,`. Elsewhere (`Named 'Doctor`) it is part of a plain scalar.
bool starts_value(std::string_view line, std::size_t first, std::size_t i) {
    if (i == first) return true;
    std::size_t j = i;
    while (j > first && line[j - 1] == ' ') --j;
    if (j == first) return true;
    const char before = line[j - 1];
    if (before == '[' || before == '{' || before == ',') return true;
    return (before == ':' || before == '-') && j < i;  // `key: 'x'`, `- 'x'`, not `a:'b'`
}

}  // namespace

std::optional<int> first_comment_line(std::string_view text) {
    // Windows tools may start a file with a byte-order mark: a comment after it is still a comment.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    int number = 0;
    int block_indent = -1;  // inside a | or > block scalar: lines indented deeper than this are text
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos) continue;
        const int indent = static_cast<int>(first);
        if (block_indent >= 0 && indent > block_indent) continue;
        // In `- key: |` the block belongs to the key, so it is the key's column that counts.
        std::size_t key_column = first;
        while (line.substr(key_column).starts_with("- ")) key_column = line.find_first_not_of(' ', key_column + 2);
        block_indent = -1;
        if (number == 1 && line.starts_with("# yaml-language-server:")) continue;
        char quote = 0;
        for (std::size_t i = first; i < line.size(); ++i) {
            const char c = line[i];
            if (quote) {
                if (c == '\\' && quote == '"') ++i;
                else if (c == quote) quote = 0;
            } else if ((c == '"' || c == '\'') && starts_value(line, first, i)) {
                quote = c;
            } else if (c == '#' && (i == first || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                return number;
            }
        }
        const std::size_t last = line.find_last_not_of(' ');
        const std::string_view tail = line.substr(0, last + 1);
        if (!quote && (tail.ends_with("|") || tail.ends_with(">") || tail.ends_with("|-") || tail.ends_with("|+") ||
                       tail.ends_with(">-") || tail.ends_with(">+")))
            block_indent = static_cast<int>(key_column == std::string_view::npos ? first : key_column);
    }
    return std::nullopt;
}

}  // namespace cspr::store

namespace cspr::store {

int line_of_field(std::string_view text, std::string_view field) {
    std::optional<DocNode> doc;
    try {
        doc = parse_document(text, "");
    } catch (const Error&) {
        return 0;
    }
    const DocNode* node = &*doc;
    int line = node->line;
    std::size_t pos = 0;
    while (pos < field.size()) {
        std::size_t end = field.find_first_of(".[", pos);
        if (end == std::string_view::npos) end = field.size();
        const DocNode* next = nullptr;
        int key_line = 0;  // for a key: its own line, which its value's may not be
        if (field[pos] == '[') {
            const std::size_t close = field.find(']', pos);
            if (close == std::string_view::npos) break;
            const std::size_t index = std::stoul(std::string(field.substr(pos + 1, close - pos - 1)));
            if (!node->is_sequence() || index >= node->items.size()) break;
            next = &node->items[index];
            end = close + 1;
        } else {
            if (!node->is_map()) break;
            const auto* entry = node->find_entry(field.substr(pos, end - pos));
            if (!entry) break;
            next = &entry->second;
            key_line = entry->first.line;  // a blank key's null value is marked on the line after it
        }
        node = next;
        if (const int at = key_line > 0 ? key_line : node->line; at > 0) line = at;
        pos = end < field.size() && field[end] == '.' ? end + 1 : end;
    }
    return line;
}

}  // namespace cspr::store

namespace cspr::store {

std::vector<std::pair<std::string, std::string>> changed_fields(std::string_view before, std::string_view after,
                                                                const std::vector<std::string>& ignored) {
    const DocNode old_root = parse_document(before, "");
    const DocNode new_root = parse_document(after, "");
    std::vector<std::pair<std::string, std::string>> changed;
    const auto is_ignored = [&](const std::string& key) {
        return std::find(ignored.begin(), ignored.end(), key) != ignored.end();
    };
    for (const auto& [key, value] : old_root.entries) {
        if (is_ignored(key.scalar)) continue;
        const DocNode* now = new_root.find(key.scalar);
        if (!now || flow_text(*now) != flow_text(value)) changed.emplace_back(key.scalar, flow_text(value));
    }
    for (const auto& [key, value] : new_root.entries)  // a field the old record did not have: it was none
        if (!is_ignored(key.scalar) && !old_root.find(key.scalar)) changed.emplace_back(key.scalar, "null");
    return changed;
}

// A tag (`!!binary`, `!local`) or a merge key (`<<: *defaults`): yaml-cpp reads the value, but a
// rewrite would write it back as plain text or as a literal "<<" key, so the file is not rewritten.
std::optional<std::pair<int, std::string>> first_unkept_syntax(std::string_view text) {
    int number = 0;
    int block_indent = -1;  // inside a | or > block scalar: lines indented deeper are text
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || (block_indent >= 0 && static_cast<int>(first) > block_indent)) continue;
        std::size_t at = first;
        while (at != std::string_view::npos && line.substr(at).starts_with("- "))
            at = line.find_first_not_of(' ', at + 2);
        block_indent = -1;
        if (at == std::string_view::npos || line[at] == '#') continue;
        const std::string_view tail = line.substr(0, line.find_last_not_of(" \r") + 1);
        if (tail.ends_with("|") || tail.ends_with(">") || tail.ends_with("|-") || tail.ends_with(">-") ||
            tail.ends_with("|+") || tail.ends_with(">+"))
            block_indent = static_cast<int>(at);
        if (line.substr(at).starts_with("<<:")) return std::pair{number, std::string("a merge key (<<)")};
        if (line[at] == '!') return std::pair{number, std::string("a YAML tag (!)")};
        // The value after `key: `, outside quotes.
        if (line[at] == '"' || line[at] == '\'') continue;
        const std::size_t colon = line.find(": ", at);
        if (colon == std::string_view::npos) continue;
        const std::size_t value = line.find_first_not_of(' ', colon + 2);
        if (value != std::string_view::npos && line[value] == '!')
            return std::pair{number, std::string("a YAML tag (!)")};
    }
    return std::nullopt;
}

}  // namespace cspr::store
