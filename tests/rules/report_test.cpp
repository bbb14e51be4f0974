// src/rules/report.cpp: the final-report checks of `cspr publish-check` as a whole (include/cspr/rules.hpp,
// "The final report"), written from docs/report-shape.md and Working Together 2018 ch. 4 "Expectations for
// the final report", and the example reports in scripts/example-reports/ with their expected findings.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // findings print as {line, problem}
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cspr/rules.hpp"
#include "report_testing.hpp"

using cspr::rules::check_report;
using cspr::testing::example_details;
using cspr::testing::Findings;
using cspr::testing::kNeither;
using cspr::testing::kWhen;
using cspr::testing::kWho;
using cspr::testing::lines_of;
using cspr::testing::recommendation_findings;
using cspr::testing::report;
using cspr::testing::run;

namespace {

std::string read(const std::string& name) {
    std::ifstream in(std::string(CSPR_SOURCE_DIR) + "/scripts/example-reports/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

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
        "Systemic analysis\n-----------------\n\nText.\n\nRecommendations\n---------------\n\n- Northdale Police: X by "
        "June 2026.\n";
    CHECK(run(setext).empty());
    const std::string plain =
        "Local child safeguarding practice review\n\nReviewer\n\nKit Imaginary\n\nSummary of improvements\n\nText.\n\n"
        "Underlying reasons\n\nText of the analysis, over a long line that ends with a full stop.\n\nRecommendations:\n"
        "1. Northdale Police: X by June 2026.\n2. Y.\n";
    CHECK(run(plain) == Findings{{17, "recommendation does not say who or by when (name the agency first, e.g. "
                                      "\"Northdale Police: ...\", and give a date)"}});
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
    CHECK(reviewer_findings("## Reviewer\n\n") ==
          Findings{{3, "reviewer not named: nothing follows the reviewer heading"}});
    CHECK(reviewer_findings("Reviewer:\n") == Findings{{0, "reviewer not named (a heading \"Reviewer\" followed by the "
                                                           "name, or a line \"Reviewer: name\")"}});
    // "The reviewer met the family" is prose, not the reviewer's name.
    CHECK(lines_of(reviewer_findings("The reviewer met the family: twice, in their home.\n"), "reviewer not named")
              .size() == 1);
}

TEST_CASE("check_report: an analysis heading mentioning the reviewer does not name the reviewer") {
    const std::string text =
        "## Summary of improvements\n\nText.\n\n## Analysis by the reviewer\n\nText.\n\n## Recommendations\n\n"
        "- Northdale Police: X by June 2026.\n";
    CHECK(run(text) == Findings{{0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line "
                                    "\"Reviewer: name\")"}});
}

// ---- Recommendations -------------------------------------------------------------------------------

TEST_CASE("check_report: every bad item is reported by its line, once, and nested bullets belong to their item") {
    const std::string items = "1. Northdale Police: do X by June 2026.\n"  // 17
                              "2. Do Y.\n"                                 // 18
                              "3. Northdale Police: do Z,\n"               // 19
                              "   which is explained here.\n"              // 20
                              "   - first detail, no date here\n"          // 21
                              "   - second detail\n"                       // 22
                              "4. Northdale School: do W soon.\n"          // 23
                              "\n"
                              "* Improve things.\n"  // 25
                              "\n"
                              "A closing paragraph, not an item.\n";
    const Findings f = recommendation_findings(items);
    CHECK(lines_of(f, kNeither) == std::vector<int>{18, 25});
    CHECK(lines_of(f, kWhen) == std::vector<int>{19, 23});
    CHECK(f.size() == 4);
}

TEST_CASE("check_report: a Recommendations section runs to the next heading of its level, through subheadings") {
    const std::string items = "### Health\n\n- Northdale Health Visiting: do X by June 2026.\n\n"  // 17..19
                              "### Recommendation 2\n\n- Do Y.\n\n"                                // 21..23
                              "## Appendix\n\n- A list that is not a recommendation.\n";           // 25..27
    CHECK(recommendation_findings(items) ==
          Findings{
              {23, std::string(kNeither) + "name the agency first, e.g. \"Northdale Police: ...\", and give a date)"}});
}

TEST_CASE("check_report: a Recommendations section without items, or no such section") {
    CHECK(recommendation_findings("Northdale Police should do X by June 2026.\n") ==
          Findings{{15, "the Recommendations section has no list items (write each recommendation as a list item)"}});
    std::string text = report();
    text.replace(text.find("## Recommendations"), 18, "## Next steps");
    CHECK(run(text) == Findings{{0, "missing section: Recommendations (a heading with \"recommendations\", each "
                                    "recommendation a list item)"}});
}

TEST_CASE("check_report: a 'Summary of recommendations' is the list to check only when there is no other") {
    const std::string only_summary =
        "## Reviewer\n\nKit Imaginary\n\n## Analysis\n\nText.\n\n## Summary of recommendations\n\n- Do X.\n";
    CHECK(run(only_summary) == Findings{{11, std::string(kNeither) + "name the agency first, e.g. \"Northdale Police: "
                                                                     "...\", and give a date)"}});
    // With a Recommendations section as well, the summary's items are a summary, not checked.
    CHECK(run(only_summary + "\n## Recommendations\n\n- Northdale Police: X by June 2026.\n").empty());
}

// ---- The corpus of real phrasings (tests/report/recommendations-*.txt) ---------------------------

namespace {

struct Phrasing {
    int line = 0;        // in the corpus file
    std::string expect;  // "" (passes), or "who", "when", "neither"
    std::string item;    // as a Markdown list item, continuation lines indented under it
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
    for (const auto& [kind, prefix] :
         {std::pair{"who", kWho}, std::pair{"when", kWhen}, std::pair{"neither", kNeither}})
        if (f.front().first == 17 && f.front().second.rfind(prefix, 0) == 0) return kind;
    return "other";
}

void check_corpus(const std::string& name, std::size_t at_least) {
    const auto corpus = read_corpus(name);
    CHECK(corpus.size() >= at_least);
    std::string wrong;  // every misclassified phrasing, named by its line, so one run shows them all
    for (const Phrasing& p : corpus)
        if (const std::string got = classify(p.item); got != p.expect)
            wrong += name + ":" + std::to_string(p.line) + ": expected " +
                     (p.expect.empty() ? "no finding" : p.expect) + ", got " + (got.empty() ? "no finding" : got) +
                     "\n" + p.item;
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
         {{0, "missing section: a summary of recommended improvements (a heading with \"summary\" and \"improvements\" "
              "or \"recommended\")"}}},
        {"fail-missing-analysis.md",
         {{0, "missing section: an analysis of systemic or underlying reasons (a heading with \"systemic\", "
              "\"underlying\" or \"analysis\")"}}},
        {"fail-missing-reviewer.md",
         {{0, "reviewer not named (a heading \"Reviewer\" followed by the name, or a line \"Reviewer: name\")"}}},
        {"fail-recommendation-without-owner-or-date.md",
         {{45, "recommendation does not say who or by when (name the agency first, e.g. \"Northdale Police: ...\", and "
               "give a date)"}}},
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
