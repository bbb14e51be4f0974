#include "cspr/error.hpp"

namespace cspr {

namespace {

// Every error is one line, whatever a file put into a key or value it quotes (a rule id holding a
// line break, say): control characters are shown as escapes.
std::string one_line(std::string text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) out.append("\\x").append(1, kHex[c >> 4]).append(1, kHex[c & 0xF]);
        else out += ch;
    }
    return out;
}

}  // namespace

// A field path as people count: the first item of a list is [1]. The files' own paths (yq, JSON
// Pointer, cspr's code) count from 0; a message is read by an analyst, who counts from 1.
std::string counted_from_one(const std::string& field) {
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const std::size_t close = field[i] == '[' ? field.find(']', i) : std::string::npos;
        if (close == std::string::npos || close == i + 1 || field.find_first_not_of("0123456789", i + 1) != close ||
            close - i > 10) {
            out += field[i];
            continue;
        }
        out += "[" + std::to_string(std::stoull(field.substr(i + 1, close - i - 1)) + 1) + "]";
        i = close;
    }
    return out;
}

std::string format_error(const Location& where, const std::string& message) {
    std::string out;
    if (!where.file.empty()) {
        out.append(where.file);
        if (where.line > 0) out.append(":").append(std::to_string(where.line));
        out.append(": ");
    }
    if (!where.field.empty()) out.append(counted_from_one(where.field)).append(": ");
    out.append(message);
    return one_line(std::move(out));
}

Error::Error(std::string message, Location where)
    : std::runtime_error(format_error(where, message)), where_(std::move(where)), message_(std::move(message)) {}

}  // namespace cspr
