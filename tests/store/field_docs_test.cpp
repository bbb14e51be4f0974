// src/store/field_docs.cpp: the docs' field tables, the fuzzer's dictionary and the personal keys,
// each made from the field tables (cspr/field_tables.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "cspr/field_docs.hpp"
#include "cspr/rules.hpp"

namespace store = cspr::store;
namespace model = cspr::model;

namespace {

std::string docs(std::string_view kind) {
    return store::markdown_fields(*model::find_file_kind(kind), cspr::rules::field_choices());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    const auto all = lines_of(text);
    return std::find(all.begin(), all.end(), line) != all.end();
}

}  // namespace

TEST_CASE("personal_keys: the personal rows of every table, sorted, once each") {
    const auto& keys = store::personal_keys();
    const auto has = [&](const char* key) { return std::binary_search(keys.begin(), keys.end(), std::string(key)); };
    REQUIRE(std::is_sorted(keys.begin(), keys.end()));
    REQUIRE(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    CHECK(has("name"));           // referrer, child, family, agencies, sign-offs, reviewers
    CHECK(has("date_of_birth"));  // child and family
    CHECK(has("relationship"));   // family only
    CHECK(has("legal_status"));
    CHECK_FALSE(has("agency"));         // not personal
    CHECK_FALSE(has("narrative"));      // free text, not personal
    CHECK_FALSE(has("incident_date"));  // a date of the case, not of a person
}

TEST_CASE("markdown_fields: a header, then schema_version first") {
    const auto lines = lines_of(docs("referral"));
    REQUIRE(lines.size() > 3);
    CHECK(lines[0] == "| key | type | required | meaning |");
    CHECK(lines[1] == "| --- | --- | --- | --- |");
    CHECK(lines[2] == "| `schema_version` | integer, `1` | yes | The version of this file's layout; always 1. |");
}

TEST_CASE("markdown_fields: required, optional and record-only rows") {
    const std::string referral = docs("referral");
    CHECK(has_line(referral,
                   "| `received` | date-time | yes | When the referral was made (starts the 48-hour clock). |"));
    CHECK(has_line(referral, "| `id` | case ID | yes | The case ID, \\<CODE>-\\<YEAR>-\\<NNN>; must equal the case "
                             "folder's name. |"));
    CHECK(has_line(docs("cspr"),
                   "| `git.commit` | boolean | no (false) | Every writing command commits the files it wrote. |"));
}

TEST_CASE("markdown_fields: nested keys dotted, list items after [], a keyed mapping's entries after a placeholder") {
    const std::string referral = docs("referral");
    CHECK(has_line(referral, "| `child` | mapping | yes | The child the referral is about. |"));
    CHECK(has_line(referral, "| `child.date_of_birth` | date | no | The child's date of birth. (personal) |"));
    CHECK(has_line(referral, "| `family[].name` | text | yes | The person's name. (personal) |"));
    CHECK(has_line(docs("actions"), "| `actions[].history[].recorded` | date | yes | The day cspr recorded the change "
                                    "(today, or --as-of). |"));
    CHECK(has_line(docs("cspr"), "| `timescales.<rule>.length` | integer | no (the rule's own) | The length of the "
                                 "timescale, in units (0 or more; at most about a century); given with unit. |"));
}

TEST_CASE("markdown_fields: types from spellings, choices, defs and the row's own docs type") {
    const std::string referral = docs("referral");
    CHECK(has_line(referral, "| `child.child_protection_plan` | `current`, `previous`, `never`, `unknown` | yes | "
                             "Whether the child is or was subject to a child protection plan. |"));
    CHECK(has_line(referral, "| `criteria` | list of criterion ids | yes | Which criteria of the referral form apply, "
                             "each at most once (may be empty). |"));
    CHECK(has_line(referral, "| `narrative` | text | yes | The events and circumstances that triggered the referral. "
                             "(free text) |"));
    const std::string cspr = docs("cspr");
    CHECK(has_line(cspr, "| `code` | 2–12 capital letters | yes | The partnership's code, used in case IDs. |"));
    CHECK(cspr.find("| `region` | `england-and-wales`, ") != std::string::npos);
    CHECK(docs("notification").find("| `recipients[].recipient` | `panel`, ") != std::string::npos);  // rules' choices
}

TEST_CASE("markdown_fields: every row has four cells") {
    for (const auto& kind : model::kFileKinds) {
        for (const auto& line : lines_of(docs(kind.name))) {
            INFO(line);
            std::size_t bars = 0;
            for (std::size_t i = 0; i < line.size(); ++i)
                if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++bars;
            CHECK(bars == 5);
        }
    }
}

TEST_CASE("fuzz_dictionary: keys, spellings and criterion ids, each a quoted entry, sorted and unique") {
    const auto lines = lines_of(store::fuzz_dictionary());
    std::vector<std::string> entries;
    for (const auto& l : lines) {
        if (l.starts_with("#")) continue;
        INFO(l);
        REQUIRE((l.size() > 2 && l.front() == '"' && l.back() == '"'));
        entries.push_back(l);
    }
    CHECK(std::is_sorted(entries.begin(), entries.end()));
    CHECK(std::adjacent_find(entries.begin(), entries.end()) == entries.end());
    const auto has = [&](const char* e) { return std::find(entries.begin(), entries.end(), e) != entries.end(); };
    CHECK(has("\"schema_version\""));
    CHECK(has("\"date_of_birth\""));                    // a nested key
    CHECK(has("\"local_authority\""));                  // a partner's key in a group
    CHECK(has("\"improvements_needed\""));              // a decision criterion's key
    CHECK(has("\"resident-harmed-outside-england\""));  // an enumeration's spelling
    CHECK(has("\"england-and-wales\""));                // a region
    CHECK(has("\"cp-plan\""));                          // a referral criterion id
}
