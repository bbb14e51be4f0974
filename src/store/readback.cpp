// What cspr writes it must be able to read back: the reader's own limits, applied before a write.
#include <fmt/format.h>

#include "cspr/error.hpp"
#include "cspr/store.hpp"
#include "doc.hpp"

namespace cspr::store {

std::string megabytes(std::size_t bytes) {
    std::size_t tenths = (bytes * 10 + (1u << 19)) >> 20;  // to the nearest tenth
    // ...but a little over a whole number is never shown as that number: 4 MB and a byte is "4.1 MB".
    if (tenths % 10 == 0 && (tenths << 20) < bytes * 10) ++tenths;
    return tenths % 10 == 0 ? fmt::format("{} MB", tenths / 10) : fmt::format("{}.{} MB", tenths / 10, tenths % 10);
}

void require_readable(const fs::path& path, std::string_view content) {
    // A file cspr rewrites keeps unknown keys, with any aliases written out in full: a small file can
    // come back past the size or value limits, and then every command on the case (and `deadlines`)
    // would stop. The same limits as read_file and parse_document, so that none is declared twice.
    const auto refuse = [&](const std::string& why) {
        throw Error("cannot be rewritten: the new text " + why +
                        " (aliases in the file are written out in full); write the repeated values once, then run "
                        "the command again; nothing was written",
                    {path.string(), 0, ""});
    };
    if (content.size() > kMaxFileBytes)
        refuse("would be " + megabytes(content.size()) + ", and files cspr reads here are at most " +
               megabytes(kMaxFileBytes));
    try {
        (void)parse_document(content, path.string());
    } catch (const Error& e) {
        refuse("would not read back (" + e.message() + ")");
    }
}

}  // namespace cspr::store
