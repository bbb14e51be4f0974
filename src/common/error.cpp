#include "cspr/error.hpp"

namespace cspr {

std::string format_error(const Location& where, const std::string& message) {
    std::string out;
    if (!where.file.empty()) {
        out.append(where.file);
        if (where.line > 0) out.append(":").append(std::to_string(where.line));
        out.append(": ");
    }
    if (!where.field.empty()) out.append(where.field).append(": ");
    out.append(message);
    return out;
}

Error::Error(std::string message, Location where)
    : std::runtime_error(format_error(where, message)), where_(std::move(where)), message_(std::move(message)) {}

}  // namespace cspr
