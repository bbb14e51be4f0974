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
// scalar holding '?' (`[Was the family told?]`) that yaml-cpp 0.7 cannot read back in a flow
// collection ("unknown token"), so a rewritten file with such an unknown key no longer loads.
inline bool flow_question_mark(std::string_view reread_error, std::string_view written) {
    return reread_error.find("unknown token") != std::string_view::npos && written.find('?') != std::string_view::npos;
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

}  // namespace cspr_fuzz
