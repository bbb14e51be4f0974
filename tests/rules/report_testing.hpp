// Helpers shared by the tests of the final-report checks (tests/rules/report*_test.cpp): findings as
// {line, problem}, the fictional case NDSCP-2025-001, and a report with every section.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"

namespace cspr::testing {

using cspr::rules::check_report;
using cspr::rules::identifying_details;
using cspr::rules::IdentifyingDetail;
using cspr::rules::ReportFinding;

using Findings = std::vector<std::pair<int, std::string>>;

inline Findings run(const std::string& text, const std::vector<IdentifyingDetail>& details = {}) {
    Findings out;
    for (const ReportFinding& f : check_report(text, details)) out.emplace_back(f.line, f.problem);
    return out;
}

// The lines of the findings whose problem starts with `prefix`.
inline std::vector<int> lines_of(const Findings& findings, const std::string& prefix) {
    std::vector<int> lines;
    for (const auto& [line, problem] : findings)
        if (problem.rfind(prefix, 0) == 0) lines.push_back(line);
    return lines;
}

inline cspr::model::Date day(const char* iso) { return *cspr::calendar::parse_iso_date(iso); }

// The fictional case NDSCP-2025-001 (cases-example/cases/NDSCP-2025-001/referral.yaml).
inline cspr::model::Case example_case() {
    cspr::model::Referral r;
    r.id = "NDSCP-2025-001";
    r.child.name = "Robin Example";
    r.child.date_of_birth = day("2019-04-02");
    r.child.date_of_death = day("2025-03-01");
    r.child.incident_date = day("2025-03-01");
    r.child.home_address = "1 Example Row, Northdale, ND1 2AB";
    r.family.push_back({.name = "Jo Example",
                        .relationship = "mother",
                        .date_of_birth = day("1995-07-14"),
                        .address = "1 Example Row, Northdale, ND1 2AB"});
    r.family.push_back({.name = "Sam Example", .relationship = "mother's partner"});
    return cspr::model::Case{.id = "NDSCP-2025-001", .referral = r};
}

inline std::vector<IdentifyingDetail> example_details() { return identifying_details(example_case()); }

// A report with every section; `recommendations` replaces the list.
inline std::string report(const std::string& recommendations = "- Northdale Police: do X by June 2026.\n") {
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
inline Findings recommendation_findings(const std::string& items) { return run(report(items)); }

inline const char* const kWho = "recommendation does not say who (";
inline const char* const kWhen = "recommendation does not say by when (";
inline const char* const kNeither = "recommendation does not say who or by when (";

}  // namespace cspr::testing
