// src/rules/checks.cpp: contradictions across fields and files, notes, and cspr.yaml's overrides.
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
using cspr::model::AbuseOrNeglect;
using cspr::model::Harm;
using cspr::model::Location;
using cspr::rules::testing::a_case;
using cspr::rules::testing::a_referral;
using cspr::rules::testing::config;
using cspr::rules::testing::describe;
using cspr::rules::testing::has_problem;
using cspr::rules::testing::london;
using cspr::rules::testing::recipient;
using cspr::testing::ymd;

namespace {

bool has(const std::vector<rules::Problem>& all, std::string_view field, std::string_view words = "") {
    return std::any_of(all.begin(), all.end(),
                       [&](const auto& p) { return p.field == field && p.message.find(words) != std::string::npos; });
}

model::Config overriding(std::string rule, int length, model::Unit unit, std::string reason) {
    model::Config config;
    config.timescales[rule] = {length, unit, std::nullopt, std::move(reason), "", {}};
    return config;
}

model::Case notified(bool panel_sent) {
    model::Case c;
    c.id = "NDSCP-2025-001";
    model::Notification n;
    n.id = c.id;
    n.aware = ymd(2025, 3, 4);
    n.notifiable = true;
    model::RecipientRecord panel;
    panel.recipient = "panel";
    panel.rule = "notify-panel";
    if (panel_sent) panel.sent = ymd(2025, 3, 10);
    n.recipients.push_back(panel);
    c.notification = n;
    return c;
}

model::Case decided(model::Route outcome) {
    model::Case c = notified(true);
    model::Decision d;
    d.date = ymd(2025, 3, 28);
    d.outcome = outcome;
    c.decision = d;
    return c;
}

}  // namespace

TEST_CASE("a statutory or national timescale is never shortened, in its own unit or another") {
    using model::Unit;
    const auto cut = rules::check_config(overriding("keep-available", 1, Unit::calendar_days, ""));
    CHECK(has(cut, "timescales.keep-available.reason"));
    CHECK(has(cut, "timescales.keep-available.length", "never shortened"));
    CHECK(has(rules::check_config(overriding("notify-panel", 3, Unit::working_days, "faster")),
              "timescales.notify-panel.length"));
    CHECK(rules::check_config(overriding("notify-panel", 7, Unit::working_days, "agreed")).empty());
    // Six months can be as long as 184 days: 170 calendar days may be shorter; 200 never is.
    CHECK(has(rules::check_config(overriding("publish", 170, Unit::calendar_days, "in days")),
              "timescales.publish.length"));
    CHECK(rules::check_config(overriding("publish", 200, Unit::calendar_days, "in days")).empty());
    // A local rule is the partnership's own.
    CHECK(rules::check_config(overriding("decision", 1, Unit::calendar_days, "")).empty());
}

TEST_CASE("a return from an agency never asked is a problem that names the agency meant") {
    model::Case c = notified(true);
    model::RapidReview r;
    r.returns = {{"Northdale Police", ymd(2025, 3, 11), ymd(2025, 3, 17), "", {}},
                 {"Northdale Polise", {}, ymd(2025, 3, 18), "", {}}};
    c.rapid_review = r;
    CHECK(has(rules::check_case(c), "returns[1].requested", "did you mean Northdale Police?"));
}

TEST_CASE("a rapid review is sent to the Panel only for a case notified to it") {
    model::Case c = notified(false);
    model::RapidReview r;
    r.sent_to_panel = ymd(2025, 3, 20);
    c.rapid_review = r;
    CHECK(has(rules::check_case(c), "sent_to_panel", "not been notified"));
    c.notification->notifiable = false;
    CHECK(has(rules::check_case(c), "sent_to_panel", "not notifiable"));
}

TEST_CASE("a placeholder is not a reviewer; a local review may wait for its reviewer") {
    model::Case c = decided(model::Route::local_cspr);
    CHECK_FALSE(has(rules::check_case(c), "reviewers"));
    c.decision->reviewers.push_back({"To be commissioned", "n/a", {}, {}});
    CHECK(has(rules::check_case(c), "reviewers[0].name", "placeholder"));
}

