// Bugs the fuzzers have found and cspr has not fixed yet (docs/fuzzing.md, tests/fuzz/crashes/).
// Inputs that could only find one of them again are skipped, so that a run goes on to look for new
// ones; CSPR_FUZZ_SKIP_KNOWN=0 turns the skipping off (to replay a reproducer, or to check a fix).
// When a bug is fixed, delete its predicate here and its uses in the fuzzer; keep the reproducer.
//
// Fixed since they were found (their skips are gone, their reproducers stay in tests/fuzz/crashes/):
// datetime-year-overflow, alias-cycle, nesting-scan-dash-space, canonical-nul, canonical-nul-tab,
// yaml-cpp-nul-escape, canonical-x-escape, flow-question-mark, long-key-fast-path,
// canonical-deep-nesting, canonical-invalid-utf8.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string_view>

namespace cspr_fuzz {

inline bool skip_known() {
    static const bool skip = [] {
        const char* v = std::getenv("CSPR_FUZZ_SKIP_KNOWN");
        return !(v && std::string_view(v) == "0");
    }();
    return skip;
}

// canonical-control-in-block (tests/fuzz/crashes/fuzz_case_loader-canonical-control-in-block): YAML
// allows no control byte but tab, LF and CR (NUL is now refused up front). The fast path keeps any
// of them; yaml-cpp keeps them in a plain scalar but refuses them in a | block ("end of map not
// found"), so parse_document accepts `s: |\n  \x04` and parse_with_yaml_cpp does not.
inline bool has_control(std::string_view text) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
    }
    return false;
}

// long-key-rewrite (tests/fuzz/crashes/fuzz_case_loader-long-key-rewrite): YAML limits an implicit
// key (`key: value`, also inside `{...}`) to 1024 characters and yaml-cpp refuses a longer one
// ("illegal map value", "end of map flow not found"). cspr writes an unknown key (kept from an
// explicit `? key`) as an implicit key whatever its length, so the rewritten file no longer loads.
// Checked on the document tree in fuzz_case_loader.cpp (long_key): a key whose flow text, or the
// text YamlWriter::extras writes for it, is over kLongKey characters.
inline constexpr std::size_t kLongKey = 1000;

// long-quoted-key-fast-path (tests/fuzz/crashes/fuzz_case_loader-long-quoted-key-fast-path): the
// fast path now refuses a plain key over 1024 characters, but still reads a double-quoted one
// (`"kkk...": v`) that yaml-cpp refuses, so parse_document accepts what parse_with_yaml_cpp does not.
// Checked with long_key too.

// yaml-cpp-escape-N (tests/fuzz/crashes/fuzz_case_loader-yaml-cpp-escape-N): yaml-cpp 0.7 decodes the
// escapes "\N" and "\_" to the single bytes 0x85 and 0xA0 instead of UTF-8 (C2 85, C2 A0). cspr keeps
// the byte, writes it back as it is, and then refuses its own file: "not valid UTF-8 text".
// True when `s` is not well-formed UTF-8 (checked on every scalar of the tree).
inline bool invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > s.size() || (length == 2 && c < 0xC2)) return true;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return true;
        i += length;
    }
    return false;
}

// brackets-in-strings (tests/fuzz/crashes/fuzz_holiday_feed-brackets-in-title): the nesting estimate
// in front of yaml-cpp (deepest_nesting_line, src/store/doc.cpp) counts every '[' and '{' of the text,
// also inside quoted strings and | blocks, and adds the line's indentation. A value holding many
// brackets reads in one layout (the feed on one line) and is refused, "nested more than 64 levels
// deep", in the layout cspr writes it in (indented, one key a line): `cspr calendar import` accepts
// the feed, then no command can load the file it wrote. True for that refusal.
inline bool nesting_estimate_refused(std::string_view error) {
    return error.find("nested more than") != std::string_view::npos;
}

// ids-year-below-1000 and config-rule-id-unquoted: see known_round_trip_issue in fuzz_case_loader.cpp.

}  // namespace cspr_fuzz
