// src/rules/report_text.cpp: the case's dates of birth and death in every form a report writes them,
// and whether the file is text at all.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // findings print as {line, problem}
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "cspr/rules.hpp"
#include "report_testing.hpp"
#include "rules/report_details.hpp"

using cspr::testing::example_details;
using cspr::testing::Findings;
using cspr::testing::report;
using cspr::testing::run;

TEST_CASE("check_report: dates of birth and death in every common form, and only the right day") {
    const auto details = example_details();
    const auto found = [&](const std::string& body) { return run(report() + "\n" + body + "\n", details); };
    const Findings birth = {{19, "identifying detail: date of birth"}};
    for (const char* form : {"2019-04-02", "2019-04-02T10:30", "2 April 2019", "02 April 2019", "2nd April 2019",
                             "2 Apr 2019", "2nd of April, 2019", "02/04/2019", "2/4/2019", "02/04/19", "2.4.2019",
                             "02-04-2019", "April 2, 2019", "april 2 2019", "Apr. 2nd, 2019", "(2 APRIL 2019)"}) {
        INFO(form);
        CHECK(found(std::string("born ") + form) == birth);
    }
    for (const char* other : {"3 April 2019", "2 April 2020", "April 2019", "12/4/2019", "2/4/20191", "2019-04-021",
                              "4.2.19", "2 April 20190", "2April 2019"}) {
        INFO(other);
        CHECK(found(std::string("born ") + other).empty());
    }
    CHECK(found("died on 1 March 2025") == Findings{{19, "identifying detail: date of death"}});
    CHECK(found("mother born 14/07/1995") == Findings{{19, "identifying detail: date of birth"}});
}

TEST_CASE("check_report: a file that is not text gets one finding naming what it is, and no other") {
    const std::string zip = std::string("PK\x03\x04\x14\0\x06\0", 8);
    const std::vector<std::pair<std::string, std::string>> files = {
        {zip + "[Content_Types].xml word/document.xml",
         "this is a Word file (.docx), not text: convert it first, e.g. pandoc final.docx -o final.md"},
        {zip + "mimetypeapplication/vnd.oasis.opendocument.text",
         "this is an OpenDocument file (.odt), not text: convert it first"},
        {zip + "data.csv", "this is a ZIP file, not text"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n",
         "this is a PDF file, not text: convert it first, e.g. pdftotext final.pdf final.txt"},
        {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10), "this is an old Word file (.doc), not text"},
        {"{\\rtf1\\ansi Recommendations}", "this is a Rich Text file (.rtf)"},
        {std::string("\xFF\xFE#\0 \0R\0", 8), "this is UTF-16 text, not UTF-8"},
        {report() + std::string(1, '\0'),
         "this is a binary file, not text (it has a NUL byte)"},  // even a passing report
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

TEST_CASE("fold: the report as the detail search reads it, each sequence folded or dropped") {
    using cspr::rules::prose::fold;
    CHECK(fold("Ro\xC2\xAD"
               "bin")
              .cased == "Robin");  // soft hyphen
    CHECK(fold("a\xC2\xA0"
               "b")
              .cased == "a b");  // no-break space
    CHECK(fold("R\xE2\x80\x8Bo\xE2\x80\x8C"
               "b\xE2\x80\x8Din")
              .cased == "Robin");  // zero-width space, joiners
    CHECK(fold("\xE2\x80\x98Jo\xE2\x80\x99s\xE2\x80\x9C\xE2\x80\x9D").cased == "'Jo's\"\"");  // curly quotes
    CHECK(fold("\xEF\xBB\xBFRo\xE2\x81\xA0"
               "bin")
              .cased == "Robin");                      // byte-order mark, word joiner
    CHECK(fold("Robin\xCA\xBCs").cased == "Robin's");  // modifier apostrophe
    CHECK(fold("Ro\xCC\x81"
               "bin")
              .cased == "Robin");  // a combining accent
    CHECK(fold("R\xC3\xB3"
               "bin \xC3\x89mile")
              .low == "robin emile");               // Latin-1 letters lose their accent
    CHECK(fold("**Robin**_\\`").cased == "Robin");  // emphasis and escapes
    // A sequence cut short is kept as it is.
    CHECK(fold("a\xE2\x80").cased == "a\xE2\x80");
}