TEST_CASE("a decision that differs from the rapid review, or has none, is noted") {
    model::Case c = decided(model::Route::multi_agency_audit);
    CHECK(has(rules::case_notes(c), "outcome", "no rapid review"));
    model::RapidReview r;
    r.recommended_route = model::Route::local_cspr;
    c.rapid_review = r;
    CHECK(has(rules::case_notes(c), "outcome", "differs from the rapid review's recommended route (local-cspr)"));
    c.decision->outcome = model::Route::local_cspr;
    CHECK(rules::case_notes(c).empty());
}

TEST_CASE("a publication saying national is a contradiction for a local review") {
    model::Case c = decided(model::Route::local_cspr);
    c.publication = model::Publication{};
    c.publication->national = true;
    CHECK(has(rules::check_case(c), "national"));
}

TEST_CASE("check_case: a consistent case has no problems", "[checks]") {
    INFO(describe(rules::check_case(a_case())));
    CHECK(rules::check_case(a_case()).empty());

    // A looked-after child who died without abuse or neglect: not notifiable, but partners, CDR
    // partners, and the Secretary of State and Ofsted must be told.
    model::Case lac = a_case();
    lac.referral->child.looked_after = true;
    lac.notification->test = {AbuseOrNeglect::no, Harm::died, Location::in_area, true, false, {}};
    lac.notification->notifiable = false;
    lac.notification->recipients = {recipient("partners", "notify-partners"), recipient("cdr-partners", "notify-cdr"),
                                    recipient("sos-ofsted", "notify-lac-death")};
    INFO(describe(rules::check_case(lac)));
    CHECK(rules::check_case(lac).empty());

    // Serious harm, not notifiable (another authority's duty): no recipients, no date of death.
    model::Case harmed = a_case();
    harmed.referral->child.date_of_death.reset();
    harmed.notification
        ->test = {AbuseOrNeglect::suspected, Harm::seriously_harmed, Location::neither, false, false, {}};
    harmed.notification->notifiable = false;
    harmed.notification->recipients.clear();
    INFO(describe(rules::check_case(harmed)));
    CHECK(rules::check_case(harmed).empty());

    // A referral on its own.
    model::Case referral_only;
    referral_only.id = "NDSCP-2025-001";
    referral_only.referral = a_referral();
    CHECK(rules::check_case(referral_only).empty());
}

TEST_CASE("same_agency: capitals and spaces do not make another agency", "[checks]") {
    CHECK(rules::same_agency("Northdale Police", "Northdale Police"));
    CHECK(rules::same_agency("Northdale Police", "northdale police"));
    CHECK(rules::same_agency("Northdale Police", "  NORTHDALE   Police "));
    CHECK(rules::same_agency("Northdale Police", "Northdale\tPolice"));
    CHECK_FALSE(rules::same_agency("Northdale Police", "Northdale Polices"));
    CHECK_FALSE(rules::same_agency("Northdale Police", "NorthdalePolice"));
    CHECK_FALSE(rules::same_agency("Northdale Police", ""));
    CHECK(rules::same_agency("", "  "));
    // Letters beyond ASCII are compared as they are: no locale decides what "the same" means.
    CHECK_FALSE(rules::same_agency("Écoles", "écoles"));
}

TEST_CASE("check_case: an agency listed twice in the rapid review, whatever its capitals", "[checks]") {
    model::Case c = a_case();
    model::RapidReview r;
    r.id = c.id;
    r.returns = {{"Northdale Police", c.notification->aware, std::nullopt, "", {}},
                 {"Northdale Health Visiting", c.notification->aware, std::nullopt, "", {}}};
    c.rapid_review = r;
    INFO(describe(rules::check_case(c)));
    CHECK_FALSE(has_problem(rules::check_case(c), "rapid-review.yaml", {"returns[1].agency"}));

    c.rapid_review->returns.push_back({"northdale  POLICE", c.notification->aware, std::nullopt, "", {}});
    const auto problems = rules::check_case(c);
    INFO(describe(problems));
    REQUIRE(has_problem(problems, "rapid-review.yaml", {"returns[2].agency"}));
    for (const auto& p : problems)
        if (p.field == "returns[2].agency") CHECK(p.message == "northdale  POLICE is listed twice (as returns[0])");
}

