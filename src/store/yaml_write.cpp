#include "yaml_write.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cspr::store {

namespace {

// YAML 1.1 readers (PyYAML) take a raw U+0085, U+2028 or U+2029 for a line break, even inside
// quotes, and refuse the other C1 controls (U+0080 to U+009F): each needs an escape to read back
// as itself everywhere. The escape for the character starting at s[i], with its length in bytes;
// empty when it needs none.
std::pair<std::string, std::size_t> unicode_escape(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F)
        return {byte(1) == 0x85 ? "\\N" : fmt::format("\\x{:02x}", byte(1)), 2};
    if (byte(0) == 0xE2 && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9))
        return {byte(2) == 0xA8 ? "\\L" : "\\P", 3};
    return {"", 0};
}

bool needs_unicode_escape(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (unicode_escape(s, i).second > 0) return true;
    return false;
}

// Words YAML 1.1 reads as booleans or null, in any case.
bool is_reserved_word(std::string_view s) {
    static constexpr std::array<std::string_view, 14> kWords = {"y",   "n",    "yes", "no",  "true", "false", "on",
                                                                "off", "null", "~",   "nan", "inf",  ".nan",  ".inf"};
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

bool plain_is_safe(std::string_view s) {
    if (s.empty() || is_reserved_word(s)) return false;
    // Starting with a letter rules out numbers, dates, indicators (- ? : , [ ] { } # & * ! | > ' " % @ `).
    if (!std::isalpha(static_cast<unsigned char>(s.front())) && static_cast<unsigned char>(s.front()) < 0x80)
        return false;
    if (s.back() == ' ' || s.back() == ':') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
    if (needs_unicode_escape(s)) return false;
    return std::all_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x80 || std::isalnum(c) ||
               std::string_view(" _.,'()/&+-@;:?!%=").find(ch) != std::string_view::npos;
    });
}

}  // namespace

std::string yaml_quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        if (const auto [escape, length] = unicode_escape(s, i); length > 0) {
            out += escape;
            i += length - 1;
            continue;
        }
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
                else out += ch;
        }
    }
    return out + "\"";
}

namespace {

// A `|` block keeps multi-line text readable in diffs. It cannot carry a leading space on the first
// line (the indentation would be misread), trailing spaces, or control characters.
bool block_is_safe(std::string_view s) {
    if (s.find('\n') == std::string_view::npos || s.front() == ' ' || s.front() == '\n') return false;
    if (needs_unicode_escape(s)) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
        if (c == ' ' && (i + 1 == s.size() || s[i + 1] == '\n')) return false;
    }
    return true;
}

}  // namespace

std::string yaml_scalar(std::string_view value) {
    return plain_is_safe(value) ? std::string(value) : yaml_quoted(value);
}

YamlWriter::YamlWriter(std::string_view schema_path, int schema_version) {
    out_ = fmt::format("# yaml-language-server: $schema={}\nschema_version: {}\n", schema_path, schema_version);
}

void YamlWriter::key_prefix(std::string_view key) {
    const int indent = 2 * depth_;
    if (item_pending_) {
        out_.append(static_cast<std::size_t>(indent - 2), ' ').append("- ");
        item_pending_ = false;
    } else {
        out_.append(static_cast<std::size_t>(indent), ' ');
    }
    out_.append(key).append(":");
}

void YamlWriter::line(std::string_view key, std::string_view rendered) {
    key_prefix(key);
    out_.append(" ").append(rendered).append("\n");
}

void YamlWriter::text(std::string_view key, std::string_view value) {
    if (!block_is_safe(value)) return line(key, yaml_scalar(value));
    std::size_t trailing = 0;
    while (trailing < value.size() && value[value.size() - 1 - trailing] == '\n') ++trailing;
    key_prefix(key);
    out_.append(trailing == 0 ? " |-\n" : trailing == 1 ? " |\n" : " |+\n");
    const std::string indent(static_cast<std::size_t>(2 * depth_ + 2), ' ');
    std::string_view body = value.substr(0, value.size() - trailing);
    for (std::size_t start = 0;;) {
        const std::size_t end = body.find('\n', start);
        const std::string_view piece = body.substr(start, end == std::string_view::npos ? body.npos : end - start);
        if (!piece.empty()) out_.append(indent).append(piece);
        out_.append("\n");
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    for (std::size_t i = 1; i < trailing; ++i) out_.append("\n");
}

void YamlWriter::optional_text(std::string_view key, std::string_view value) {
    if (!value.empty()) text(key, value);
}

void YamlWriter::date(std::string_view key, calendar::Date value) {
    line(key, "\"" + calendar::format_iso_date(value) + "\"");
}

void YamlWriter::optional_date(std::string_view key, const std::optional<calendar::Date>& value) {
    if (value) date(key, *value);
}

void YamlWriter::date_time(std::string_view key, calendar::DateTime value) {
    line(key, "\"" + calendar::format_london_datetime(value) + "\"");
}

void YamlWriter::optional_date_time(std::string_view key, const std::optional<calendar::DateTime>& value) {
    if (value) date_time(key, *value);
}

void YamlWriter::boolean(std::string_view key, bool value) { line(key, value ? "true" : "false"); }

void YamlWriter::integer(std::string_view key, long long value) { line(key, std::to_string(value)); }

void YamlWriter::text_list(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return empty_list(key);
    key_prefix(key);
    out_.append("\n");
    const std::string indent(static_cast<std::size_t>(2 * depth_ + 2), ' ');
    for (const auto& v : values) out_.append(indent).append("- ").append(yaml_scalar(v)).append("\n");
}

void YamlWriter::extras(const model::Extras& extra) {
    for (const auto& [key, flow] : extra) line(yaml_scalar(key), flow);
}

void YamlWriter::begin_map(std::string_view key) {
    key_prefix(key);
    out_.append("\n");
    ++depth_;
}

void YamlWriter::end_map() { --depth_; }

void YamlWriter::begin_list(std::string_view key) {
    key_prefix(key);
    out_.append("\n");
    depth_ += 2;
}

void YamlWriter::begin_item() { item_pending_ = true; }

void YamlWriter::end_list() { depth_ -= 2; }

void YamlWriter::empty_list(std::string_view key) { line(key, "[]"); }

void YamlWriter::empty_map(std::string_view key) { line(key, "{}"); }

}  // namespace cspr::store
