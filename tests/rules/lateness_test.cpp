// src/rules/lateness.cpp: why a late step was late (lateness.yaml), as the engine says it beside each
// deadline and as validate checks it. Dates: aware Tuesday 2025-03-04, so the 5 working days of
// notify-panel and notify-partners end on Tuesday 2025-03-11; the Panel told on Thursday 2025-03-13
// is 2 working days late.
#include <catch2/catch.hpp>

#include <string>

#include "cspr/rules.hpp"
#include "rules_testing.hpp"

using namespace cspr;
using namespace cspr::rules::testing;

namespace {

model::LateReason reason(std::string rule, std::string subject, model::LateCause cause = model::LateCause::capacity) {
    return {std::move(rule), std::move(subject), cause, "free text", "Business unit manager", ymd(2025, 3, 14), {}};
}

model::Case late_case(std::vector<model::LateReason> reasons = {}) {
    model::Case c = notified(ymd(2025, 3, 4), ymd(2025, 3, 13));
    if (!reasons.empty()) c.lateness = model::Lateness{c.id, std::move(reasons), {}};
    return c;
}

std::vector<rules::Deadline> deadlines_of(const model::Case& c, Date today = ymd(2025, 4, 1)) {
    return rules::case_deadlines(c, config(), england(), today);
}

}  // namespace

TEST_CASE("a late step with no reason says so beside its status, and validate asks for one", "[lateness]") {
    const auto c = late_case();
    const auto all = deadlines_of(c);
    const auto panel = find_deadline(all, "notify-panel", "panel");
    REQUIRE(panel);
    CHECK(rules::status_name(panel->status) == "met late");
    CHECK(panel->late_reason.empty());
    CHECK(panel->note == "no reason recorded");
    const auto problems = rules::lateness_problems(c, all);
    INFO(describe(problems));
    CHECK(has_problem(problems, "lateness.yaml", {"reasons"}));
    CHECK(problems.size() == 3);  // panel, ofsted-dfe and partners, each met late
}

TEST_CASE("a reason is found by rule and subject; the note names the reason, never the free text", "[lateness]") {
    const auto c = late_case({reason("notify-panel", "panel")});
    const auto all = deadlines_of(c);
    const auto panel = find_deadline(all, "notify-panel", "panel");
    const auto ofsted = find_deadline(all, "notify-panel", "ofsted-dfe");
    REQUIRE(panel);
    REQUIRE(ofsted);
    CHECK(panel->late_reason == "capacity");
    CHECK(panel->note == "reason: capacity");
    CHECK(ofsted->late_reason.empty());  // the same rule, another subject: its own reason
    CHECK(rules::lateness_problems(c, all).size() == 2);
}

TEST_CASE("an action's reason names its reference alone", "[lateness]") {
    model::Action x = r2();
    x.status = model::ActionStatus::done;
    x.completed = ymd(2026, 4, 2);
    model::Case c = with_action(x);
    c.lateness = model::Lateness{c.id, {reason("action-due", "R2")}, {}};
    const auto d = find_deadline(deadlines_of(c, ymd(2026, 5, 1)), "action-due", "R2 Northdale Council");
    REQUIRE(d);
    CHECK(d->late_reason == "capacity");
}

TEST_CASE("an overdue step's reason is shown, but validate leaves an overdue step to deadlines", "[lateness]") {
    const model::Case c = notified(ymd(2025, 3, 4), std::nullopt);
    const auto all = deadlines_of(c);
    const auto panel = find_deadline(all, "notify-panel", "panel");
    REQUIRE(panel);
    CHECK(rules::status_name(panel->status) == "overdue");
    CHECK(panel->note == "no reason recorded");
    CHECK(rules::lateness_problems(c, all).empty());
}

TEST_CASE("validate: a reason for a step met on time, or for a clock never started", "[lateness]") {
    model::Case c = notified(ymd(2025, 3, 4), ymd(2025, 3, 10));  // on time
    c.lateness = model::Lateness{c.id, {reason("notify-panel", "panel"), reason("notify-panel", "sos")}, {}};
    const auto problems = rules::lateness_problems(c, deadlines_of(c));
    INFO(describe(problems));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].field == "reasons[0]");
    CHECK(problems[0].message.find("met on time") != std::string::npos);
    CHECK(problems[1].field == "reasons[1]");
    CHECK(problems[1].message.find("no clock of notify-panel (sos)") != std::string::npos);
}

TEST_CASE("check_lateness: rules the table has and that a reason can explain, each step once", "[lateness]") {
    model::LateReason nobody = reason("decision", "");
    nobody.recorded_by = "  ";
    const model::Lateness l{"NDSCP-2025-001",
                            {reason("notify-panle", "panel"), reason("publish", ""), reason("keep-available", ""),
                             reason("decision", ""), nobody},
                            {}};
    const auto problems = rules::check_lateness(l);
    INFO(describe(problems));
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].field == "reasons[0].rule");
    CHECK(problems[0].message.find("did you mean notify-panel?") != std::string::npos);
    CHECK(problems[1].message.find("delay told to the Panel") != std::string::npos);
    CHECK(problems[2].message.find("a period, never late") != std::string::npos);
    CHECK(problems[3].field == "reasons[4]");  // the second reason for decision
    CHECK(problems[4].field == "reasons[4].recorded_by");
}

TEST_CASE("publish takes its reason from the delay and a period is never late; an action is named by its reference",
          "[lateness]") {
    CHECK_FALSE(rules::takes_late_reason(*rules::find_rule("publish")));
    CHECK_FALSE(rules::takes_late_reason(*rules::find_rule("keep-available")));
    CHECK(rules::takes_late_reason(*rules::find_rule("copy-before-publish")));
    CHECK(rules::subject_key("R3 Northdale Police") == "R3");
    CHECK(rules::subject_key("panel") == "panel");
}
