// The fast parser of cspr's own files must read exactly what yaml-cpp reads, or step aside.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cspr/error.hpp"
#include "store/doc.hpp"

namespace fs = std::filesystem;
using cspr::store::DocNode;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> yaml_files() {
    std::vector<fs::path> out;
    for (const char* dir : {"/cases-example", "/tests/schema/fixtures"})
        for (const auto& e : fs::recursive_directory_iterator(std::string(CSPR_SOURCE_DIR) + dir))
            if (e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Same tree, same text, same quoting, same lines (a null's line is not compared: yaml-cpp's
// position for an empty value varies and nothing reports it).
std::string difference(const DocNode& a, const DocNode& b, const std::string& where) {
    if (a.kind != b.kind) return where + ": kind differs";
    if (a.is_null()) return "";
    if (a.line != b.line) return where + ": line " + std::to_string(a.line) + " vs " + std::to_string(b.line);
    if (a.is_scalar() && (a.scalar != b.scalar || a.quoted != b.quoted)) return where + ": scalar '" + a.scalar + "' vs '" + b.scalar + "'";
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) return where + ": size differs";
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto d = difference(a.items[i], b.items[i], where + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        if (auto d = difference(a.entries[i].first, b.entries[i].first, where + ".<key>"); !d.empty()) return d;
        if (auto d = difference(a.entries[i].second, b.entries[i].second, where + "." + a.entries[i].first.scalar); !d.empty()) return d;
    }
    return "";
}

// Either the fast parser declines, or it agrees with yaml-cpp (and yaml-cpp accepts the text).
void check_agrees(const std::string& text, const std::string& name) {
    const auto fast = cspr::store::parse_canonical(text);
    if (!fast) return;
    DocNode slow;
    try {
        slow = cspr::store::parse_with_yaml_cpp(text, name);
    } catch (const cspr::Error& e) {
        FAIL(name << ": the fast parser accepted what yaml-cpp rejects: " << e.what() << "\n" << text);
    }
    const auto diff = difference(*fast, slow, name);
    INFO(text);
    CHECK(diff == "");
}

}  // namespace

TEST_CASE("every file cspr wrote takes the fast path and reads as yaml-cpp reads it") {
    std::size_t fast = 0;
    for (const auto& path : yaml_files()) {
        const std::string text = read(path);
        check_agrees(text, path.string());
        if (path.string().find("/cases-example/") != std::string::npos) {
            INFO(path.string());
            CHECK(cspr::store::parse_canonical(text).has_value());
            ++fast;
        }
    }
    CHECK(fast >= 20);
}

TEST_CASE("the fast parser declines what it does not know") {
    for (const char* text : {"a: 1 # comment\n", "# note\na: 1\n", "a: {b: 1}\n", "a: [x, y]\n", "a: 'single'\n",
                             "a: &anchor 1\nb: *anchor\n", "---\na: 1\n", "a:\n    b: 1\n", "a: \"\\u00e9\"\n",
                             "a:\tb\n", "a: b\r\n", "- a\n- b\n", "a: x\n  continued\n", "? complex\n: value\n",
                             "a: >\n  folded\n", "a: |2\n   indented\n", "a:\n- b\n"})
        CHECK_FALSE(cspr::store::parse_canonical(text).has_value());
}

TEST_CASE("fast and slow agree on blocks, quoting, nulls and lists") {
    for (const char* text :
         {"a: |\n  one\n\n  two\n", "a: |-\n  one\n  two\nb: 1\n", "a: |+\n  one\n\n\nb: 1\n", "a: |\n  x\n\n\n",
          "a: \"q\\\"uote\\\\ \\n \\t \\x01\"\n", "a:\nb: ~\nc: null\n", "a: []\nb: {}\n",
          "l:\n  - x\n  - \"y\"\n", "l:\n  - k: 1\n    m: 2\n  - k: 3\n", "m:\n  n:\n    o: deep\n",
          "\"2025\": 3\n", "a: O'Brien\nb: x#y\nc: Ümlaut\n", "a: true\nb: 007\nc: 2025-03-04\n",
          "a: |\n  text\n    more indented\n  back\n", "a: trailing   \n"})
        check_agrees(text, "inline");
}

TEST_CASE("mutated example files: the fast parser never disagrees with yaml-cpp") {
    std::mt19937 rng(7);
    const auto files = yaml_files();
    std::size_t tried = 0;
    for (const auto& path : files) {
        const std::string original = read(path);
        for (int round = 0; round < 40; ++round) {
            std::string text = original;
            const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(rng);
            switch (rng() % 6) {
                case 0: text.insert(at, " "); break;
                case 1: if (at < text.size()) text.erase(at, 1); break;
                case 2: text.insert(at, "\n"); break;
                case 3: text.insert(at, ": "); break;
                case 4: text.insert(at, "- "); break;
                case 5: text.insert(at, "\""); break;
            }
            check_agrees(text, path.filename().string() + " (mutated)");
            ++tried;
        }
    }
    CHECK(tried > 100);
}

// Regression tests for what the fuzzers found (tests/fuzz/crashes/, docs/fuzzing.md).
TEST_CASE("fuzz regression: an alias inside the node it names is refused, not a stack overflow") {
    CHECK_THROWS_AS(cspr::store::parse_document("a: &a [*a]\n", "cycle.yaml"), cspr::Error);
}

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

TEST_CASE("fuzz regression: the fast path leaves \\x escapes past ASCII and very long keys to yaml-cpp") {
    CHECK_FALSE(cspr::store::parse_canonical("a: \"\\xe9\"\n").has_value());
    CHECK_FALSE(cspr::store::parse_canonical(std::string(1100, 'k') + ": v\n").has_value());
    CHECK(cspr::store::parse_canonical("a: \"\\x01\"\n").has_value());
}

namespace {

std::string error_of(const std::string& text) {
    try {
        (void)cspr::store::parse_document(text, "f.yaml");
    } catch (const cspr::Error& e) {
        return std::to_string(e.where().line) + ": " + e.message();
    }
    return "";
}

// `a:` nested `levels` deep in cspr's own layout, ending in a scalar.
std::string nested_maps(int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += std::string(static_cast<std::size_t>(2 * i), ' ') + "a:" + (i + 1 == levels ? " x\n" : "\n");
    return text;
}

}  // namespace

TEST_CASE("fuzz regression: canonical-control-in-block: control characters are refused on both paths, with the line") {
    CHECK(error_of("s: |\n  \x04\n").starts_with("2: "));
    CHECK(error_of("s: |\n  \x04\n").find("control character 0x04") != std::string::npos);
    CHECK(error_of("a: 1\nb: x\x7fy\n").starts_with("2: "));
    CHECK_THROWS_AS(cspr::store::parse_with_yaml_cpp("s: a\x1b[0m\n", "f.yaml"), cspr::Error);
    // As escapes they are text like any other, and tab, CR and LF stay allowed.
    CHECK(cspr::store::parse_document("s: \"\\x04\"\n", "f.yaml").find("s")->scalar == "\x04");
    CHECK(error_of("s: \"a\tb\"\r\n") == "");
}

TEST_CASE("fuzz regression: yaml-cpp-escape-N: \\N and \\_ read as the UTF-8 of U+0085 and U+00A0") {
    const DocNode doc = cspr::store::parse_document("id: \"\\N\"\nt: \"x\\_y\\N\\Lé\"\n", "f.yaml");
    CHECK(doc.find("id")->scalar == "\xC2\x85");
    CHECK(doc.find("t")->scalar == "x\xC2\xA0y\xC2\x85\xE2\x80\xA8\xC3\xA9");
}

TEST_CASE("fuzz regression: long-key-rewrite, long-quoted-key-fast-path: keys over 200 characters are refused on both paths") {
    const std::string ok(200, 'k'), long_(201, 'k');
    CHECK(error_of(ok + ": v\n") == "");
    CHECK(error_of("\"" + ok + "\": v\n") == "");
    CHECK(error_of("a: 1\n" + long_ + ": v\n").starts_with("2: a key longer than 200 characters"));
    CHECK(error_of("\"" + long_ + "\": v\n").starts_with("1: a key longer than 200"));
    CHECK_FALSE(cspr::store::parse_canonical("\"" + long_ + "\": v\n").has_value());
    CHECK(error_of("? " + long_ + "\n: v\n").starts_with("1: a key longer than 200"));
    CHECK(error_of("x: {" + long_ + ": v}\n").starts_with("1: a key longer than 200"));
    // A key that is a list or mapping could only be written back as its text, and was not kept.
    CHECK(error_of("? [a, b]\n: v\n").find("a key must be text") != std::string::npos);
}

TEST_CASE("fuzz regression: canonical-block-leading-blank: a | block keeps its leading empty lines") {
    const std::string text = "a: |\n\n  x\nb: 1\n";
    CHECK_FALSE(cspr::store::parse_canonical(text).has_value());
    CHECK(cspr::store::parse_document(text, "f.yaml").find("a")->scalar == "\nx\n");
    check_agrees(text, "leading-blank");
}

TEST_CASE("fuzz regression: canonical-block-no-final-newline: a block at the end of a file without a line break") {
    CHECK_FALSE(cspr::store::parse_canonical("a: |\n  x").has_value());
    CHECK(cspr::store::parse_document("a: |\n  x", "f.yaml").find("a")->scalar == "x");
    CHECK(cspr::store::parse_document("a: |+\n  x", "f.yaml").find("a")->scalar == "x");
    CHECK(cspr::store::parse_document("a: 1", "f.yaml").find("a")->scalar == "1");
}

TEST_CASE("fuzz regression: brackets-in-title: brackets inside text are not nesting") {
    const std::string brackets(300, '[');
    CHECK(error_of("a:\n  b:\n    title: \"" + brackets + "\"\n") == "");
    CHECK(error_of("a: [\"" + brackets + "\", '" + brackets + "']\n") == "");
    CHECK(error_of("a: |\n  " + brackets + "\n") == "");
    CHECK(error_of("a: x" + brackets + "  # " + brackets + "\n") == "");
}

TEST_CASE("nesting deeper than 64 levels is refused with a line on both paths, and the paths agree around the limit") {
    for (int levels = 55; levels <= 70; ++levels) {
        const std::string text = nested_maps(levels);
        INFO(levels);
        check_agrees(text, "nested");
        const std::string error = error_of(text);
        CHECK((levels <= 63) == error.empty());
        if (!error.empty()) CHECK(error.find(": nested more than 64 levels deep") != std::string::npos);
    }
    CHECK(error_of(std::string(3000, '[') + std::string(3000, ']') + "\n").find("nested more than 64") != std::string::npos);
    CHECK(error_of("a: &a [*a]\n").find("nested more than 64") != std::string::npos);
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
        bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) +
                ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
    CHECK(error_of(bomb).find("too many values (more than 100000 with aliases expanded)") != std::string::npos);
    CHECK_FALSE(error_of(bomb).starts_with("0:"));
}

