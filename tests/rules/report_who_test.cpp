// src/rules/report_who.cpp: "who" in a recommendation of a final report (docs/report-shape.md, "Who").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cspr/rules.hpp"
#include "report_testing.hpp"

using cspr::testing::kWho;
using cspr::testing::lines_of;
using cspr::testing::recommendation_findings;

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
        "- The policy should be reviewed by June 2026.\n",                               // one capitalised word
        "- Training should be delivered by June 2026.\n",                                // one capitalised word
        "- By June 2026: review the policy.\n",                                          // a date, not an owner
        "- Action: review the policy by June 2026.\n",                                   // a field, not an owner
        "- agencies: review the policy by June 2026.\n",                                 // not capitalised
        "- In June 2026 Northdale Police review the policy.\n",                          // no verb of obligation
        "- Recommendation 1: review the policy by June 2026.\n",                         // a number, not an owner
        "- Northdale Police review the policy by June 2026. Owner: Northdale Police\n",  // ... but this one names one
    };
    for (std::size_t i = 0; i + 1 < bad.size(); ++i) {
        INFO(bad[i]);
        CHECK(lines_of(recommendation_findings(bad[i]), kWho) == std::vector<int>{17});
    }
    CHECK(recommendation_findings(bad.back()).empty());
}
