// The hostile-input checks, run on the text before either parser: well-formed UTF-8, no control
// characters, a bounded number of values, one YAML document per file.
#include <fmt/format.h>

#include <algorithm>

#include "cspr/error.hpp"
#include "doc.hpp"
#include "doc_parts.hpp"

namespace cspr::store {

namespace {

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
        throw Error(byte == 0 ? std::string("contains a NUL byte")
                              : fmt::format("contains the control character {:#04x}", byte),
                    {file, line_at(text, at), ""});
    }
    if (const auto at = past_value_budget(text); at != std::string_view::npos)
        throw Error("too many values (more than " + std::to_string(kMaxMarks) + ")", {file, line_at(text, at), ""});
    if (const int line = second_document_line(text))
        throw Error("a second YAML document starts here; cspr reads one per file, and a rewrite would drop the rest: "
                    "move "
                    "its keys into the first document or to a file of their own",
                    {file, line, ""});
}

}  // namespace cspr::store
