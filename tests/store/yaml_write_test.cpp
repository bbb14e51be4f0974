// src/store/yaml_write.cpp: scalars quoted when YAML could misread them, text of any shape written
// so that it reads back exactly; each rendering is read back with yaml-cpp (and cspr's own reader).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "store/doc.hpp"
#include "store/map_reader.hpp"
#include "store/yaml_write.hpp"

namespace store = cspr::store;

namespace {

// What a YAML reader makes of `rendered` as the value of a key.
YAML::Node read_value(const std::string& rendered) { return YAML::Load("key: " + rendered + "\n")["key"]; }

bool is_quoted(const std::string& rendered) {
    return !rendered.empty() && (rendered.front() == '"' || rendered.front() == '\'');
}

}  // namespace

TEST_CASE("yaml_scalar: text YAML could misread is quoted; every rendering reads back exactly", "[quoting]") {
    // Each of these, written plain, a YAML 1.1 reader takes for something other than the text:
    // a boolean, null, a number, a timestamp, a mapping, a comment, or nothing at all.
    const std::vector<std::string> must_quote = {"no",     "Yes",        "ON",   "null",      "~",        "007",
                                                 "1e3",    "2025-03-04", "a: b", "x #y",      "",         "true",
                                                 "FALSE",  "off",        "y",    "N",         "12",       "-5",
                                                 "3.14",   "0x1F",       ".5",   "#tag",      "[x]",      "{x}",
                                                 "*alias", "&anchor",    "!tag", "trailing ", " leading", "key:",
                                                 "|",      ">",          "%",    "@at",       "`tick",    "\"q\"",
                                                 "'s'",    "line\nbreak"};
    for (const auto& v : must_quote) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        CHECK(is_quoted(rendered));
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
        if (is_quoted(rendered)) CHECK(node.Tag() == "!");
    }
    // These YAML cannot misread, so the spec wants them plain.
    const std::vector<std::string> plain = {"plain text",
                                            "O'Brien",
                                            "Ümlaut",
                                            "White British",
                                            "Mother",
                                            "Arrested, released under investigation",
                                            "alex.fictional@example.org",
                                            "mother's partner"};
    for (const auto& v : plain) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        CHECK(rendered == v);
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
    }
    // Either is fine for these, as long as the reading is exact (and a plain one is not a bool/null).
    const std::vector<std::string> either = {"-lead",  "a:b", "x#y",         "50%",       "NaN-like", "Yes please",
                                             "no one", "e1",  "Infinity",    "nullable",  "Z",        "a - b",
                                             "(c)",    "é",   "back\\slash", "tab\there", "a|b",      "x > y"};
    for (const auto& v : either) {
        const std::string rendered = store::yaml_scalar(v);
        INFO("value [" << v << "] rendered as [" << rendered << "]");
        const YAML::Node node = read_value(rendered);
        REQUIRE(node.IsScalar());
        CHECK(node.Scalar() == v);
    }
}

TEST_CASE("yaml_quoted escapes quotes, backslashes and control characters", "[quoting]") {
    const std::vector<std::string> values = {"say \"hi\"", "C:\\path", "a\tb",    "a\nb",
                                             "nul\x01x",   "del\x7f",  "Ümlaut ✓"};
    for (const std::string& v : values) {
        const std::string rendered = store::yaml_quoted(v);
        INFO("[" << rendered << "]");
        CHECK(rendered.front() == '"');
        CHECK(rendered.back() == '"');
        CHECK(rendered.find('\n') == std::string::npos);
        CHECK(read_value(rendered).Scalar() == v);
    }
}

TEST_CASE("multi-line text round-trips exactly through YamlWriter::text and a YAML reader", "[quoting]") {
    const std::vector<std::string> texts = {
        "first\nsecond",                        // no trailing newline
        "first\nsecond\n",                      // one trailing newline
        "first\nsecond\n\n",                    // two trailing newlines
        "first\nsecond\n\n\n",                  // three
        "first\n\nthird after a blank line\n",  // blank line inside
        "first\n\n\nafter two blank lines",
        "first\n  indented second\nthird\n",  // a line starting with spaces after the first
        "first\n    deeper\n  less\n",
        "# not a comment\n- not a list\nkey: not a map\n",
        "\"quoted\" and 'single'\n",
        "  leading spaces on the first line\nsecond\n",
        "\nstarts with a newline",
        "trailing space \nsecond\n",
        "tab\tinside\nsecond\n",
        "ends with spaces\n  ",
        "Ümlaut\n✓ ok\n",
    };
    for (const auto& v : texts) {
        store::YamlWriter w("schemas/x.schema.json", 1);
        w.text("narrative", v);
        w.begin_map("child");
        w.text("notes", v);
        w.end_map();
        w.begin_list("family");
        w.begin_item();
        w.text("name", "Jo");
        w.text("notes", v);
        w.end_list();
        w.text("after", "end");
        const std::string& out = w.str();
        INFO("value [" << v << "]\nwritten:\n" << out);
        const YAML::Node doc = YAML::Load(out);
        CHECK(doc["schema_version"].as<int>() == 1);
        CHECK(doc["narrative"].Scalar() == v);
        CHECK(doc["child"]["notes"].Scalar() == v);
        CHECK(doc["family"][0]["name"].Scalar() == "Jo");
        CHECK(doc["family"][0]["notes"].Scalar() == v);
        CHECK(doc["after"].Scalar() == "end");
        // A written file never holds a comment that would block its own rewrite.
        CHECK_FALSE(store::first_comment_line(out).has_value());
    }
}

TEST_CASE("text with line breaks is a | block when it can be", "[quoting]") {
    store::YamlWriter w("schemas/x.schema.json", 1);
    w.text("narrative", "one\n\ntwo\n");
    CHECK(w.str().find("narrative: |\n  one\n\n  two\n") != std::string::npos);
}

TEST_CASE("yaml_quoted escapes U+0085, U+2028, U+2029 and C1 controls, which YAML 1.1 reads differently raw",
          "[quoting]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"a\xC2\x85"
         "b",
         "\"a\\Nb\""},
        {"a\xE2\x80\xA8"
         "b",
         "\"a\\Lb\""},
        {"a\xE2\x80\xA9"
         "b",
         "\"a\\Pb\""},
        {"a\xC2\x80"
         "b\xC2\x9F",
         "\"a\\x80b\\x9f\""},
        {"\xC2\xA0\xE2\x80\xA7\xC3\xA9", "\"\xC2\xA0\xE2\x80\xA7\xC3\xA9\""},  // no-break space, U+2027, é: as they are
    };
    for (const auto& [value, expected] : cases) {
        const std::string rendered = store::yaml_quoted(value);
        INFO("[" << rendered << "]");
        CHECK(rendered == expected);
        // cspr reads it back as the same text.
        CHECK(store::parse_document("key: " + rendered + "\n", "f.yaml").find("key")->scalar == value);
        // Never plain, never a | block: both would carry the raw character.
        if (expected.find('\\') != std::string::npos) CHECK(store::yaml_scalar(value).front() == '"');
    }
    store::YamlWriter w("x.schema.json", 1);
    w.text("note", "first\nsecond\xE2\x80\xA8third\n");
    CHECK(w.str().find("\xE2\x80\xA8") == std::string::npos);
}
