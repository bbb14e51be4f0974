// src/store/map_reader.cpp: comments found in a file (which block its rewrite), and the line of a
// field for messages that point at it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <yaml-cpp/yaml.h>

#include "cspr/store.hpp"
#include "store/map_reader.hpp"
#include "store_testing.hpp"

namespace fs = std::filesystem;
namespace store = cspr::store;
using cspr::testing::kDefaultFolder;
using cspr::testing::kReferral;
using cspr::testing::replace_once;
using cspr::testing::slurp;
using cspr::testing::spit;
using cspr::testing::TempDir;
using store::Diagnostics;

// ---- first_comment_line ---------------------------------------------------------------------

TEST_CASE("first_comment_line finds comments and only comments", "[comments]") {
    const std::string modeline = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n";
    CHECK_FALSE(store::first_comment_line(modeline + "schema_version: 1\nid: X\n").has_value());
    CHECK_FALSE(store::first_comment_line("").has_value());

    // A comment on its own line.
    CHECK(store::first_comment_line(modeline + "schema_version: 1\n# note\nid: X\n") == 3);
    CHECK(store::first_comment_line(modeline + "a: 1\nb:\n  c: 2\n    # indented note\n") == 5);
    // After a value.
    CHECK(store::first_comment_line(modeline + "schema_version: 1\nid: X # note\n") == 3);
    CHECK(store::first_comment_line(modeline + "a: 1\nlist:\n  - x  # note\n") == 4);
    CHECK(store::first_comment_line(modeline + "a: \"quoted\" # note\n") == 2);
    // The first one, when there are several.
    CHECK(store::first_comment_line(modeline + "a: 1\n# one\n# two\n") == 3);
    // A comment on line 1 that is not the modeline counts.
    CHECK(store::first_comment_line("# my own note\na: 1\n") == 1);
    // The modeline anywhere but line 1 is just a comment.
    CHECK(store::first_comment_line("a: 1\n" + modeline) == 2);

    // Not comments: `#` inside quotes, inside a | block, or not after a space.
    CHECK_FALSE(store::first_comment_line(modeline + "a: \"x # y\"\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: 'x # y'\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: \"say \\\" # y\"\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: x#y\nb: http://e.org/#top\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: O'Brien\nb: it's\n").has_value());
    CHECK_FALSE(
        store::first_comment_line(modeline + "narrative: |\n  line\n  # not a comment\n\n  more # text\n").has_value());
    CHECK_FALSE(
        store::first_comment_line(modeline + "child:\n  notes: |-\n    # heading\n    text\n  carer: M\n").has_value());
    CHECK_FALSE(
        store::first_comment_line(modeline + "family:\n  - notes: |+\n      # x\n\n    name: Jo\n").has_value());
    CHECK_FALSE(store::first_comment_line(modeline + "a: >\n  # folded\n").has_value());

    // After a block ends, comments count again.
    CHECK(store::first_comment_line(modeline + "narrative: |\n  text\n# real note\n") == 4);
    CHECK(store::first_comment_line(modeline + "child:\n  notes: |\n    text\n  # real note\n") == 5);
    // A quoted value then a comment.
    CHECK(store::first_comment_line(modeline + "a: \"x # y\" # real\n") == 2);
    CHECK(store::first_comment_line(modeline + "a: 'x # y' # real\n") == 2);
    CHECK(store::first_comment_line(modeline + "a: O'Brien # real\n") == 2);
    // A missing final newline does not hide a comment.
    CHECK(store::first_comment_line(modeline + "a: 1\n# end") == 3);
}

// ---- line_of_field ---------------------------------------------------------------------------

