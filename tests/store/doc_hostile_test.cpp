// src/store/doc_hostile.cpp: hostile input is refused before either parser reads it, with the line.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "cspr/error.hpp"
#include "doc_testing.hpp"
#include "store/doc.hpp"

using cspr::testing::error_of;

// Regression tests for what the fuzzers found (tests/fuzz/crashes/, docs/fuzzing.md).
TEST_CASE("fuzz regression: a line of only '- ' indicators does not read before the line") {
    CHECK_NOTHROW(cspr::store::check_hostile("a:\n  - \n- \n? \n", "dash.yaml"));
}

TEST_CASE("fuzz regression: a NUL byte is refused with its line") {
    try {
        cspr::store::parse_document(std::string("a: 1\nb: x\0y\n", 12), "nul.yaml");
        FAIL("accepted a NUL byte");
    } catch (const cspr::Error& e) {
        CHECK(e.where().line == 2);
    }
}

TEST_CASE("fuzz regression: canonical-control-in-block: control characters are refused on both paths, with the line") {
    CHECK(error_of("s: |\n  \x04\n").starts_with("2: "));
    CHECK(error_of("s: |\n  \x04\n").find("control character 0x04") != std::string::npos);
    CHECK(error_of("a: 1\nb: x\x7fy\n").starts_with("2: "));
    CHECK_THROWS_AS(cspr::store::parse_with_yaml_cpp("s: a\x1b[0m\n", "f.yaml"), cspr::Error);
    // As escapes they are text like any other, and tab, CR and LF stay allowed.
    CHECK(cspr::store::parse_document("s: \"\\x04\"\n", "f.yaml").find("s")->scalar == "\x04");
    CHECK(error_of("s: \"a\tb\"\r\n") == "");
}

TEST_CASE("too-many-values: counted from the text before any parser builds a tree, with the line") {
    std::string wide = "a: [";
    for (int i = 0; i < 100'001; ++i) wide += "x,";
    wide += "x]\n";
    CHECK(error_of(wide) == "1: too many values (more than 100000)");
    std::string tall = "a:\n";
    for (int i = 0; i < 100'001; ++i) tall += "  - x\n";
    CHECK(error_of(tall).starts_with("50001: too many values"));  // a line break and a dash per item
    // Dashes inside words and dates are not counted: 100,000 dates are fine.
    std::string dates = "d: \"";
    for (int i = 0; i < 50'000; ++i) dates += "2025-01-02 ";
    CHECK(error_of(dates + "\"\n") == "");
    // An alias bomb is small as text; its values are counted as they expand.
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'f'; ++c)
        bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    CHECK(error_of(bomb).find("too many values (more than 100000 with aliases expanded)") != std::string::npos);
    CHECK_FALSE(error_of(bomb).starts_with("0:"));
}

TEST_CASE("utf8-edge-forms: only well-formed UTF-8 is read; every ill-formed sequence is refused with its line") {
    // Each ill-formed sequence on line 2, after a valid first line.
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"ED A0 80: an encoded surrogate (U+D800)", "\xED\xA0\x80"},
        {"ED BF BF: the last surrogate (U+DFFF)", "\xED\xBF\xBF"},
        {"C0 AF: an overlong 2-byte '/'", "\xC0\xAF"},
        {"C1 BF: an overlong 2-byte form", "\xC1\xBF"},
        {"E0 80 AF: an overlong 3-byte '/'", "\xE0\x80\xAF"},
        {"E0 9F BF: the last overlong 3-byte form", "\xE0\x9F\xBF"},
        {"F0 80 80 AF: an overlong 4-byte '/'", "\xF0\x80\x80\xAF"},
        {"F0 8F BF BF: the last overlong 4-byte form", "\xF0\x8F\xBF\xBF"},
        {"F4 90 80 80: past U+10FFFF", "\xF4\x90\x80\x80"},
        {"F5 80 80 80: lead byte F5", "\xF5\x80\x80\x80"},
        {"F6 80 80 80: lead byte F6", "\xF6\x80\x80\x80"},
        {"F7 BF BF BF: lead byte F7", "\xF7\xBF\xBF\xBF"},
        {"F8 88 80 80 80: a 5-byte form", "\xF8\x88\x80\x80\x80"},
        {"80: a lone continuation byte", "\x80"},
        {"E2 82: a truncated 3-byte form", "\xE2\x82"},
        {"E2 28 A1: a bad continuation", "\xE2\x28\xA1"},
        {"F0 90 28 BC: a bad third byte", "\xF0\x90\x28\xBC"},
    };
    for (const auto& [what, bytes] : bad) {
        INFO(what);
        CHECK(error_of("a: 1\nb: x" + bytes + "y\n") == "2: not valid UTF-8 text");
    }
    // The edges that are valid: the first and last of each range, and the highest code point.
    const std::vector<std::pair<std::string, std::string>> good = {
        {"C2 80: U+0080", "\xC2\x80"},
        {"DF BF: U+07FF", "\xDF\xBF"},
        {"E0 A0 80: U+0800", "\xE0\xA0\x80"},
        {"ED 9F BF: U+D7FF", "\xED\x9F\xBF"},
        {"EE 80 80: U+E000", "\xEE\x80\x80"},
        {"EF BF BD: U+FFFD", "\xEF\xBF\xBD"},
        {"F0 90 80 80: U+10000", "\xF0\x90\x80\x80"},
        {"F4 8F BF BF: U+10FFFF", "\xF4\x8F\xBF\xBF"},
    };
    for (const auto& [what, bytes] : good) {
        INFO(what);
        CHECK(error_of("a: 1\nb: x" + bytes + "y\n") == "");
    }
}