TEST_CASE("check_case: a notification needs a referral", "[checks]") {
    model::Case c = a_case();
    c.referral.reset();
    const auto problems = rules::check_case(c);
    INFO(describe(problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(std::all_of(problems.begin(), problems.end(), [](const auto& p) { return p.file == "notification.yaml"; }));
    CHECK(std::any_of(problems.begin(), problems.end(),
                      [](const auto& p) { return p.message.find("referral") != std::string::npos; }));
}

TEST_CASE("check_case: the date of death and the harm must agree", "[checks]") {
    SECTION("the child died, but there is no date of death") {
        model::Case c = a_case();
        c.referral->child.date_of_death.reset();
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        CHECK(problems.size() == 1);
        CHECK((has_problem(problems, "notification.yaml", {"test.harm"}) ||
               has_problem(problems, "referral.yaml", {"child.date_of_death"})));
    }
    SECTION("a date of death, but the child did not die") {
        model::Case c = a_case();
        c.notification->test.harm = Harm::seriously_harmed;
        c.notification->recipients = {recipient("panel", "notify-panel"), recipient("ofsted-dfe", "notify-panel"),
                                      recipient("partners", "notify-partners")};
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        CHECK(problems.size() == 1);
        CHECK((has_problem(problems, "referral.yaml", {"child.date_of_death"}) ||
               has_problem(problems, "notification.yaml", {"test.harm"})));
    }
}

TEST_CASE("check_case: the recorded decision must agree with the test", "[checks]") {
    model::Case c = a_case();
    c.notification->notifiable = false;
    const auto problems = rules::check_case(c);
    INFO(describe(problems));
    CHECK(has_problem(problems, "notification.yaml", {"notifiable"}));
}

TEST_CASE("check_case: recipients", "[checks]") {
    SECTION("a required recipient is missing") {
        model::Case c = a_case();
        c.notification->recipients.pop_back();  // cdr-partners
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients"}));
        CHECK(problems[0].message.find("cdr-partners") != std::string::npos);
    }
    SECTION("an extra recipient the test does not call for") {
        model::Case c = a_case();
        c.notification->recipients.push_back(recipient("sos-ofsted", "notify-lac-death"));  // not looked after
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients[4].recipient", "recipients[4]"}));
    }
    SECTION("an unknown recipient") {
        model::Case c = a_case();
        c.notification->recipients.push_back(recipient("mayor", "notify-panel"));
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients[4].recipient", "recipients[4]"}));
        CHECK(problems[0].message.find("mayor") != std::string::npos);
    }
    SECTION("the wrong rule for a recipient") {
        model::Case c = a_case();
        c.notification->recipients[2].rule = "notify-panel";  // partners: notify-partners
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients[2].rule"}));
    }
    SECTION("sent before the local authority became aware") {
        model::Case c = a_case();
        c.notification->recipients[0].sent = ymd(2025, 3, 3);  // aware 2025-03-04
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients[0].sent"}));
        // Sent on the day of awareness is fine.
        c.notification->recipients[0].sent = ymd(2025, 3, 4);
        CHECK(rules::check_case(c).empty());
    }
    SECTION("a recipient listed twice") {
        model::Case c = a_case();
        c.notification->recipients.push_back(recipient("partners", "notify-partners", ymd(2025, 3, 6)));
        const auto problems = rules::check_case(c);
        INFO(describe(problems));
        REQUIRE(problems.size() == 1);
        CHECK(has_problem(problems, "notification.yaml", {"recipients[4].recipient", "recipients[4]"}));
        CHECK(problems[0].message.find("twice") != std::string::npos);
    }
}

TEST_CASE("check_case: dates in the referral must be in order", "[checks]") {
    const auto problems_of = [](auto change) {
        model::Case c;
        c.id = "NDSCP-2025-001";
        c.referral = a_referral();
        c.referral->child.date_of_death.reset();  // no notification: no death needed
        change(*c.referral);
        return rules::check_case(c);
    };
    {
        const auto p = problems_of([](model::Referral& r) { r.child.date_of_birth = ymd(2025, 3, 2); });
        INFO(describe(p));
        CHECK(p.size() == 1);
        CHECK(has_problem(p, "referral.yaml", {"child.date_of_birth", "child.incident_date"}));
    }
    {
        const auto p = problems_of([](model::Referral& r) {
            r.child.date_of_death = ymd(2019, 4, 1);
            r.child.incident_date = ymd(2019, 4, 1);
            r.child.date_of_birth = ymd(2019, 4, 2);
        });
        INFO(describe(p));
        CHECK(has_problem(p, "referral.yaml", {"child.date_of_death", "child.date_of_birth"}));
    }
    {
        const auto p =
            problems_of([](model::Referral& r) { r.child.incident_date = ymd(2025, 3, 4); });  // received 03-03
        INFO(describe(p));
        CHECK(p.size() == 1);
        CHECK(has_problem(p, "referral.yaml", {"child.incident_date", "received"}));
    }
    {
        // The incident on the day of the referral is fine.
        const auto p = problems_of([](model::Referral& r) { r.child.incident_date = ymd(2025, 3, 3); });
        INFO(describe(p));
        CHECK(p.empty());
    }
    {
        const auto p = problems_of([](model::Referral& r) { r.confirmed_in_writing = london("2025-03-03T10:29"); });
        INFO(describe(p));
        CHECK(p.size() == 1);
        CHECK(has_problem(p, "referral.yaml", {"confirmed_in_writing"}));
    }
    {
        const auto p = problems_of([](model::Referral& r) { r.confirmed_in_writing = r.received; });
        CHECK(p.empty());
    }
}

TEST_CASE("check_case: the local authority cannot be aware before the incident", "[checks]") {
    model::Case c = a_case();
    c.notification->aware = ymd(2025, 2, 28);  // incident 2025-03-01
    for (auto& r : c.notification->recipients) r.sent.reset();
    const auto problems = rules::check_case(c);
    INFO(describe(problems));
    CHECK(has_problem(problems, "notification.yaml", {"aware"}));
}

namespace {

// The one problem check_config finds in the example config with `id` overridden as `o`.
rules::Problem only_config_problem(const std::string& id, const model::TimescaleOverride& o) {
    auto c = config();
    c.timescales[id] = o;
    const auto problems = rules::check_config(c);
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "cspr.yaml");
    return problems[0];
}

}  // namespace

TEST_CASE("check_config: overrides of national rules need a reason; rule ids must exist", "[checks]") {
    CHECK(rules::check_config(config()).empty());

    const auto statutory =
        only_config_problem("notify-panel", {10, model::Unit::working_days, std::nullopt, "", "", {}});
    CHECK(statutory.field == "timescales.notify-panel.reason");
    CHECK(statutory.message == "overriding a statutory timescale needs a recorded reason");

    auto no_reason = config();
    no_reason.timescales["notify-panel"] = {10, model::Unit::working_days, std::nullopt, "", "", {}};
    auto with_reason = no_reason;
    with_reason.timescales["notify-panel"].reason = "agreed with the Panel";
    CHECK(rules::check_config(with_reason).empty());

    const auto unknown =
        only_config_problem("notify-mayor", {5, model::Unit::working_days, std::nullopt, "because", "", {}});
    CHECK(unknown.field == "timescales.notify-mayor");

    auto local = config();
    local.timescales["referral-confirm"] = {72, model::Unit::hours, std::nullopt, "", "", {}};
    CHECK(rules::check_config(local).empty());

    // The rapid review's 15 days are the Panel's non-statutory guidance: national all the same, so a
    // reason is needed, and the message does not call the timescale statutory.
    const auto guidance =
        only_config_problem("rapid-review", {20, model::Unit::working_days, std::nullopt, "", "", {}});
    CHECK(guidance.field == "timescales.rapid-review.reason");
    CHECK(guidance.message == "overriding a timescale of national guidance needs a recorded reason");

    // Every problem is reported, not just the first.
    auto both = no_reason;
    both.timescales["notify-mayor"] = {5, model::Unit::working_days, std::nullopt, "", "", {}};
    CHECK(rules::check_config(both).size() == 2);
}

TEST_CASE("check_config: only a rule the table marks switchable is switched, and with a reason", "[checks][config]") {
    model::TimescaleOverride off;
    off.enabled = false;
    const auto no_reason = only_config_problem("decision", off);
    CHECK(no_reason.field == "timescales.decision.reason");
    CHECK(no_reason.message == "switching a rule off needs a recorded reason");
    off.reason = "we decide at the rapid review meeting";
    auto fine = config();
    fine.timescales["decision"] = off;
    CHECK(rules::check_config(fine).empty());

    const auto statutory = only_config_problem("notify-panel", off);
    CHECK(statutory.field == "timescales.notify-panel.enabled");
    CHECK(statutory.message.find("'notify-panel' is a statutory rule: it cannot be switched off") == 0);
    CHECK(only_config_problem("rapid-review", off).message.find("a rule of national guidance") != std::string::npos);
    // Local, but the recorded due date is the action's own: not a rule to switch off.
    CHECK(only_config_problem("action-due", off).field == "timescales.action-due.enabled");
}

TEST_CASE("future_facts: a recorded date after today names its field; planned dates are not facts", "[checks]") {
    model::Case c = a_case();  // received 2025-03-03T10:30, confirmed 2025-03-04T09:15, aware 2025-03-04
    c.notification->recipients.clear();
    CHECK(rules::future_facts(c, ymd(2025, 3, 4)).empty());

    const auto found = rules::future_facts(c, ymd(2025, 3, 3));
    REQUIRE(found.size() == 2);
    CHECK(found[0].file == "referral.yaml");
    CHECK(found[0].field == "confirmed_in_writing");
    CHECK(found[1].file == "notification.yaml");
    CHECK(found[1].field == "aware");
    CHECK(found[1].message == "2025-03-04 is after today (2025-03-03): record what has happened, not what is planned");

    c.notification->recipients = {recipient("panel", "notify-panel", ymd(2025, 3, 4)),
                                  recipient("sos-ofsted", "notify-sos", ymd(2025, 4, 1))};
    model::RapidReview r;
    r.sign_off[model::index_of(model::Partner::police)].date = ymd(2025, 4, 2);
    c.rapid_review = r;
    model::Publication p;
    p.publish_on = ymd(2025, 9, 22);  // planned
    p.delay = model::Delay{.panel_and_sos_told = ymd(2025, 4, 3)};
    c.publication = p;
    model::Action done = cspr::rules::testing::r2();
    done.due = ymd(2025, 12, 31);  // planned
    done.completed = ymd(2025, 4, 4);
    model::Action open = done;
    open.completed.reset();
    c.actions = model::Actions{c.id, {open, open, done}, {}};
    const auto later = rules::future_facts(c, ymd(2025, 3, 31));
    INFO(describe(later));
    REQUIRE(later.size() == 4);
    CHECK(later[0].field == "recipients[1].sent");
    CHECK(later[1].field == "sign_off.police.date");
    CHECK(later[2].field == "delay.panel_and_sos_told");
    CHECK(later[3].field == "actions[2].completed");
    CHECK(later[3].message == "2025-04-04 is after today (2025-03-31): record what has happened, not what is planned");
}

TEST_CASE("future_facts: the referral's time is read as London's day", "[checks]") {
    model::Case c = a_case();
    c.notification.reset();
    c.referral->received = london("2025-07-01T00:30");  // still 30 June in UTC
    c.referral->confirmed_in_writing.reset();
    CHECK(rules::future_facts(c, ymd(2025, 7, 1)).empty());
    const auto found = rules::future_facts(c, ymd(2025, 6, 30));
    REQUIRE(found.size() == 1);
    CHECK(found[0].field == "received");
    CHECK(found[0].message.rfind("2025-07-01 is after today (2025-06-30)", 0) == 0);
}

TEST_CASE("several children: up to four, each with the test's answer and a date of death only if it died") {
    model::Case c = a_case();
    model::Child second = c.referral->child;
    second.name = "Sam Example";
    second.date_of_death.reset();
    second.looked_after = true;
    c.referral->other_children = {second};
    c.notification->test.other_children = {{Harm::seriously_harmed, true, false, {}}};
    INFO(describe(rules::check_case(c)));
    CHECK(rules::check_case(c).empty());

    auto died = c;
    died.notification->test.other_children[0].harm = Harm::died;
    CHECK(has(rules::check_case(died), "test.other_children[0].harm", "no other_children[1].date_of_death"));
    auto fostered = c;
    fostered.notification->test.other_children[0].looked_after = false;
    CHECK(has(rules::check_case(fostered), "test.other_children[0].looked_after", "disagrees"));
    auto unanswered = c;
    unanswered.notification->test.other_children.clear();
    CHECK(has(rules::check_case(unanswered), "test.other_children", "answers for 0 other children"));
    auto unnamed = c;
    unnamed.referral->other_children[0].name = " ";
    CHECK(has(rules::check_case(unnamed), "other_children[0].name", "must not be empty"));

    auto five = c;
    five.referral->other_children.assign(4, second);
    five.notification->test.other_children.assign(4, {Harm::seriously_harmed, true, false, {}});
    CHECK(has(rules::check_case(five), "other_children", "names 5 children"));
    five.referral->other_children.pop_back();
    five.notification->test.other_children.pop_back();
    CHECK_FALSE(has(rules::check_case(five), "other_children"));  // four in all
}
