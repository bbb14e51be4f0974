// src/rules/report_details.cpp: the identifying details a case records, and a final report that gives
// one away in a form a reader would recognise (docs/report-shape.md "Identifying details").
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // findings print as {line, problem}
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cspr/field_tables.hpp"
#include "cspr/rules.hpp"
#include "report_testing.hpp"

using cspr::rules::identifying_details;
using cspr::testing::day;
using cspr::testing::example_details;
using cspr::testing::Findings;
using cspr::testing::report;
using cspr::testing::run;

// ---- identifying_details -------------------------------------------------------------------------

TEST_CASE("identifying_details: names whole and in parts, dates, addresses, postcodes; each text once") {
    const auto details = example_details();
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"child's name", "Robin Example"},
        {"child's name", "Robin"},
        {"child's name", "Example"},
        {"date of birth", "2019-04-02"},
        {"date of death", "2025-03-01"},
        {"address", "1 Example Row, Northdale, ND1 2AB"},
        {"address", "1 Example Row"},
        {"postcode", "ND1 2AB"},
        {"family member's name", "Jo Example"},  // "Jo" alone is too short; "Example" is already there
        {"date of birth", "1995-07-14"},
        {"family member's name", "Sam Example"},
        {"family member's name", "Sam"},
    };
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& d : details) got.emplace_back(d.kind, d.text);
    CHECK(got == expected);
}

TEST_CASE("identifying_details: none without a referral") {
    CHECK(identifying_details(cspr::model::Case{.id = "NDSCP-2025-009"}).empty());
}

TEST_CASE("identifying_details: titles dropped, hyphenated parts, flats, postcodes written together") {
    cspr::model::Referral r;
    r.child.name = "Mary-Jane O'Hara";
    r.child.home_address = "Flat 3, 12 High Street, Southtown, sw1a1aa";
    r.family.push_back({.name = "Mrs Al Li"});
    r.family.push_back({.name = "Dr Ed"});
    const auto details = identifying_details(cspr::model::Case{.referral = r});
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& d : details) got.emplace_back(d.kind, d.text);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"child's name", "Mary-Jane O'Hara"},
        {"child's name", "Mary"},
        {"child's name", "Jane"},
        {"child's name", "O'Hara"},
        {"address", "Flat 3, 12 High Street, Southtown, sw1a1aa"},
        {"address", "Flat 3, 12 High Street"},
        {"postcode", "SW1A 1AA"},
        {"family member's name", "Al Li"},  // "Mrs" is a title; "Al" and "Li" are too short alone
    };                                      // "Dr Ed" is "Ed": too short
    CHECK(got == expected);
}

// ---- Identifying details ---------------------------------------------------------------------------

