// Bugs the fuzzers have found and cspr has not fixed yet (docs/fuzzing.md, tests/fuzz/crashes/).
// Inputs that could only find one of them again are skipped, so that a run goes on to look for new
// ones; CSPR_FUZZ_SKIP_KNOWN=0 turns the skipping off (to replay a reproducer, or to check a fix).
// When a bug is fixed, delete its predicate here and its uses in the fuzzer; keep the reproducer.
//
// Fixed since they were found (their skips are gone, their reproducers stay in tests/fuzz/crashes/):
// datetime-year-overflow, alias-cycle, nesting-scan-dash-space, canonical-nul, canonical-nul-tab,
// yaml-cpp-nul-escape, canonical-x-escape, flow-question-mark, long-key-fast-path,
// canonical-deep-nesting, canonical-invalid-utf8, canonical-control-in-block, long-key-rewrite,
// long-quoted-key-fast-path, yaml-cpp-escape-N (both), brackets-in-title,
// canonical-block-leading-blank, canonical-block-no-final-newline.
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

// ids-year-below-1000 and config-rule-id-unquoted: see known_round_trip_issue in fuzz_case_loader.cpp.

}  // namespace cspr_fuzz
