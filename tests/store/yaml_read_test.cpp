// src/store/yaml_read.cpp: parse_yaml reuses the tree (or the error) of the text it parsed last, and
// only for the same text and file.
#include <catch2/catch.hpp>

#include <string>

#include "cspr/error.hpp"
#include "store/yaml_read.hpp"

namespace store = cspr::store;

TEST_CASE("parse_yaml gives the same text and file the tree it parsed last", "[parse_yaml]") {
    const std::string text = "a: 1\nb: [x, y]\n";
    const store::Field first = store::parse_yaml(text, "one.yaml");
    const store::Field again = store::parse_yaml(std::string(text), "one.yaml");  // equal text, another buffer
    CHECK(again.doc == first.doc);
    CHECK(again.node->find("b")->items.size() == 2);
}

TEST_CASE("parse_yaml parses afresh when the text or the file differs", "[parse_yaml]") {
    const store::Field first = store::parse_yaml("a: 1\n", "one.yaml");
    const store::Field other_text = store::parse_yaml("a: 2\n", "one.yaml");
    CHECK(other_text.doc != first.doc);
    CHECK(other_text.node->find("a")->scalar == "2");
    const store::Field other_file = store::parse_yaml("a: 2\n", "two.yaml");
    CHECK(other_file.doc != other_text.doc);
    CHECK(other_file.file == "two.yaml");
    // A shorter text that the last one starts with is another text.
    CHECK(store::parse_yaml("a: 2\n", "two.yaml").doc == other_file.doc);
    CHECK(store::parse_yaml("a: ", "two.yaml").node->find("a")->is_null());
}

TEST_CASE("parse_yaml throws the same error again for the same bad text", "[parse_yaml]") {
    const std::string bad = "a: [1, 2\n";
    std::string first, second;
    try {
        (void)store::parse_yaml(bad, "bad.yaml");
    } catch (const cspr::Error& e) {
        first = e.what();
    }
    try {
        (void)store::parse_yaml(bad, "bad.yaml");
    } catch (const cspr::Error& e) {
        second = e.what();
    }
    CHECK_FALSE(first.empty());
    CHECK(second == first);
    CHECK(first.find("bad.yaml") != std::string::npos);
    // The next good text is read, not the error thrown again.
    CHECK(store::parse_yaml("a: 1\n", "bad.yaml").node->find("a")->scalar == "1");
}
