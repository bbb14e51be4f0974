// src/rules/report_when.cpp: "by when" in a recommendation of a final report (docs/report-shape.md,
// "By when").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cspr/rules.hpp"
#include "report_testing.hpp"

using cspr::testing::kWhen;
using cspr::testing::lines_of;
using cspr::testing::recommendation_findings;

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
        "- Northdale Police: do X within 6 months.\n",                // weeks, months, years alone: from publication
    };
    for (const auto& item : good) {
        INFO(item);
        CHECK(recommendation_findings(item).empty());
    }
    const std::vector<std::string> bad = {
        "- Northdale Police: do X soon.\n",
        "- Northdale Police: do X by 2026-02-30.\n",          // not a real day
        "- Northdale Police: do X in 2026.\n",                // a year alone is not "by when"
        "- Northdale Police: do X within 5 working days.\n",  // days alone: a service standard, not a deadline
        "- Northdale Police: do X by Junetime 2026.\n",
        "- Northdale Police: do X for 30 children.\n",
    };
    for (const auto& item : bad) {
        INFO(item);
        CHECK(lines_of(recommendation_findings(item), kWhen) == std::vector<int>{17});
    }
}
