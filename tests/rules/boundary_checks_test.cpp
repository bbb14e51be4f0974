// src/rules/boundary_checks.cpp, with the clocks the table starts for a case across a boundary
// (src/rules/table.cpp): a child of ours harmed in another English authority's area, and a child
// from elsewhere harmed here. 2025-03-04 is a Tuesday; no bank holiday falls in March or April 2025
// before Good Friday (18 April).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "rules_testing.hpp"
#include "testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::rules::testing::a_case;
using cspr::rules::testing::describe;
using cspr::rules::testing::find_deadline;
using cspr::rules::testing::recipient;
using cspr::testing::england;
using cspr::testing::ymd;

namespace {

bool has(const std::vector<rules::Problem>& all, std::string_view field, std::string_view words = "") {
    return std::any_of(all.begin(), all.end(),
                       [&](const auto& p) { return p.field == field && p.message.find(words) != std::string::npos; });
}

// A child of ours, seriously harmed in Southmoor, which became aware on 2025-03-03 and notified on
// 2025-03-06; our local authority became aware on 2025-03-04.
model::Case harmed_in_southmoor() {
    model::Case c = a_case();
    auto& n = *c.notification;
    c.referral->child.date_of_death.reset();
    n.test.harm = model::Harm::seriously_harmed;
    n.test.location = model::Location::resident_harmed_elsewhere_in_england;
    n.notifiable = false;
    n.recipients.clear();
    n.notifying_la = model::NotifyingLa{"Southmoor Council", ymd(2025, 3, 3), ymd(2025, 3, 6), {}, {}, {}};
    return c;
}

// A child who lives in Westmoor, harmed here: ours to notify, Westmoor's partners told.
model::Case from_westmoor() {
    model::Case c = a_case();
    c.notification->home_la = "Westmoor Council";
    c.notification->recipients.push_back(recipient("home-partners", "notify-partners", ymd(2025, 3, 5)));
    model::Decision d;
    d.id = c.id;
    d.date = ymd(2025, 3, 28);
    d.outcome = model::Route::multi_agency_audit;
    c.decision = d;
    return c;
}

model::Config ours() {
    model::Config config;
    config.local_authority = "Northdale Council";
    return config;
}

std::vector<rules::Deadline> deadlines(const model::Case& c, cspr::calendar::Date today) {
    return rules::case_deadlines(c, model::Config{}, england(), today);
}

}  // namespace

TEST_CASE("a child of ours harmed elsewhere in England: the notifying authority's record is checked") {
    const auto good = harmed_in_southmoor();
    INFO(describe(rules::check_case(good)));
    CHECK(rules::check_case(good).empty());
    CHECK(rules::check_case_in_folder(good, ours()).empty());

    auto missing = good;
    missing.notification->notifying_la.reset();
    CHECK(has(rules::check_cross_boundary(*missing.notification, missing.referral), "notifying_la", "notifies"));

    auto in_area = good;
    in_area.notification->test.location = model::Location::in_area;
    CHECK(has(rules::check_cross_boundary(*in_area.notification, in_area.referral), "notifying_la", "in-area"));

    auto early = good;
    early.notification->notifying_la->aware = ymd(2025, 2, 28);  // before the incident of 2025-03-01
    early.notification->notifying_la->rapid_review_sent = ymd(2025, 3, 5);
    const auto problems = rules::check_cross_boundary(*early.notification, early.referral);
    CHECK(has(problems, "notifying_la.aware", "before the incident"));
    CHECK(has(problems, "notifying_la.rapid_review_sent", "before it notified the Panel"));
}

TEST_CASE("our own local authority is never the notifying or the home authority") {
    auto c = harmed_in_southmoor();
    c.notification->notifying_la->name = "  northdale   COUNCIL ";
    CHECK(has(rules::check_case_in_folder(c, ours()), "notifying_la.name", "own local authority"));
    CHECK(rules::check_case_in_folder(c, model::Config{}).empty());  // a folder that names none: nothing to compare

    auto home = from_westmoor();
    home.notification->home_la = "Northdale Council";
    CHECK(has(rules::check_case_in_folder(home, ours()), "home_la", "own local authority"));
    home.notification->test.location = model::Location::neither;
    CHECK(has(rules::check_cross_boundary(*home.notification, home.referral), "home_la", "in-area"));
}

