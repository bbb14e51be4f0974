// src/rules/calendar_range.cpp: the dates a case's deadlines count from or to, against the calendar's
// span (issue 13, F11: a date past 2050 stopped the nightly check for every case).
#include <catch2/catch.hpp>

#include "cspr/rules.hpp"
#include "testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::testing::england;
using cspr::testing::ymd;

namespace {

model::Case with_actions(std::vector<cspr::calendar::Date> dues) {
    model::Case c;
    c.id = "NDSCP-2025-001";
    model::Actions a;
    int n = 0;
    for (const auto due : dues) {
        model::Action action;
        action.ref = "R" + std::to_string(++n);
        action.due = due;
        a.actions.push_back(action);
    }
    c.actions = a;
    return c;
}

}  // namespace

TEST_CASE("dates inside the calendar are no problem", "[calendar-range]") {
    CHECK(rules::outside_calendar(with_actions({ymd(2025, 12, 31), ymd(2050, 12, 31)}), england()).empty());
    CHECK(rules::outside_calendar(model::Case{}, england()).empty());
}

TEST_CASE("a date past the end names its file and field, and the end", "[calendar-range]") {
    const auto found = rules::outside_calendar(with_actions({ymd(2025, 12, 31), ymd(2051, 3, 31)}), england());
    REQUIRE(found.size() == 1);
    CHECK(found[0].file == "actions.yaml");
    CHECK(found[0].field == "actions[1].due");
    CHECK(found[0].message == "2051-03-31 is past the calendar's end, 2050-12-31");
}

TEST_CASE("a planned publication date and a date before the start are found too", "[calendar-range]") {
    model::Case c;
    model::Publication p;
    p.publish_on = ymd(2205, 9, 22);
    c.publication = p;
    model::Referral r;
    r.received = cspr::calendar::DateTime{ymd(1990, 6, 1)} + std::chrono::hours{10};
    c.referral = r;
    const auto found = rules::outside_calendar(c, england());
    REQUIRE(found.size() == 2);
    CHECK(found[0].field == "received");
    CHECK(found[0].message.find("is before the calendar's start, " +
                                cspr::calendar::format_iso_date(england().first_day)) != std::string::npos);
    CHECK(found[1].file == "publication.yaml");
    CHECK(found[1].field == "publish_on");
    CHECK(found[1].message == "2205-09-22 is past the calendar's end, 2050-12-31");
}

TEST_CASE("a personal date is never checked (nor quoted)", "[calendar-range]") {
    model::Case c;
    model::Referral r;
    r.received = cspr::calendar::DateTime{ymd(2025, 6, 1)};
    r.child.date_of_birth = ymd(1980, 1, 1);
    r.child.incident_date = ymd(2025, 5, 30);
    c.referral = r;
    CHECK(rules::outside_calendar(c, england()).empty());
}

TEST_CASE("every clock date is checked, in the table's order; a date that starts no clock is not", "[calendar-range]") {
    model::Case c;
    model::RapidReview r;
    r.meeting = ymd(2205, 3, 14);  // a fact, but no clock starts or stops on it
    c.rapid_review = r;
    model::Decision d;
    d.date = ymd(2025, 3, 28);
    d.reviewers.resize(2);
    d.reviewers[1].named_on = ymd(2060, 1, 5);
    d.informed_dfe = ymd(2051, 1, 2);
    c.decision = d;
    model::Publication p;
    p.delay = model::Delay{.panel_and_sos_told = ymd(2052, 2, 3)};
    c.publication = p;
    const auto found = rules::outside_calendar(c, england());
    REQUIRE(found.size() == 3);
    CHECK(found[0].file == "decision.yaml");
    CHECK(found[0].field == "reviewers[1].named_on");
    CHECK(found[0].message == "2060-01-05 is past the calendar's end, 2050-12-31");
    CHECK(found[1].field == "informed.dfe");
    CHECK(found[2].file == "publication.yaml");
    CHECK(found[2].field == "delay.panel_and_sos_told");
}