TEST_CASE("check_report: names are found case-insensitively, on word boundaries, each part of 3 letters or more") {
    const auto details = example_details();
    const auto detail_lines = [&](const std::string& body) { return run(report() + "\n" + body, details); };
    CHECK(detail_lines("robin was there.\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("ROBIN'S school.\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("Robin\xE2\x80\x99s school.\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("**Robin**\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("Robinson and Robins and Examples and Samantha and Jo and jo.\n").empty());
    CHECK(detail_lines("for example, Sam said\n") ==
          Findings{{19, "identifying detail: child's name"}, {19, "identifying detail: family member's name"}});
    // The whole name is one finding, not three.
    CHECK(detail_lines("Robin Example\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("Robin\xC2\xA0"
                       "Example and robin  example\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("Jo Example\n") == Findings{{19, "identifying detail: family member's name"}});
    // A name broken across lines: found on both lines.
    CHECK(detail_lines("Robin\nExample\n") ==
          Findings{{19, "identifying detail: child's name"}, {20, "identifying detail: child's name"}});
}

TEST_CASE("check_report: addresses whole or by first line, postcodes with or without the space") {
    const auto details = example_details();
    const auto found = [&](const std::string& body) { return run(report() + "\n" + body + "\n", details); };
    const Findings address = {{19, "identifying detail: address"}};
    const Findings postcode = {{19, "identifying detail: postcode"}};
    CHECK(found("at 1 Example Row, Northdale, ND1 2AB.") == address);  // one finding, not name and postcode too
    CHECK(found("at 1 example row northdale nd1 2ab") == address);
    CHECK(found("at 1 Example Row.") == address);
    CHECK(found("in ND1 2AB") == postcode);
    CHECK(found("in nd12ab") == postcode);
    CHECK(found("in ND1  2AB") == postcode);
    CHECK(found("in ND1 2ABC and XND1 2AB and 11 Example Rows").size() == 1);  // only "Example", as a name
    CHECK(found("in Northdale").empty());
}

// ---- Leak variants a reader would recognise (issue 13) ------------------------------------------------
// tests/report/leaks-caught.txt: "KIND | passage", each passage leaking one detail of the fictional
// case below, which publish-check must report as that kind; tests/report/clean-passages.txt: one
// passage a line, none of which may give any identifying-detail finding. '#' lines are comments.

namespace {

cspr::model::Case leaks_case() {
    cspr::model::Referral r;
    r.id = "NDSCP-2025-031";
    r.child.name = "Robin 'Bobby' O'Brien";
    r.child.date_of_birth = day("2019-04-02");
    r.child.date_of_death = day("2025-03-01");
    r.child.incident_date = day("2025-03-01");
    r.child.home_address = "Flat 3, 12 Nowhere Lane, Northdale, ND1 2AB";
    r.child.whereabouts = "Staying with her grandmother at 7 Larkspur Close, Southtown, ST4 9QZ";
    r.child.carer = "Maternal grandmother, Ada Rose Hall";
    r.family.push_back({.name = "Jo Green",
                        .relationship = "mother",
                        .date_of_birth = day("1995-07-14"),
                        .address = "Flat 3, 12 Nowhere Lane, Northdale, ND1 2AB"});
    r.family.push_back({.name = "Sam Whitlock", .relationship = "mother's partner"});
    r.agencies.push_back({.name = "Pat Sample", .agency = "Northdale Health Visiting"});
    r.agencies.push_back({.name = "Lee Placeholder", .agency = "Oakwood Primary School"});
    r.agencies.push_back({.name = "Kim Notreal", .agency = "Riverside Academy"});
    r.agencies.push_back({.name = "Drew Madeup", .agency = "Little Acorns Nursery"});
    r.agencies.push_back({.name = "Morgan Fakename", .agency = "Northdale Primary School"});  // named only by the area
    return cspr::model::Case{.id = "NDSCP-2025-031", .referral = r};
}

std::vector<std::pair<int, std::string>> read_lines(const std::string& name) {
    std::ifstream in(std::string(CSPR_SOURCE_DIR) + "/tests/report/" + name);
    REQUIRE(in.good());
    std::vector<std::pair<int, std::string>> out;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
        if (!line.empty() && line[0] != '#') out.emplace_back(number, line);
    return out;
}

}  // namespace

TEST_CASE("check_report: every leak variant in the corpus is caught, as the detail it leaks") {
    const auto details = identifying_details(leaks_case());
    const auto entries = read_lines("leaks-caught.txt");
    CHECK(entries.size() >= 60);
    std::string missed;
    int misses = 0;
    for (const auto& [number, line] : entries) {
        const std::size_t bar = line.find(" | ");
        REQUIRE(bar != std::string::npos);
        const std::string kind = line.substr(0, bar), passage = line.substr(bar + 3);
        const Findings f = run(report() + "\n" + passage + "\n", details);
        const bool caught =
            std::find(f.begin(), f.end(), std::pair<int, std::string>{19, "identifying detail: " + kind}) != f.end();
        if (!caught) {
            ++misses;
            missed += "leaks-caught.txt:" + std::to_string(number) + ": " + kind + " not caught\n";
        }
    }
    INFO(misses << " of " << entries.size() << " missed\n" << missed);
    CHECK(missed.empty());
}

TEST_CASE("check_report: no passage of the clean corpus gives an identifying-detail finding") {
    const auto details = identifying_details(leaks_case());
    const auto entries = read_lines("clean-passages.txt");
    CHECK(entries.size() >= 30);
    std::string flagged;
    for (const auto& [number, passage] : entries)
        for (const auto& [line, problem] : run(report() + "\n" + passage + "\n", details))
            if (problem.rfind("identifying detail", 0) == 0)
                flagged += "clean-passages.txt:" + std::to_string(number) + ": " + problem + "\n";
    INFO(flagged);
    CHECK(flagged.empty());
}

// ---- The field tables drive the search (issue 14) ----------------------------------------------------
// publish-check searches for what the referral's table tags identifies(): these tests fill every
// personal row with a value of its own and write each into a report, so a personal row added to the
// table is searched for, or deliberately listed below as not, and cannot be forgotten.

namespace {

using cspr::model::Detail;
using cspr::model::Meta;

// A row of referral.yaml's table or of a table nested in it, with its path ("family[].name") and
// where its value is, if text or a date. A list gets one item, so that its rows are visited.
struct ReferralRow {
    std::string path;
    Meta meta;
    std::string* text = nullptr;
    std::optional<cspr::model::Date>* date = nullptr;
};

class ReferralRows {
public:
    ReferralRows(std::string prefix, std::vector<ReferralRow>& out) : prefix_(std::move(prefix)), out_(out) {}

    template <class T>
    void operator()(T& value, const Meta& meta, cspr::model::Check<T> = nullptr) {
        const std::string path = prefix_ + std::string(meta.key);
        if constexpr (std::is_same_v<T, std::string>) {
            out_.push_back({path, meta, &value, nullptr});
        } else if constexpr (std::is_same_v<T, std::optional<cspr::model::Date>>) {
            out_.push_back({path, meta, nullptr, &value});
        } else if constexpr (cspr::model::Described<T>) {
            ReferralRows inner(path + ".", out_);
            fields(inner, value);
        } else if constexpr (requires {
                                 typename T::value_type;
                                 value.resize(1);
                             }) {
            if constexpr (cspr::model::Described<typename T::value_type>) {
                value.resize(1);
                ReferralRows inner(path + "[].", out_);
                fields(inner, value[0]);
            } else {
                out_.push_back({path, meta});
            }
        } else {
            out_.push_back({path, meta});
        }
    }
    template <class X, class F>
    void group(const Meta& meta, X, F&& describe) {
        ReferralRows inner(prefix_ + std::string(meta.key) + ".", out_);
        describe(inner);
    }
    template <class T>
    void codec(T&, const Meta& meta, const cspr::model::Codec<T>&) {
        out_.push_back({prefix_ + std::string(meta.key), meta});
    }
    void extras(cspr::model::Extras&) {}

private:
    std::string prefix_;
    std::vector<ReferralRow>& out_;
};

std::vector<ReferralRow> referral_rows(cspr::model::Referral& r) {
    std::vector<ReferralRow> rows;
    ReferralRows visitor("", rows);
    fields(visitor, r);
    return rows;
}

// The personal rows of referral.yaml that publish-check does not search a report for, and why.
const std::map<std::string, std::string> kNotSearched = {
    {"referrer.contact", "a professional's email or phone"},
    {"child.ethnicity", "shared by many, and a report may discuss it"},
    {"child.faith", "shared by many, and a report may discuss it"},
    {"child.disability", "a report may discuss it"},
    {"other_children[].ethnicity", "shared by many, and a report may discuss it"},
    {"other_children[].faith", "shared by many, and a report may discuss it"},
    {"other_children[].disability", "a report may discuss it"},
    {"family[].relationship", "\"mother\": every report says it"},
    {"family[].legal_status", "\"arrested\": a report may say it"},
    {"family[].ethnicity", "shared by many, and a report may discuss it"},
    {"agencies[].contact", "a professional's email or phone"},
};

// A word of its own for row n and part k, in no dictionary and in no other row: "Quilbazov".
std::string word(std::size_t n, int k) {
    return std::string(k == 0 ? "Quil" : "Zorv") + char('a' + n % 26) + char('a' + n / 26 % 26) +
           (k == 0 ? "zov" : "ick");
}

// A value for row n, as its tag says the row identifies someone; a name for an untagged row.
std::string distinctive(std::size_t n, Detail how) {
    switch (how) {
        case Detail::none:
        case Detail::name:
        case Detail::practitioner: return word(n, 0) + " " + word(n, 1);
        case Detail::date: return "2011-01-" + std::string(n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1);
        case Detail::address: return std::to_string(n + 2) + " " + word(n, 0) + " Road, " + word(n, 1) + ", QZ9 9ZZ";
        case Detail::names_in_text: return "Maternal aunt, " + word(n, 0) + " " + word(n, 1);
        case Detail::place:
            return "Staying with " + word(n, 0) + " at " + std::to_string(n + 2) + " " + word(n, 1) +
                   " Close, Southtown";
        case Detail::school: return word(n, 0) + " Primary School";
    }
    return "";
}

}  // namespace

// The tag is a constant, as the rest of a row's Meta is.
static_assert(cspr::model::opt("k", "About.").personal().identifies(Detail::name, "child's name").detail ==
              Detail::name);

TEST_CASE("field tables: every referral row tagged identifies() is personal, but a school, and names its kind") {
    cspr::model::Referral r;
    int tagged = 0;
    for (const ReferralRow& row : referral_rows(r)) {
        if (row.meta.detail == Detail::none) continue;
        ++tagged;
        INFO(row.path);
        CHECK(!row.meta.detail_kind.empty());
        // A school's name is the agency's, shown by default: it identifies only where the child went.
        CHECK((row.meta.is_personal || row.meta.detail == Detail::school));
        CHECK((row.text != nullptr || row.date != nullptr));  // a tag is only read on text or a date
    }
    CHECK(tagged >= 11);
}

TEST_CASE("field tables: every personal referral row, written into a report, is found as its kind") {
    cspr::model::Referral r;
    auto rows = referral_rows(r);
    struct Expected {
        std::string path, passage, kind;  // kind: "" for an untagged row, which must give some finding
    };
    std::vector<Expected> expected;
    for (std::size_t n = 0; n < rows.size(); ++n) {
        const ReferralRow& row = rows[n];
        if (!row.meta.is_personal && row.meta.detail == Detail::none) continue;
        if (kNotSearched.count(row.path) != 0) {
            CHECK(row.meta.detail == Detail::none);  // listed as not searched, yet tagged
            continue;
        }
        INFO(row.path);
        REQUIRE((row.text != nullptr || row.date != nullptr));  // a personal row that is neither text nor a date
        const std::string value = distinctive(n, row.date != nullptr ? Detail::date : row.meta.detail);
        if (row.text) *row.text = value;
        else *row.date = day(value.c_str());
        expected.push_back({row.path, value, std::string(row.meta.detail_kind)});
    }
    CHECK(expected.size() >= 11);
    const auto details = identifying_details(cspr::model::Case{.id = "NDSCP-2025-099", .referral = r});
    for (const Expected& e : expected) {
        INFO(e.path << " (" << (e.kind.empty() ? "untagged: tag it identifies() or list it as not searched" : e.kind)
                    << "): " << e.passage);
        const Findings f = run(report() + "\n" + e.passage + "\n", details);
        const bool found = std::any_of(f.begin(), f.end(), [&](const auto& finding) {
            return finding.first == 19 && (e.kind.empty() ? finding.second.rfind("identifying detail: ", 0) == 0
                                                          : finding.second == "identifying detail: " + e.kind);
        });
        CHECK(found);
    }
}

TEST_CASE("field tables: the rows listed as not searched are rows of the referral") {
    cspr::model::Referral r;
    const auto rows = referral_rows(r);
    for (const auto& [path, why] : kNotSearched) {
        INFO(path);
        CHECK(std::any_of(rows.begin(), rows.end(),
                          [&](const ReferralRow& row) { return row.path == path && row.meta.is_personal; }));
    }
}
