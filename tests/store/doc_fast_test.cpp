// src/store/doc_fast.cpp: the fast parser of cspr's own files must read exactly what yaml-cpp reads,
// or step aside.
#include <catch2/catch.hpp>

#include <random>

#include "doc_testing.hpp"
#include "store/doc.hpp"

using cspr::testing::check_agrees;
using cspr::testing::read;
using cspr::testing::yaml_files;

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
          "a: \"q\\\"uote\\\\ \\n \\t \\x01\"\n", "a:\nb: ~\nc: null\n", "a: []\nb: {}\n", "l:\n  - x\n  - \"y\"\n",
          "l:\n  - k: 1\n    m: 2\n  - k: 3\n", "m:\n  n:\n    o: deep\n", "\"2025\": 3\n",
          "a: O'Brien\nb: x#y\nc: Ümlaut\n", "a: true\nb: 007\nc: 2025-03-04\n",
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
                case 1:
                    if (at < text.size()) text.erase(at, 1);
                    break;
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
TEST_CASE("fuzz regression: the fast path leaves \\x escapes past ASCII and very long keys to yaml-cpp") {
    CHECK_FALSE(cspr::store::parse_canonical("a: \"\\xe9\"\n").has_value());
    CHECK_FALSE(cspr::store::parse_canonical(std::string(1100, 'k') + ": v\n").has_value());
    CHECK(cspr::store::parse_canonical("a: \"\\x01\"\n").has_value());
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

TEST_CASE("fuzz regression: canonical-null-key: a key spelled null is a null key, as yaml-cpp reads it") {
    for (const std::string key : {"null", "Null", "NULL"}) {
        const std::string text = key + ": 2\nlast:\n  \"2024\": 12\n";
        CHECK_FALSE(cspr::store::parse_canonical(text).has_value());
        CHECK(cspr::store::parse_document(text, "f.yaml").entries.front().first.is_null());
    }
    CHECK(cspr::store::parse_canonical("nullable: 2\n").has_value());
}