TEST_CASE("tab-indentation-message: a tab in the indentation is named in yaml-cpp's error") {
    CHECK(error_of("a:\n\tb: 1\n").find("a tab in the indentation?") != std::string::npos);
    CHECK(error_of("a:\n  - x\n\t- y\n").find("a tab in the indentation?") != std::string::npos);
    CHECK(error_of("a: [x,\n  y\n").find("tab") == std::string::npos);
    CHECK(error_of("a: \"x\ty\"\n") == "");
}

TEST_CASE("fuzz regression: canonical-null-key: a key spelled null is a null key, as yaml-cpp reads it") {
    for (const std::string key : {"null", "Null", "NULL"}) {
        const std::string text = key + ": 2\nlast:\n  \"2024\": 12\n";
        CHECK_FALSE(cspr::store::parse_canonical(text).has_value());
        CHECK(cspr::store::parse_document(text, "f.yaml").entries.front().first.is_null());
    }
    CHECK(cspr::store::parse_canonical("nullable: 2\n").has_value());
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
        {"C2 80: U+0080", "\xC2\x80"},       {"DF BF: U+07FF", "\xDF\xBF"},
        {"E0 A0 80: U+0800", "\xE0\xA0\x80"}, {"ED 9F BF: U+D7FF", "\xED\x9F\xBF"},
        {"EE 80 80: U+E000", "\xEE\x80\x80"}, {"EF BF BD: U+FFFD", "\xEF\xBF\xBD"},
        {"F0 90 80 80: U+10000", "\xF0\x90\x80\x80"}, {"F4 8F BF BF: U+10FFFF", "\xF4\x8F\xBF\xBF"},
    };
    for (const auto& [what, bytes] : good) {
        INFO(what);
        CHECK(error_of("a: 1\nb: x" + bytes + "y\n") == "");
    }
}
