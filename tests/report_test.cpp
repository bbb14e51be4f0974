// Unit tests for the final-report checks of `cspr publish-check` (include/cspr/rules.hpp, "The final
// report"), written from docs/report-shape.md and Working Together 2018 ch. 4 "Expectations for the
// final report", and the example reports in scripts/example-reports/ with their expected findings.
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // findings print as {line, problem}
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"

using cspr::rules::check_report;
using cspr::rules::IdentifyingDetail;
using cspr::rules::identifying_details;
using cspr::rules::ReportFinding;

namespace {

using Findings = std::vector<std::pair<int, std::string>>;

Findings run(const std::string& text, const std::vector<IdentifyingDetail>& details = {}) {
    Findings out;
    for (const ReportFinding& f : check_report(text, details)) out.emplace_back(f.line, f.problem);
    return out;
}

// The lines of the findings whose problem starts with `prefix`.
std::vector<int> lines_of(const Findings& findings, const std::string& prefix) {
    std::vector<int> lines;
    for (const auto& [line, problem] : findings)
        if (problem.rfind(prefix, 0) == 0) lines.push_back(line);
    return lines;
}

std::string read(const std::string& name) {
    std::ifstream in(std::string(CSPR_SOURCE_DIR) + "/scripts/example-reports/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

cspr::model::Date day(const char* iso) { return *cspr::calendar::parse_iso_date(iso); }

// The fictional case NDSCP-2025-001 (cases-example/cases/NDSCP-2025-001/referral.yaml).
cspr::model::Case example_case() {
    cspr::model::Referral r;
    r.id = "NDSCP-2025-001";
    r.child.name = "Robin Example";
    r.child.date_of_birth = day("2019-04-02");
    r.child.date_of_death = day("2025-03-01");
    r.child.incident_date = day("2025-03-01");
    r.child.home_address = "1 Example Row, Northdale, ND1 2AB";
    r.family.push_back({.name = "Jo Example", .relationship = "mother", .date_of_birth = day("1995-07-14"),
                        .address = "1 Example Row, Northdale, ND1 2AB"});
    r.family.push_back({.name = "Sam Example", .relationship = "mother's partner"});
    return cspr::model::Case{.id = "NDSCP-2025-001", .referral = r};
}

std::vector<IdentifyingDetail> example_details() { return identifying_details(example_case()); }

// A report with every section; `recommendations` replaces the list.
std::string report(const std::string& recommendations = "- Northdale Police: do X by June 2026.\n") {
    return "# Review\n"
           "\n"
           "## Reviewer\n"
           "\n"
           "Kit Imaginary\n"
           "\n"
           "## Summary of recommended improvements\n"
           "\n"
           "Text.\n"
           "\n"
           "## Analysis\n"
           "\n"
           "Text.\n"
           "\n"
           "## Recommendations\n"
           "\n" +
           recommendations;
}

// The shape-related findings of a report whose recommendations are `items`.
Findings recommendation_findings(const std::string& items) { return run(report(items)); }

const char* const kWho = "recommendation does not say who (";
const char* const kWhen = "recommendation does not say by when (";
const char* const kNeither = "recommendation does not say who or by when (";

}  // namespace

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

// ---- Required sections ---------------------------------------------------------------------------

TEST_CASE("check_report: a report with every section and no detail has no findings") {
    CHECK(run(report()).empty());
    CHECK(run(report(), example_details()).empty());
}

TEST_CASE("check_report: an empty report misses everything, each once, as the whole report") {
    const Findings f = run("");
    REQUIRE(f.size() == 4);
    for (const auto& [line, problem] : f) CHECK(line == 0);
    CHECK(lines_of(f, "missing section: a summary of recommended improvements").size() == 1);
    CHECK(lines_of(f, "missing section: an analysis").size() == 1);
    CHECK(lines_of(f, "reviewer not named").size() == 1);
    CHECK(lines_of(f, "missing section: Recommendations").size() == 1);
}

TEST_CASE("check_report: the summary heading needs 'summary' and 'improvement' or 'recommend'") {
    std::string text = report();
    const std::string heading = "## Summary of recommended improvements";
    const auto with = [&](const std::string& h) {
        std::string t = text;
        t.replace(t.find(heading), heading.size(), h);
        return lines_of(run(t), "missing section: a summary").size();
    };
    CHECK(with("## SUMMARY OF IMPROVEMENTS") == 0);
    CHECK(with("### 2. Improvements: a summary") == 0);
    CHECK(with("# Summary of recommendations") == 0);
    CHECK(with("## Summary") == 1);
    CHECK(with("## Improvements needed") == 1);
    CHECK(with("Summary of improvements") == 1);  // not a heading: text under a Markdown heading
}

TEST_CASE("check_report: the analysis heading needs 'systemic', 'underlying' or 'analysis'") {
    std::string text = report();
    const auto with = [&](const std::string& h) {
        std::string t = text;
        t.replace(t.find("## Analysis"), 11, h);
        return lines_of(run(t), "missing section: an analysis").size();
    };
    CHECK(with("## Systemic findings") == 0);
    CHECK(with("## The underlying reasons") == 0);
    CHECK(with("## ANALYSIS OF PRACTICE") == 0);
    CHECK(with("## Findings") == 1);
}

TEST_CASE("check_report: Setext headings and plain-text reports") {
    const std::string setext =
        "Reviewer\n========\n\nKit Imaginary\n\nSummary of improvements\n-----------------------\n\nText.\n\n"
        "Systemic analysis\n-----------------\n\nText.\n\nRecommendations\n---------------\n\n- Northdale Police: X by June 2026.\n";
    CHECK(run(setext).empty());
    const std::string plain =
        "Local child safeguarding practice review\n\nReviewer\n\nKit Imaginary\n\nSummary of improvements\n\nText.\n\n"
        "Underlying reasons\n\nText of the analysis, over a long line that ends with a full stop.\n\nRecommendations:\n"
        "1. Northdale Police: X by June 2026.\n2. Y.\n";
    CHECK(run(plain) == Findings{{17, "recommendation does not say who or by when (name the agency first, e.g. \"Northdale Police: ...\", and give a date)"}});
}

TEST_CASE("check_report: a wholly bold line counts as a heading in a Markdown report") {
    std::string text = report();
    text.replace(text.find("## Analysis"), 11, "**Analysis**");
    CHECK(run(text).empty());
}

TEST_CASE("check_report: headings inside a code fence do not count") {
    std::string text = report();
    text.replace(text.find("## Analysis"), 11, "```\n## Analysis\n```");
    CHECK(lines_of(run(text), "missing section: an analysis").size() == 1);
}

// ---- Reviewer --------------------------------------------------------------------------------------

TEST_CASE("check_report: the reviewer is named under a heading or on a line 'Reviewer: name'") {
    const auto reviewer_findings = [](const std::string& reviewer_part) {
        std::string text = report();
        text.replace(text.find("## Reviewer\n\nKit Imaginary\n"), 27, reviewer_part);
        return run(text);
    };
    CHECK(reviewer_findings("## The reviewers\n\nKit Imaginary and Jules Madeup\n").empty());
    CHECK(reviewer_findings("Reviewer: Kit Imaginary\n").empty());
    CHECK(reviewer_findings("**Lead reviewer:** Kit Imaginary\n").empty());
    CHECK(reviewer_findings("- Independent reviewer: Kit Imaginary\n").empty());
    CHECK(reviewer_findings("## Reviewer: Kit Imaginary\n").empty());
    // A heading with nothing under it before the next heading: reported at the heading.
    CHECK(reviewer_findings("## Reviewer\n\n") == Findings{{3, "reviewer not named: nothing follows the reviewer heading"}});
    CHECK(reviewer_findings("Reviewer:\n") ==
          Findings{{0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line \"Reviewer: name\")"}});
    // "The reviewer met the family" is prose, not the reviewer's name.
    CHECK(lines_of(reviewer_findings("The reviewer met the family: twice, in their home.\n"), "reviewer not named").size() == 1);
}

TEST_CASE("check_report: an analysis heading mentioning the reviewer does not name the reviewer") {
    const std::string text =
        "## Summary of improvements\n\nText.\n\n## Analysis by the reviewer\n\nText.\n\n## Recommendations\n\n"
        "- Northdale Police: X by June 2026.\n";
    CHECK(run(text) == Findings{{0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line \"Reviewer: name\")"}});
}

// ---- Recommendations -------------------------------------------------------------------------------

TEST_CASE("check_report: who: an agency before a colon, 'Owner: X', or a capitalised name then a verb") {
    const std::vector<std::string> good = {
        "- Northdale Police: review the policy by June 2026.\n",
        "\xE2\x80\xA2 Northdale Police: review the policy by June 2026.\n",  // a bullet pasted from a word processor
        "* **Northdale Health Visiting**: review the policy by June 2026.\n",
        "1. Recommendation 1: Northdale Police: review the policy by June 2026.\n",
        "1. R1. Northdale Police should review the policy by June 2026.\n",
        "- Review the policy by June 2026. Owner: Northdale Police\n",
        "- Review the policy by June 2026.\n  Lead agency: Northdale Police\n",
        "- Northdale Police should review the policy by June 2026.\n",
        "- The Safeguarding Children Partnership will review the policy by June 2026.\n",
        "- Northdale Police, Health Visiting and Education to review the policy by June 2026.\n",
        "- The ICB should review the policy by June 2026.\n",
        "- NDSCP must review the policy by June 2026.\n",
    };
    for (const auto& item : good) {
        INFO(item);
        CHECK(recommendation_findings(item).empty());
    }
    const std::vector<std::string> bad = {
        "- Review the policy by June 2026.\n",
        "\xE2\x80\xA2 Review the policy by June 2026.\n",
        "- The policy should be reviewed by June 2026.\n",                    // one capitalised word
        "- Training should be delivered by June 2026.\n",                    // one capitalised word
        "- By June 2026: review the policy.\n",                              // a date, not an owner
        "- Action: review the policy by June 2026.\n",                       // a field, not an owner
        "- agencies: review the policy by June 2026.\n",                     // not capitalised
        "- In June 2026 Northdale Police review the policy.\n",              // no verb of obligation
        "- Recommendation 1: review the policy by June 2026.\n",             // a number, not an owner
        "- Northdale Police review the policy by June 2026. Owner: Northdale Police\n",  // ... but this one names one
    };
    for (std::size_t i = 0; i + 1 < bad.size(); ++i) {
        INFO(bad[i]);
        CHECK(lines_of(recommendation_findings(bad[i]), kWho) == std::vector<int>{17});
    }
    CHECK(recommendation_findings(bad.back()).empty());
}

TEST_CASE("check_report: by when: a date, a month and year, or 'within N units of ...'") {
    const std::vector<std::string> good = {
        "- Northdale Police: do X by 2026-06-30.\n",
        "- Northdale Police: do X by 30 June 2026.\n",
        "- Northdale Police: do X by 30th of June, 2026.\n",
        "- Northdale Police: do X by June 2026.\n",
        "- Northdale Police: do X by Sept. 2026.\n",
        "- Northdale Police: do X by June 30, 2026.\n",
        "- Northdale Police: do X by 30/06/2026.\n",
        "- Northdale Police: do X within 6 months of publication.\n",
        "- Northdale Police: do X within three months of this report.\n",
        "- Northdale Police: do X within 10 working days of a referral.\n",
        "- Northdale Police: do X\n  by the end of\n  June 2026.\n",  // the date on a continuation line
        "- Northdale Police: do X within 6 months.\n",          // weeks, months, years alone: from publication
    };
    for (const auto& item : good) {
        INFO(item);
        CHECK(recommendation_findings(item).empty());
    }
    const std::vector<std::string> bad = {
        "- Northdale Police: do X soon.\n",
        "- Northdale Police: do X by 2026-02-30.\n",            // not a real day
        "- Northdale Police: do X in 2026.\n",                  // a year alone is not "by when"
        "- Northdale Police: do X within 5 working days.\n",   // days alone: a service standard, not a deadline
        "- Northdale Police: do X by Junetime 2026.\n",
        "- Northdale Police: do X for 30 children.\n",
    };
    for (const auto& item : bad) {
        INFO(item);
        CHECK(lines_of(recommendation_findings(item), kWhen) == std::vector<int>{17});
    }
}

TEST_CASE("check_report: every bad item is reported by its line, once, and nested bullets belong to their item") {
    const std::string items =
        "1. Northdale Police: do X by June 2026.\n"   // 17
        "2. Do Y.\n"                                  // 18
        "3. Northdale Police: do Z,\n"                // 19
        "   which is explained here.\n"               // 20
        "   - first detail, no date here\n"           // 21
        "   - second detail\n"                        // 22
        "4. Northdale School: do W soon.\n"           // 23
        "\n"
        "* Improve things.\n"                         // 25
        "\n"
        "A closing paragraph, not an item.\n";
    const Findings f = recommendation_findings(items);
    CHECK(lines_of(f, kNeither) == std::vector<int>{18, 25});
    CHECK(lines_of(f, kWhen) == std::vector<int>{19, 23});
    CHECK(f.size() == 4);
}

TEST_CASE("check_report: a Recommendations section runs to the next heading of its level, through subheadings") {
    const std::string items =
        "### Health\n\n- Northdale Health Visiting: do X by June 2026.\n\n"  // 17..19
        "### Recommendation 2\n\n- Do Y.\n\n"                                // 21..23
        "## Appendix\n\n- A list that is not a recommendation.\n";           // 25..27
    CHECK(recommendation_findings(items) == Findings{{23, std::string(kNeither) + "name the agency first, e.g. \"Northdale Police: ...\", and give a date)"}});
}

TEST_CASE("check_report: a Recommendations section without items, or no such section") {
    CHECK(recommendation_findings("Northdale Police should do X by June 2026.\n") ==
          Findings{{15, "the Recommendations section has no list items (write each recommendation as a list item)"}});
    std::string text = report();
    text.replace(text.find("## Recommendations"), 18, "## Next steps");
    CHECK(run(text) == Findings{{0, "missing section: Recommendations (a heading with \"recommendations\", each recommendation a list item)"}});
}

TEST_CASE("check_report: a 'Summary of recommendations' is the list to check only when there is no other") {
    const std::string only_summary =
        "## Reviewer\n\nKit Imaginary\n\n## Analysis\n\nText.\n\n## Summary of recommendations\n\n- Do X.\n";
    CHECK(run(only_summary) == Findings{{11, std::string(kNeither) + "name the agency first, e.g. \"Northdale Police: ...\", and give a date)"}});
    // With a Recommendations section as well, the summary's items are a summary, not checked.
    CHECK(run(only_summary + "\n## Recommendations\n\n- Northdale Police: X by June 2026.\n").empty());
}

// ---- The corpus of real phrasings (tests/report/recommendations-*.txt) ---------------------------

namespace {

struct Phrasing {
    int line = 0;          // in the corpus file
    std::string expect;    // "" (passes), or "who", "when", "neither"
    std::string item;      // as a Markdown list item, continuation lines indented under it
};

// One recommendation per line; an indented line continues the one above; a '#' line names a group,
// and in the failing corpus starts with the finding its group expects ("# when: ...").
std::vector<Phrasing> read_corpus(const std::string& name) {
    std::ifstream in(std::string(CSPR_SOURCE_DIR) + "/tests/report/" + name);
    REQUIRE(in.good());
    std::vector<Phrasing> out;
    std::string line, expect;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        if (line[0] == '#') {
            for (const char* kind : {"who", "when", "neither"})
                if (line.rfind(std::string("# ") + kind + ":", 0) == 0) expect = kind;
        } else if (line[0] == ' ') {
            REQUIRE(!out.empty());
            out.back().item += "   " + line.substr(line.find_first_not_of(' ')) + "\n";
        } else {
            out.push_back({number, expect, "1. " + line + "\n"});
        }
    }
    return out;
}

// What the checker says of one recommendation: "" (no finding), "who", "when", "neither" or "other".
std::string classify(const std::string& item) {
    const Findings f = recommendation_findings(item);
    if (f.empty()) return "";
    if (f.size() > 1) return "other";
    for (const auto& [kind, prefix] : {std::pair{"who", kWho}, std::pair{"when", kWhen}, std::pair{"neither", kNeither}})
        if (f.front().first == 17 && f.front().second.rfind(prefix, 0) == 0) return kind;
    return "other";
}

void check_corpus(const std::string& name, std::size_t at_least) {
    const auto corpus = read_corpus(name);
    CHECK(corpus.size() >= at_least);
    std::string wrong;  // every misclassified phrasing, named by its line, so one run shows them all
    for (const Phrasing& p : corpus)
        if (const std::string got = classify(p.item); got != p.expect)
            wrong += name + ":" + std::to_string(p.line) + ": expected " + (p.expect.empty() ? "no finding" : p.expect) + ", got " +
                     (got.empty() ? "no finding" : got) + "\n" + p.item;
    INFO(wrong);
    CHECK(wrong.empty());
}

}  // namespace

TEST_CASE("check_report: every recommendation in the corpus of real phrasings that says who and by when passes") {
    check_corpus("recommendations-pass.txt", 30);
}

TEST_CASE("check_report: every recommendation in the corpus that lacks an owner or a time fails, for that reason") {
    check_corpus("recommendations-fail.txt", 15);
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
    CHECK(detail_lines("Robin\xC2\xA0" "Example and robin  example\n") == Findings{{19, "identifying detail: child's name"}});
    CHECK(detail_lines("Jo Example\n") == Findings{{19, "identifying detail: family member's name"}});
    // A name broken across lines: found on both lines.
    CHECK(detail_lines("Robin\nExample\n") == Findings{{19, "identifying detail: child's name"}, {20, "identifying detail: child's name"}});
}

TEST_CASE("check_report: dates of birth and death in every common form, and only the right day") {
    const auto details = example_details();
    const auto found = [&](const std::string& body) { return run(report() + "\n" + body + "\n", details); };
    const Findings birth = {{19, "identifying detail: date of birth"}};
    for (const char* form : {"2019-04-02", "2019-04-02T10:30", "2 April 2019", "02 April 2019", "2nd April 2019", "2 Apr 2019", "2nd of April, 2019",
                             "02/04/2019", "2/4/2019", "02/04/19", "2.4.2019", "02-04-2019", "April 2, 2019", "april 2 2019",
                             "Apr. 2nd, 2019", "(2 APRIL 2019)"}) {
        INFO(form);
        CHECK(found(std::string("born ") + form) == birth);
    }
    for (const char* other : {"3 April 2019", "2 April 2020", "April 2019", "12/4/2019", "2/4/20191", "2019-04-021", "4.2.19",
                              "2 April 20190", "2April 2019"}) {
        INFO(other);
        CHECK(found(std::string("born ") + other).empty());
    }
    CHECK(found("died on 1 March 2025") == Findings{{19, "identifying detail: date of death"}});
    CHECK(found("mother born 14/07/1995") == Findings{{19, "identifying detail: date of birth"}});
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

TEST_CASE("check_report: findings are ordered by line, shape findings of the whole report first") {
    const std::string text = "Robin\n\n1 Example Row\n\nborn 2 April 2019\n";
    const Findings f = run(text, example_details());
    REQUIRE(f.size() == 7);
    for (std::size_t i = 0; i < 4; ++i) CHECK(f[i].first == 0);
    CHECK(f[4] == std::pair<int, std::string>{1, "identifying detail: child's name"});
    CHECK(f[5] == std::pair<int, std::string>{3, "identifying detail: address"});
    CHECK(f[6] == std::pair<int, std::string>{5, "identifying detail: date of birth"});
}

TEST_CASE("check_report: a finding never contains the detail or the report's text") {
    const std::string text =
        "# Robin Example, 2 April 2019\n\nRobin lived at 1 Example Row, Northdale, ND1 2AB with Jo Example.\n"
        "ND12AB. 2019-04-02. 02/04/2019. Sam Example.\n\n## Recommendations\n\n- Robin's school: 2019.\n";
    const auto findings = check_report(text, example_details());
    CHECK(findings.size() >= 5);
    for (const auto& f : findings) {
        INFO(f.problem);
        for (const char* secret : {"Robin", "robin", "Example", "example", "2019", "ND1", "nd1", "Row", "Sam", "Jo "})
            CHECK(f.problem.find(secret) == std::string::npos);
    }
}

TEST_CASE("check_report: a file that is not text gets one finding naming what it is, and no other") {
    const std::string zip = std::string("PK\x03\x04\x14\0\x06\0", 8);
    const std::vector<std::pair<std::string, std::string>> files = {
        {zip + "[Content_Types].xml word/document.xml", "this is a Word file (.docx), not text: convert it first, e.g. pandoc final.docx -o final.md"},
        {zip + "mimetypeapplication/vnd.oasis.opendocument.text", "this is an OpenDocument file (.odt), not text: convert it first"},
        {zip + "data.csv", "this is a ZIP file, not text"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "this is a PDF file, not text: convert it first, e.g. pdftotext final.pdf final.txt"},
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "this is an old Word file (.doc), not text"},
        {"{\\rtf1\\ansi Recommendations}", "this is a Rich Text file (.rtf)"},
        {std::string("\xFF\xFE#\0 \0R\0", 8), "this is UTF-16 text, not UTF-8"},
        {report() + std::string(1, '\0'), "this is a binary file, not text (it has a NUL byte)"},  // even a passing report
    };
    for (const auto& [bytes, problem] : files) {
        INFO(problem);
        const Findings f = run(bytes, example_details());
        REQUIRE(f.size() == 1);
        CHECK(f.front().first == 0);
        CHECK(f.front().second.rfind(problem, 0) == 0);
    }
    // Text with non-ASCII letters, a byte-order mark or "PK" later on is text.
    CHECK(run("\xEF\xBB\xBF" + report("- Northdale Police – do X by June 2026 (PK\x03\x04).\n")).empty());
}

TEST_CASE("check_report: Windows line endings and a byte-order mark") {
    std::string text = "\xEF\xBB\xBF" + report();
    std::string crlf;
    for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    CHECK(run(crlf).empty());
    CHECK(run(crlf + "\r\nRobin\r\n", example_details()) == Findings{{19, "identifying detail: child's name"}});
}

// Speed is measured by the benchmark (bench/), never asserted here: this checks only that a large
// report with many dates and numbers gives no false findings.
TEST_CASE("check_report: a 1 MB report of ordinary prose has no findings") {
    std::string text = report();
    const std::string paragraph =
        "Practitioners from 12 agencies met on 3 May 2025 and on 2025-06-04 to discuss the 2nd review of the plan; "
        "they agreed 4.2.19 and 1/2/2024 in section 7 of the report, without naming the family.\n\n"
        "- Northdale Police: do X by June 2026.\n\n";
    while (text.size() < 1'000'000) text += paragraph;
    const auto details = example_details();
    CHECK(check_report(text, details).empty());
}

// ---- The example reports -------------------------------------------------------------------------

TEST_CASE("example reports: pass.md passes every text check") {
    CHECK(run(read("pass.md"), example_details()).empty());
}

TEST_CASE("example reports: each failing report fails for exactly its one reason") {
    const auto details = example_details();
    const std::vector<std::pair<std::string, Findings>> expected = {
        {"fail-missing-summary.md",
         {{0, "missing section: a summary of recommended improvements (a heading with \"summary\" and \"improvements\" or \"recommended\")"}}},
        {"fail-missing-analysis.md",
         {{0, "missing section: an analysis of systemic or underlying reasons (a heading with \"systemic\", \"underlying\" or \"analysis\")"}}},
        {"fail-missing-reviewer.md",
         {{0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line \"Reviewer: name\")"}}},
        {"fail-recommendation-without-owner-or-date.md",
         {{45, "recommendation does not say who or by when (name the agency first, e.g. \"Northdale Police: ...\", and give a date)"}}},
        {"fail-names-child.md", {{14, "identifying detail: child's name"}}},
        // The surname is the child's as well as the family's: reported as the child's name.
        {"fail-family-surname.md", {{18, "identifying detail: child's name"}}},
        {"fail-date-of-birth.md", {{14, "identifying detail: date of birth"}}},
        {"fail-address-postcode.md", {{14, "identifying detail: postcode"}}},
    };
    for (const auto& [file, findings] : expected) {
        INFO(file);
        CHECK(run(read(file), details) == findings);
    }
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
    r.family.push_back({.name = "Jo Green", .relationship = "mother", .date_of_birth = day("1995-07-14"),
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
        const bool caught = std::find(f.begin(), f.end(), std::pair<int, std::string>{19, "identifying detail: " + kind}) != f.end();
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
            if (problem.rfind("identifying detail", 0) == 0) flagged += "clean-passages.txt:" + std::to_string(number) + ": " + problem + "\n";
    INFO(flagged);
    CHECK(flagged.empty());
}
