// Bugs the fuzzers have found and cspr has not fixed yet (docs/fuzzing.md, tests/fuzz/crashes/).
// Inputs that could only find one of them again are skipped, so that a run goes on to look for new
// ones; CSPR_FUZZ_SKIP_KNOWN=0 turns the skipping off (to replay a reproducer, or to check a fix).
// When a bug is fixed, delete its predicate here and its use in the fuzzer.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace cspr_fuzz {

inline bool skip_known() {
    static const bool skip = [] {
        const char* v = std::getenv("CSPR_FUZZ_SKIP_KNOWN");
        return !(v && std::string_view(v) == "0");
    }();
    return skip;
}

// Known issue 1 (tests/fuzz/crashes/fuzz_dates-datetime-year-overflow): parse_london_datetime,
// format_london_datetime and london_date_of convert a minute to std::chrono::system_clock's
// nanoseconds, which overflow (undefined behaviour; a wrong London date) outside about 1678-2261.
// True for text shaped YYYY-MM-DDTHH:MM (what parse_london_datetime looks at) with such a year.
inline bool datetime_outside_clock_range(std::string_view s) {
    if (s.size() != 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':') return false;
    int year = 0;
    for (char c : s.substr(0, 4)) {
        if (c < '0' || c > '9') return false;
        year = year * 10 + (c - '0');
    }
    return year < 1678 || year > 2261;
}

// Known issue 2 (tests/fuzz/crashes/fuzz_case_loader-flow-question-mark): flow_text writes a plain
// scalar holding '?' (`[Was the family told?]`) that yaml-cpp 0.7 cannot read in a flow collection
// ("unknown token", "end of sequence flow not found"...), so a rewritten file with such an unknown
// key no longer loads. True when yaml-cpp refused `written` and some line of it has a flow
// collection and a '?'.
inline bool flow_question_mark(std::string_view reread_error, std::string_view written) {
    if (reread_error.find("malformed YAML") == std::string_view::npos) return false;
    std::size_t start = 0;
    while (start < written.size()) {
        std::size_t end = written.find('\n', start);
        if (end == std::string_view::npos) end = written.size();
        const std::string_view line = written.substr(start, end - start);
        start = end + 1;
        if (line.find_first_of("[{") != std::string_view::npos && line.find('?') != std::string_view::npos) return true;
    }
    return false;
}

// Known issue 3 (tests/fuzz/crashes/fuzz_holiday_feed-nesting-scan-dash-space): the nesting scan in
// front of yaml-cpp (deepest_nesting_line, src/store/doc.cpp) reads one byte before the line when a
// line is only `- ` / `? ` indicators and spaces: find_first_not_of gives npos and npos + 1 wraps to 0.
// True when some line of `text` is, after its indentation, one or more of ("-" or "?", spaces).
inline bool nesting_scan_reads_before_line(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        std::size_t i = line.find_first_not_of(' ');
        if (i == std::string_view::npos) continue;
        bool groups = false;
        while (i + 1 < line.size() && (line[i] == '-' || line[i] == '?') && line[i + 1] == ' ') {
            groups = true;
            i = line.find_first_not_of(' ', i + 1);
            if (i == std::string_view::npos) break;
        }
        if (groups && i == std::string_view::npos) return true;
    }
    return false;
}

// Known issue 4 (tests/fuzz/crashes/fuzz_holiday_feed-alias-cycle): an alias inside the node it
// names (`a: &a [*a]`) makes yaml-cpp build a cyclic graph; convert() in src/store/doc.cpp recurses
// round it until the stack overflows (the 200,000-node budget is far deeper than the stack). Every
// reader that reaches yaml-cpp crashes. True when yaml-cpp's graph of `text` has a cycle.
inline bool yaml_alias_cycle(std::string_view text) {
    if (text.find('&') == std::string_view::npos || text.find('*') == std::string_view::npos) return false;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (...) {
        return false;
    }
    std::vector<YAML::Node> path;
    std::size_t budget = 100'000;
    const auto walk = [&](const auto& self, const YAML::Node& n) -> bool {
        if (budget == 0) return false;  // big (aliases expanding) but no cycle found so far
        --budget;
        for (const auto& ancestor : path)
            if (ancestor.is(n)) return true;
        if (!n.IsSequence() && !n.IsMap()) return false;
        path.push_back(n);
        bool found = false;
        if (n.IsSequence()) {
            for (const auto& item : n)
                if ((found = self(self, item))) break;
        } else {
            for (const auto& entry : n)
                if ((found = self(self, entry.first) || self(self, entry.second))) break;
        }
        path.pop_back();
        return found;
    };
    return walk(walk, root);
}

// Known issue 5 (tests/fuzz/crashes/fuzz_case_loader-canonical-nul, -canonical-nul-tab): a NUL byte
// in a plain scalar. The fast path keeps it; yaml-cpp refuses the text ("unknown escape character")
// or reads the NUL as a backslash ("in\0the" becomes "in<TAB>he", "\0e" becomes ESC). So
// parse_document accepts what parse_with_yaml_cpp refuses, or reads it differently; a value read from
// such a file does not survive format and parse; and when the NUL is in an unknown key's value,
// flow_text writes it raw and the rewritten file no longer loads. True when `text` holds a NUL.
inline bool has_nul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

// Known issue 6 (tests/fuzz/crashes/fuzz_case_loader-long-key-rewrite, -long-key-fast-path): YAML
// limits an implicit key (`key: value`, also inside `{...}`) to 1024 characters, and yaml-cpp refuses
// a longer one ("illegal map value", "end of map flow not found"). cspr writes an unknown key (kept
// from `? long key`, say) as an implicit key whatever its length, so the rewritten file no longer
// loads; and the fast path reads such a key that yaml-cpp refuses. Checked on the document tree in
// fuzz_case_loader.cpp (long_key): a key whose flow text is over 1000 characters.
inline constexpr std::size_t kLongKey = 1000;

// Known issues 8 and 9 make a scalar that is not UTF-8 out of a file that is:
//   8 (tests/fuzz/crashes/fuzz_case_loader-yaml-cpp-escape-N): yaml-cpp 0.7 decodes the escapes
//     "\N" and "\_" to the single bytes 0x85 and 0xA0 instead of UTF-8 (C2 85, C2 A0). cspr writes
//     the byte back as it is, and then refuses its own file: "not valid UTF-8 text".
//   9 (tests/fuzz/crashes/fuzz_case_loader-canonical-x-escape): the fast path decodes "\xe9" to the
//     byte E9, where YAML (and yaml-cpp) mean U+00E9, "é" (C3 A9): the two paths read different text.
// True when `s` is not well-formed UTF-8.
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

}  // namespace cspr_fuzz