TEST_CASE("line_of_field finds dotted fields and falls back to the parent's line", "[lines]") {
    const std::string text = "# yaml-language-server: $schema=../../schemas/notification.schema.json\n"  // 1
                             "schema_version: 1\n"                                                       // 2
                             "id: NDSCP-2025-001\n"                                                      // 3
                             "child:\n"                                                                  // 4
                             "  name: Robin\n"                                                           // 5
                             "  date_of_death: \"2025-03-01\"\n"                                         // 6
                             "recipients:\n"                                                             // 7
                             "  - recipient: panel\n"                                                    // 8
                             "    rule: notify-panel\n"                                                  // 9
                             "    sent: \"2025-03-10\"\n"                                                // 10
                             "  - recipient: partners\n"                                                 // 11
                             "    rule: notify-partners\n"                                               // 12
                             "    sent: \"2025-03-12\"\n"                                                // 13
                             "  - recipient: cdr-partners\n"                                             // 14
                             "    rule: notify-cdr\n";                                                   // 15
    CHECK(store::line_of_field(text, "id") == 3);
    CHECK(store::line_of_field(text, "child.date_of_death") == 6);
    CHECK(store::line_of_field(text, "child.name") == 5);
    CHECK(store::line_of_field(text, "recipients[0].sent") == 10);
    CHECK(store::line_of_field(text, "recipients[1].sent") == 13);
    CHECK(store::line_of_field(text, "recipients[1].rule") == 12);
    CHECK(store::line_of_field(text, "recipients[2].recipient") == 14);
    // Missing: the nearest enclosing field's line.
    CHECK(store::line_of_field(text, "recipients[2].sent") == 14);             // the item
    const int child_line = store::line_of_field(text, "child.date_of_birth");  // `child:` 4, its mapping 5
    CHECK((child_line == 4 || child_line == 5));
    const int list_line = store::line_of_field(text, "recipients[7].sent");  // `recipients:` 7, the list 8
    CHECK((list_line == 7 || list_line == 8));
    CHECK(store::line_of_field(text, "child.name.first") == 5);
    // Not a YAML text at all.
    CHECK(store::line_of_field("a: [1, 2\n", "a") == 0);
}

// Regression: a key left blank (`name:`) was placed on the line after it, where its null value's
// mark points, in both the canonical reader and yaml-cpp (a tab or a flow map sends it there).
TEST_CASE("line_of_field puts a blank key on its own line", "[lines]") {
    const std::string text = "child:\n"            // 1
                             "  name:\n"           // 2
                             "  date_of_death:\n"  // 3
                             "family:\n"           // 4
                             "  - name:\n"         // 5
                             "    role: mother\n"  // 6
                             "last:\n";            // 7
    for (const std::string& t : {text, text + "other: {a: 1}\n"}) {
        CHECK(store::line_of_field(t, "child.name") == 2);
        CHECK(store::line_of_field(t, "child.date_of_death") == 3);
        CHECK(store::line_of_field(t, "family[0].name") == 5);
        CHECK(store::line_of_field(t, "last") == 7);
        CHECK(store::line_of_field(t, "child.date_of_birth") == 1);  // missing: its parent's key
    }
}

TEST_CASE("line_of_field agrees with the lines that parse errors report", "[lines]") {
    const std::string text = replace_once(kReferral, "\"2019-04-02\"", "\"2019-02-30\"");
    Diagnostics collect(Diagnostics::Mode::collect);
    (void)store::parse_referral(text, "r.yaml", collect);
    REQUIRE(collect.problems().size() == 1);
    const auto& p = collect.problems()[0];
    CHECK(p.where().field == "child.date_of_birth");
    CHECK(p.where().line == 11);
    CHECK(store::line_of_field(text, "child.date_of_birth") == 11);
    CHECK(store::line_of_field(text, "family[0].relationship") == 17);
    CHECK(store::line_of_field(text, "criteria[1]") == 20);
}

// ---- Regressions ---------------------------------------------------------------------------------

// A `|` block that is the value of a list item's first key (`- notes: |`) ends where the item's next
// key begins, at the key's column (4 here), not at the dash's (2). A comment on that next key's line
// must still be found, or write_case_file would silently drop an analyst's note.
TEST_CASE("first_comment_line_misses_comment_after_block_in_list_item", "[comments][regression]") {
    const std::string modeline = "# yaml-language-server: $schema=../../schemas/referral.schema.json\n";
    const std::string text = modeline + "family:\n"                        // 2
                                        "  - legal_status: |\n"            // 3
                                        "      Arrested\n"                 // 4
                                        "    name: Jo Example  # check\n"  // 5
                                        "    relationship: mother\n";      // 6
    // yaml-cpp agrees that line 5 is a key of the same item, not part of the block.
    const YAML::Node doc = YAML::Load(text);
    REQUIRE(doc["family"][0]["name"].Scalar() == "Jo Example");
    REQUIRE(doc["family"][0]["legal_status"].Scalar() == "Arrested\n");
    CHECK(store::first_comment_line(text) == 5);

    TempDir tmp;
    const fs::path file = tmp.path / "referral.yaml";
    spit(file, text);
    CHECK_THROWS_AS(store::write_case_file(kDefaultFolder, file, "schema_version: 1\n"), cspr::Error);
    CHECK(slurp(file) == text);
}
