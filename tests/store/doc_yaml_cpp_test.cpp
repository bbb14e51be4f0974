// src/store/doc_yaml_cpp.cpp: what yaml-cpp reads, bounded in nesting, values and key length, and
// its errors made clear.
#include <catch2/catch.hpp>

#include "cspr/error.hpp"
#include "doc_testing.hpp"
#include "store/doc.hpp"

using cspr::store::DocNode;
using cspr::testing::check_agrees;
using cspr::testing::error_of;

namespace {

// `a:` nested `levels` deep in cspr's own layout, ending in a scalar.
std::string nested_maps(int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i)
        text += std::string(static_cast<std::size_t>(2 * i), ' ') + "a:" + (i + 1 == levels ? " x\n" : "\n");
    return text;
}

}  // namespace

// Regression tests for what the fuzzers found (tests/fuzz/crashes/, docs/fuzzing.md).
TEST_CASE("fuzz regression: an alias inside the node it names is refused, not a stack overflow") {
    CHECK_THROWS_AS(cspr::store::parse_document("a: &a [*a]\n", "cycle.yaml"), cspr::Error);
}

TEST_CASE("fuzz regression: yaml-cpp-escape-N: \\N and \\_ read as the UTF-8 of U+0085 and U+00A0") {
    const DocNode doc = cspr::store::parse_document("id: \"\\N\"\nt: \"x\\_y\\N\\Lé\"\n", "f.yaml");
    CHECK(doc.find("id")->scalar == "\xC2\x85");
    CHECK(doc.find("t")->scalar == "x\xC2\xA0y\xC2\x85\xE2\x80\xA8\xC3\xA9");
}

TEST_CASE("fuzz regression: long-key-rewrite, long-quoted-key-fast-path: keys over 200 characters are refused on both "
          "paths") {
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
    CHECK(error_of(std::string(3000, '[') + std::string(3000, ']') + "\n").find("nested more than 64") !=
          std::string::npos);
    CHECK(error_of("a: &a [*a]\n").find("nested more than 64") != std::string::npos);
}

TEST_CASE("tab-indentation-message: a tab in the indentation is named in yaml-cpp's error") {
    CHECK(error_of("a:\n\tb: 1\n").find("a tab in the indentation?") != std::string::npos);
    CHECK(error_of("a:\n  - x\n\t- y\n").find("a tab in the indentation?") != std::string::npos);
    CHECK(error_of("a: [x,\n  y\n").find("tab") == std::string::npos);
    CHECK(error_of("a: \"x\ty\"\n") == "");
}