TEST_CASE("contributions: each agency once, sent after asked, asked after the authority became aware") {
    auto c = harmed_in_southmoor();
    auto& la = *c.notification->notifying_la;
    la.contributions = {{"Northdale Police", ymd(2025, 3, 7), ymd(2025, 3, 6), {}},
                        {"northdale police", ymd(2025, 3, 7), std::nullopt, {}},
                        {"Northdale Primary School", std::nullopt, ymd(2025, 3, 10), {}},
                        {"Northdale Health Visiting", ymd(2025, 3, 2), std::nullopt, {}}};
    const auto problems = rules::check_cross_boundary(*c.notification, c.referral);
    INFO(describe(problems));
    CHECK(has(problems, "notifying_la.contributions[0].sent", "before it was asked"));
    CHECK(has(problems, "notifying_la.contributions[1].agency", "listed twice"));
    CHECK(has(problems, "notifying_la.contributions[2].asked", "needs the day it was asked"));
    CHECK(has(problems, "notifying_la.contributions[3].asked", "before Southmoor Council became aware"));
}

TEST_CASE("the notifying authority's clocks are its duty, for information; our decision is ours") {
    const auto c = harmed_in_southmoor();
    const auto all = deadlines(c, ymd(2025, 4, 30));
    const auto notify = find_deadline(all, "notify-panel", "panel");
    REQUIRE(notify);
    CHECK(notify->duty == "Southmoor Council");
    CHECK(rules::informational(*notify));
    CHECK(notify->start.day == ymd(2025, 3, 3));
    CHECK(notify->due == ymd(2025, 3, 10));
    CHECK(rules::status_name(notify->status) == "met");
    CHECK(notify->note.find("Southmoor Council's duty, for information") == 0);

    const auto review = find_deadline(all, "rapid-review");  // 15 working days from 2025-03-06, not sent
    REQUIRE(review);
    CHECK(review->due == ymd(2025, 3, 27));
    CHECK(rules::status_name(review->status) == "overdue");
    CHECK(rules::informational(*review));
    CHECK(review->late_reason.empty());
    CHECK(review->note.find("no reason recorded") == std::string::npos);  // not ours to explain

    const auto decision = find_deadline(all, "decision");  // one month from Southmoor's notification
    REQUIRE(decision);
    CHECK(decision->duty.empty());
    CHECK_FALSE(rules::informational(*decision));
    CHECK(decision->due == ymd(2025, 4, 6));
    CHECK(rules::status_name(decision->status) == "overdue");
    // Nothing late of ours is missing a reason but our decision, which is overdue (not settled).
    CHECK(rules::lateness_problems(c, all).empty());
}

TEST_CASE("before the notifying authority notifies, neither its rapid review nor our decision has started") {
    auto c = harmed_in_southmoor();
    c.notification->notifying_la->notified.reset();
    const auto all = deadlines(c, ymd(2025, 3, 20));
    CHECK_FALSE(find_deadline(all, "rapid-review"));
    CHECK_FALSE(find_deadline(all, "decision"));
    const auto notify = find_deadline(all, "notify-panel", "panel");
    REQUIRE(notify);
    CHECK(rules::status_name(notify->status) == "overdue");  // shown; the nightly check skips it
    CHECK(rules::informational(*notify));
}

TEST_CASE("a child from elsewhere harmed here: ours to notify and review, the home partners' to decide") {
    const auto c = from_westmoor();
    INFO(describe(rules::check_case(c)));
    for (const auto& p : rules::check_case(c)) CHECK(p.file != "notification.yaml");  // decision.yaml is a stub
    const auto decision = rules::decide_notification(c.notification->test, c.notification->home_la);
    CHECK(std::count(decision.who.begin(), decision.who.end(), rules::find_recipient("home-partners")) == 1);
    CHECK(std::any_of(decision.reasons.begin(), decision.reasons.end(),
                      [](const std::string& r) { return r.find("Westmoor Council's area") != std::string::npos; }));

    const auto all = deadlines(c, ymd(2025, 4, 30));
    const auto review = find_deadline(all, "rapid-review");
    REQUIRE(review);
    CHECK(review->duty.empty());
    const auto decided = find_deadline(all, "decision");
    REQUIRE(decided);
    CHECK(decided->duty == "Westmoor Council's safeguarding partners");
    CHECK(decided->note.find("Westmoor Council's safeguarding partners' duty") == 0);
    const auto told = find_deadline(all, "notify-partners", "home-partners");
    REQUIRE(told);
    CHECK(told->duty.empty());  // telling the home partners is our duty

    auto without = c;  // home-partners must be told once home_la is recorded
    without.notification->recipients.pop_back();
    CHECK(has(rules::check_case(without), "recipients", "home-partners"));
}
