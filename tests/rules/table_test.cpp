// src/rules/table.cpp with the engine: the rows of the table, the clocks each rule starts, what meets
// or excuses them, and the due dates of the later steps (inform-decision, publish, action-due).
// Dates checked by hand: 2025-03-04 is a Tuesday, 2025-03-28 a Friday, 2025-11-16 a Sunday; no bank
// holiday falls in 2025-03-04..2025-04-14 in England and Wales.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "rules_testing.hpp"
#include "testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::testing::england;
using cspr::testing::ymd;
// The shared helpers (rules_testing.hpp); notified(aware, sent) is the two-argument case, beside
// this file's notified(panel_sent).
using cspr::rules::testing::applicable;
using cspr::rules::testing::config;
using cspr::rules::testing::find_deadline;
using cspr::rules::testing::notified;
using cspr::rules::testing::r2;
using cspr::rules::testing::with_action;

namespace {

model::RecipientRecord recipient(std::string who, std::optional<cspr::calendar::Date> sent = std::nullopt) {
    model::RecipientRecord r;
    r.recipient = std::move(who);
    r.rule = r.recipient == "partners" ? "notify-partners" : "notify-panel";
    r.sent = sent;
    return r;
}

// Suspected abuse, a child seriously harmed in the area; the LA became aware on Tuesday 2025-03-04.
model::Case notified(std::optional<cspr::calendar::Date> panel_sent) {
    model::Case c;
    c.id = "NDSCP-2025-001";
    model::Notification n;
    n.id = c.id;
    n.aware = ymd(2025, 3, 4);
    n.test.abuse_or_neglect = model::AbuseOrNeglect::suspected;
    n.test.harm = model::Harm::seriously_harmed;
    n.test.location = model::Location::in_area;
    n.notifiable = true;
    n.recipients = {recipient("panel", panel_sent), recipient("ofsted-dfe"), recipient("partners", ymd(2025, 3, 5))};
    c.notification = n;
    return c;
}

model::Case decided_local(cspr::calendar::Date on) {
    model::Case c = notified(ymd(2025, 3, 10));
    model::Decision d;
    d.id = c.id;
    d.date = on;
    d.outcome = model::Route::local_cspr;
    c.decision = d;
    return c;
}

rules::Deadline find(const model::Case& c, std::string_view rule, std::string_view subject,
                     cspr::calendar::Date today) {
    const auto all = rules::case_deadlines(c, model::Config{}, england(), today);
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const auto& d) { return d.rule->id == rule && d.subject == subject; });
    REQUIRE(it != all.end());
    return *it;
}

}  // namespace

TEST_CASE("sending the Panel's online form meets ofsted-dfe too, unless ofsted-dfe has a date of its own") {
    const auto today = ymd(2025, 4, 1);
    const auto met = find(notified(ymd(2025, 3, 10)), "notify-panel", "ofsted-dfe", today);
    CHECK(met.status == rules::Status::met);
    REQUIRE(met.met.has_value());
    CHECK(met.met->day == ymd(2025, 3, 10));
    CHECK(met.note.find("Panel's online form") != std::string::npos);

    auto own = notified(ymd(2025, 3, 10));
    own.notification->recipients[1].sent = ymd(2025, 3, 13);  // sent separately, two days after the due 2025-03-11
    CHECK(find(own, "notify-panel", "ofsted-dfe", today).status == rules::Status::met_late);

    CHECK(find(notified(std::nullopt), "notify-panel", "ofsted-dfe", today).status == rules::Status::overdue);
}

TEST_CASE("inform-decision is met only with a reviewer's name, on the later of the day told and the day named") {
    auto c = decided_local(ymd(2025, 3, 28));  // due 5 working days later: Friday 2025-04-04
    c.decision->informed_panel = ymd(2025, 3, 31);
    const auto unnamed = find(c, "inform-decision", "panel", ymd(2025, 4, 10));
    CHECK(unnamed.status == rules::Status::overdue);
    CHECK(unnamed.note.find("without a reviewer's name") != std::string::npos);

    c.decision->reviewers.push_back({"Robin Madeup", "None declared", ymd(2025, 4, 14), {}});
    const auto named = find(c, "inform-decision", "panel", ymd(2025, 4, 14));
    CHECK(named.status == rules::Status::met_late);
    CHECK(named.late_by == 6);  // 7, 8, 9, 10, 11 and 14 April

    c.decision->reviewers.front().named_on.reset();  // named in the decision itself
    CHECK(find(c, "inform-decision", "panel", ymd(2025, 4, 14)).status == rules::Status::met);
}

TEST_CASE("a publication delay excuses lateness only from the day the Panel and Secretary of State were told") {
    auto c = decided_local(ymd(2025, 5, 16));  // 6 months: due Sunday 2025-11-16
    c.publication = model::Publication{};
    c.publication->delay = model::Delay{model::DelayReason::inquest, "", ymd(2025, 10, 20), {}};
    const auto in_time = find(c, "publish", "", ymd(2025, 12, 1));
    CHECK(in_time.status == rules::Status::paused);
    CHECK_FALSE(in_time.late);

    c.publication->delay->panel_and_sos_told = ymd(2025, 12, 1);
    CHECK(find(c, "publish", "", ymd(2025, 11, 20)).status == rules::Status::overdue);  // not yet told
    const auto told_late = find(c, "publish", "", ymd(2025, 12, 10));
    CHECK(told_late.status == rules::Status::paused);
    CHECK(told_late.late);
    CHECK(told_late.note.find("after the due date") != std::string::npos);

    c.publication->published = ymd(2026, 3, 2);
    const auto published = find(c, "publish", "", ymd(2026, 4, 1));
    CHECK(published.status == rules::Status::met_late);
    CHECK(published.late);

    c.publication->delay->panel_and_sos_told = ymd(2025, 10, 20);
    CHECK(find(c, "publish", "", ymd(2026, 4, 1)).status == rules::Status::met);
}

TEST_CASE("a copy recorded as not sent is missed: late, never met, no longer overdue") {
    auto c = decided_local(ymd(2025, 3, 28));
    c.publication = model::Publication{};
    c.publication->published = ymd(2025, 9, 22);
    c.publication->copy_panel = ymd(2025, 9, 10);
    c.publication->not_sent_ofsted = "Sent with the Panel's copy by agreement";
    CHECK(find(c, "copy-before-publish", "panel", ymd(2025, 10, 1)).status == rules::Status::met);
    const auto ofsted = find(c, "copy-before-publish", "ofsted", ymd(2025, 10, 1));
    CHECK(ofsted.status == rules::Status::missed);
    CHECK(ofsted.late);
    CHECK(find(c, "copy-before-publish", "secretary-of-state", ymd(2025, 10, 1)).status == rules::Status::overdue);
}

TEST_CASE("a local review's report is kept available for a year, whatever an old national flag says") {
    auto c = decided_local(ymd(2025, 3, 28));
    c.publication = model::Publication{};
    c.publication->published = ymd(2025, 9, 22);
    c.publication->national = true;
    CHECK(find(c, "keep-available", "", ymd(2025, 10, 1)).due == ymd(2026, 9, 22));
}

TEST_CASE("the rule table: complete rows, unique ids, find_rule", "[table]") {
    const auto table = rules::rule_table();
    REQUIRE(table.size() >= 8);
    std::set<std::string_view> ids;
    for (const auto& rule : table) {
        INFO("rule " << rule.id);
        CHECK_FALSE(rule.id.empty());
        CHECK_FALSE(rule.what.empty());
        CHECK_FALSE(rule.source.empty());
        CHECK_FALSE(rule.step.empty());
        CHECK_FALSE(rule.clock_starts.empty());
        CHECK_FALSE(rule.met_by.empty());
        CHECK(rule.length >= 0);
        CHECK(rule.clocks != nullptr);
        CHECK(ids.insert(rule.id).second);
        CHECK(rules::find_rule(rule.id) == &rule);
    }
    CHECK(rules::find_rule("no-such-rule") == nullptr);
    CHECK(rules::find_rule("") == nullptr);
    CHECK(rules::find_rule("Notify-Panel") == nullptr);
}

TEST_CASE("the rule table: timescales and their basis as in DOMAIN.md", "[table]") {
    struct Row {
        std::string_view id;
        int length;
        model::Unit unit;
        bool counts_back;
        rules::Basis basis;
    };
    using model::Unit;
    using rules::Basis;
    const Row rows[] = {
        // 48 elapsed hours, a local procedure (Bedford seed): not statutory.
        {"referral-confirm", 48, Unit::hours, false, Basis::local},
        // Children Act 2004 s16C(1) and Working Together 2018 ch. 4: statutory.
        {"notify-panel", 5, Unit::working_days, false, Basis::statutory},
        {"notify-partners", 5, Unit::working_days, false, Basis::statutory},
        {"notify-lac-death", 5, Unit::working_days, false, Basis::statutory},
        // Working Together 2023 ch. 5: a care leaver's death "should" be notified, no national figure.
        {"notify-care-leaver", 5, Unit::working_days, false, Basis::local},
        // The Panel's guidance for safeguarding partners gives 15 working days, and is non-statutory
        // (DOMAIN.md, national sources): not "statutory", but national, so an override needs a reason.
        {"rapid-review", 15, Unit::working_days, false, Basis::national_guidance},
        // "Normally within one month" is the Bradford seed's local wording.
        {"decision", 1, Unit::months, false, Basis::local},
    };
    for (const auto& row : rows) {
        INFO("rule " << row.id);
        const rules::Rule* rule = rules::find_rule(row.id);
        REQUIRE(rule != nullptr);
        CHECK(rule->length == row.length);
        CHECK(rule->unit == row.unit);
        CHECK(rule->counts_back == row.counts_back);
        CHECK(rule->basis == row.basis);
    }
    // Later steps of DOMAIN.md, when the table has them.
    if (const auto* r = rules::find_rule("publish")) {
        CHECK(r->length == 6);
        CHECK(r->unit == Unit::months);
        CHECK(r->basis == Basis::statutory);
    }
    if (const auto* r = rules::find_rule("copy-before-publish")) {
        CHECK(r->length == 7);
        CHECK(r->unit == Unit::working_days);
        CHECK(r->counts_back);
        CHECK(r->basis == Basis::statutory);
    }
    if (const auto* r = rules::find_rule("keep-available")) {
        CHECK(r->length == 1);
        CHECK(r->unit == Unit::years);
        CHECK(r->basis == Basis::national_guidance);  // "at least one year": may be lengthened, never cut
    }
}

TEST_CASE("no rapid review or decision clock before the Panel is told", "[deadlines]") {
    const auto all =
        rules::case_deadlines(notified(ymd(2025, 3, 6), std::nullopt), config(), england(), ymd(2025, 3, 7));
    CHECK_FALSE(find_deadline(all, "rapid-review").has_value());
    CHECK_FALSE(find_deadline(all, "decision").has_value());
    CHECK(find_deadline(all, "notify-panel", "panel").has_value());
    // No case files at all: no clocks.
    model::Case empty;
    empty.id = "NDSCP-2025-009";
    CHECK(applicable(rules::case_deadlines(empty, config(), england(), ymd(2025, 3, 7))).empty());
}

TEST_CASE("action-due: a re-dated action counts against its current due date, with a note naming the first",
          "[deadlines][actions]") {
    auto x = r2();
    x.original_due = x.due;
    x.due = ymd(2027, 3, 31);
    x.history.push_back({ymd(2026, 7, 1), "due", "2026-03-31", "2027-03-31", "A free-text reason", {}});
    const auto d = find_deadline(rules::case_deadlines(with_action(x), config(), england(), ymd(2026, 7, 1)),
                                 "action-due", "R2 Northdale Council");
    REQUIRE(d);
    CHECK(d->due == ymd(2027, 3, 31));
    CHECK(rules::status_name(d->status) == "pending");
    CHECK(d->note == "re-dated from 2026-03-31 (reason recorded)");  // never the reason itself
    // A dropped action is not counted at all.
    x.status = model::ActionStatus::dropped;
    x.history.push_back({ymd(2026, 7, 2), "status", "in-progress", "dropped", "Another reason", {}});
    CHECK_FALSE(find_deadline(rules::case_deadlines(with_action(x), config(), england(), ymd(2026, 7, 1)), "action-due",
                              "R2 Northdale Council"));
}

// ---- inform-decision, publish and action-due: due dates worked by hand ------------------------------
// Bank holidays in England and Wales, from data/bank-holidays.json: 2024-12-25, 2024-12-26,
// 2025-01-01, 2025-04-18, 2025-04-21, 2025-12-25, 2025-12-26 and 2026-01-01; none in February or March
// 2024. Weekdays checked with `date -d`. These rules count from the decision's date or the action's own
// due date alone, so decided_local()'s Panel notification (2025-03-10) plays no part.

namespace {

using cspr::calendar::Date;

// The deadline of `rule` for `subject` as of `today`, under the timescales of `cfg`.
rules::Deadline under(const model::Config& cfg, const model::Case& c, std::string_view rule, std::string_view subject,
                      Date today) {
    const auto d = find_deadline(rules::case_deadlines(c, cfg, england(), today), rule, subject);
    REQUIRE(d.has_value());
    return *d;
}

// cspr.yaml with `timescales: {<rule>: {length: ..., unit: ..., reason: ...}}`.
model::Config overriding(const std::string& rule, int length, model::Unit unit, std::string reason) {
    model::Config cfg = config();
    cfg.timescales[rule] = {length, unit, std::nullopt, std::move(reason), "", {}};
    return cfg;
}

// A local review decided on `on`, its reviewer named in the decision itself.
model::Case with_reviewer(Date on) {
    model::Case c = decided_local(on);
    c.decision->reviewers.push_back({"Sam Fictional", "None declared", std::nullopt, {}});
    return c;
}

}  // namespace

TEST_CASE("inform-decision: 5 working days from the decision, across Christmas and New Year", "[deadlines]") {
    // Decided Thu 2024-12-19: Fri 20 (1), Mon 23 (2), Tue 24 (3), [25, 26], Fri 27 (4), Mon 30 (5).
    auto c = with_reviewer(ymd(2024, 12, 19));
    c.decision->informed_panel = ymd(2024, 12, 30);   // on the due day
    c.decision->informed_ofsted = ymd(2024, 12, 31);  // the next working day
    c.decision->informed_dfe = ymd(2025, 1, 2);       // 31 December, [1 January], 2 January
    const Date today = ymd(2025, 1, 10);
    const auto panel = find(c, "inform-decision", "panel", today);
    CHECK(panel.start.day == ymd(2024, 12, 19));
    CHECK(panel.due == ymd(2024, 12, 30));
    CHECK(panel.status == rules::Status::met);
    CHECK_FALSE(panel.late);
    const auto ofsted = find(c, "inform-decision", "ofsted", today);
    CHECK(ofsted.due == ymd(2024, 12, 30));
    CHECK(ofsted.status == rules::Status::met_late);
    CHECK(ofsted.late_by == 1);
    const auto dfe = find(c, "inform-decision", "dfe", today);
    CHECK(dfe.status == rules::Status::met_late);
    CHECK(dfe.late_by == 2);
    CHECK(dfe.late);
}

TEST_CASE("inform-decision: open, then overdue, counted in working days", "[deadlines]") {
    const auto c = with_reviewer(ymd(2024, 12, 19));  // due Mon 2024-12-30; DfE never told
    // Tue 24 December: 27 and 30 are left, and still on Christmas Day.
    const auto before = find(c, "inform-decision", "dfe", ymd(2024, 12, 24));
    CHECK(before.status == rules::Status::pending);
    CHECK(before.days_left == 2);
    CHECK_FALSE(before.late);
    CHECK(find(c, "inform-decision", "dfe", ymd(2024, 12, 25)).days_left == 2);
    const auto due_day = find(c, "inform-decision", "dfe", ymd(2024, 12, 30));
    CHECK(due_day.status == rules::Status::pending);
    CHECK(due_day.days_left == 0);
    // Thu 2 January: 31 December and 2 January have passed; 1 January is a bank holiday.
    const auto after = find(c, "inform-decision", "dfe", ymd(2025, 1, 2));
    CHECK(after.status == rules::Status::overdue);
    CHECK(after.days_left == -2);
    CHECK(after.calendar_days_left == -3);
    CHECK(after.late);
}

TEST_CASE("inform-decision: across Easter and a leap day", "[deadlines]") {
    // Decided Fri 2025-04-11: 14-17 April (4), [Good Friday 18, weekend, Easter Monday 21], Tue 22 (5).
    CHECK(find(with_reviewer(ymd(2025, 4, 11)), "inform-decision", "panel", ymd(2025, 4, 14)).due == ymd(2025, 4, 22));
    // Decided Mon 2024-02-26: 27, 28, Thu 29 February (3), Fri 1 March (4), Mon 4 March (5).
    auto leap = with_reviewer(ymd(2024, 2, 26));
    leap.decision->informed_panel = ymd(2024, 3, 5);
    const auto d = find(leap, "inform-decision", "panel", ymd(2024, 3, 11));
    CHECK(d.due == ymd(2024, 3, 4));
    CHECK(d.status == rules::Status::met_late);
    CHECK(d.late_by == 1);
}

TEST_CASE("inform-decision: an override in cspr.yaml moves every subject's due date", "[deadlines]") {
    auto c = with_reviewer(ymd(2024, 12, 19));
    c.decision->informed_dfe = ymd(2025, 1, 2);  // late by 2 under the table's 5 working days
    // 10 working days: Mon 30 December is the 5th; 31 (6), [1 January], 2 (7), 3 (8), 6 (9), Tue 7 (10).
    const auto cfg = overriding("inform-decision", 10, model::Unit::working_days, "agreed locally");
    const auto dfe = under(cfg, c, "inform-decision", "dfe", ymd(2025, 1, 3));
    CHECK(dfe.due == ymd(2025, 1, 7));
    CHECK(dfe.length == 10);
    CHECK(dfe.override_reason == "agreed locally");
    CHECK(dfe.status == rules::Status::met);
    const auto panel = under(cfg, c, "inform-decision", "panel", ymd(2025, 1, 3));
    CHECK(panel.due == ymd(2025, 1, 7));
    CHECK(panel.status == rules::Status::pending);
    CHECK(panel.days_left == 2);  // 6 and 7 January
    // 14 calendar days from 19 December: Thu 2 January, bank holidays and all.
    const auto days = under(overriding("inform-decision", 14, model::Unit::calendar_days, "two weeks"), c,
                            "inform-decision", "dfe", ymd(2025, 1, 3));
    CHECK(days.due == ymd(2025, 1, 2));
    CHECK(days.unit == model::Unit::calendar_days);
    CHECK(days.status == rules::Status::met);
    CHECK(under(cfg, c, "publish", "", ymd(2025, 1, 3)).override_reason.empty());  // other rules keep the table's
}

TEST_CASE("publish: 6 months from the decision, at the month's end when shorter, never moved off a holiday",
          "[deadlines]") {
    // 31 February 2024 does not exist and 2024 is a leap year: Thu 2024-02-29.
    const auto leap = find(decided_local(ymd(2023, 8, 31)), "publish", "", ymd(2023, 9, 1));
    CHECK(leap.due == ymd(2024, 2, 29));
    CHECK(leap.length == 6);
    CHECK(leap.unit == model::Unit::months);
    CHECK(find(decided_local(ymd(2024, 8, 31)), "publish", "", ymd(2024, 9, 2)).due == ymd(2025, 2, 28));
    CHECK(find(decided_local(ymd(2024, 2, 29)), "publish", "", ymd(2024, 3, 1)).due == ymd(2024, 8, 29));
    // Sun 2025-08-31 → Sat 2026-02-28, and Tue 2024-06-25 → Christmas Day 2024: neither is moved.
    CHECK(find(decided_local(ymd(2025, 8, 31)), "publish", "", ymd(2025, 9, 1)).due == ymd(2026, 2, 28));
    CHECK(find(decided_local(ymd(2024, 6, 25)), "publish", "", ymd(2024, 7, 1)).due == ymd(2024, 12, 25));
}

TEST_CASE("publish: met on time, met late in calendar days, open and overdue", "[deadlines]") {
    auto c = decided_local(ymd(2023, 8, 31));  // due Thu 2024-02-29
    const auto open = find(c, "publish", "", ymd(2024, 2, 1));
    CHECK(open.status == rules::Status::pending);
    CHECK(open.days_left == 28);  // a rule in months counts what is left in calendar days
    const auto overdue = find(c, "publish", "", ymd(2024, 3, 1));
    CHECK(overdue.status == rules::Status::overdue);
    CHECK(overdue.days_left == -1);
    CHECK(overdue.late);
    c.publication = model::Publication{};
    c.publication->published = ymd(2024, 2, 29);
    CHECK(find(c, "publish", "", ymd(2024, 3, 1)).status == rules::Status::met);
    c.publication->published = ymd(2024, 3, 4);  // 1, 2, 3 and 4 March
    const auto late = find(c, "publish", "", ymd(2024, 3, 5));
    CHECK(late.status == rules::Status::met_late);
    CHECK(late.late_by == 4);
}

TEST_CASE("publish: an override in cspr.yaml, in months or in calendar days", "[deadlines]") {
    auto c = decided_local(ymd(2023, 8, 31));
    c.publication = model::Publication{};
    c.publication->published = ymd(2024, 3, 4);  // 4 days late under the table's 6 months
    const auto nine = under(overriding("publish", 9, model::Unit::months, "agreed with the Panel"), c, "publish", "",
                            ymd(2024, 3, 5));
    CHECK(nine.due == ymd(2024, 5, 31));
    CHECK(nine.status == rules::Status::met);
    CHECK(nine.override_reason == "agreed with the Panel");
    // 200 days: September 30, October 31, November 30, December 31, January 31 and a leap February 29
    // reach 29 February at 182; 18 more is Mon 2024-03-18.
    const auto days =
        under(overriding("publish", 200, model::Unit::calendar_days, "in days"), c, "publish", "", ymd(2024, 3, 5));
    CHECK(days.due == ymd(2024, 3, 18));
    CHECK(days.length == 200);
    CHECK(days.status == rules::Status::met);
}

TEST_CASE("action-due: due on the day recorded, even a bank holiday; met, met late, open and overdue",
          "[deadlines][actions]") {
    auto x = r2();
    x.due = ymd(2025, 12, 25);
    const auto at = [&](Date today) {
        return under(config(), with_action(x), "action-due", "R2 Northdale Council", today);
    };
    const auto open = at(ymd(2025, 12, 1));
    CHECK(open.due == ymd(2025, 12, 25));
    CHECK(open.status == rules::Status::pending);
    CHECK(open.days_left == 24);          // calendar days
    CHECK(open.working_days_left == 17);  // 2-5, 8-12, 15-19 and 22-24 December
    // Fri 2026-01-02: 8 days late; the working days past are 29, 30, 31 December and 2 January.
    const auto overdue = at(ymd(2026, 1, 2));
    CHECK(overdue.status == rules::Status::overdue);
    CHECK(overdue.days_left == -8);
    CHECK(overdue.working_days_left == -4);
    x.status = model::ActionStatus::done;
    x.completed = ymd(2025, 12, 24);
    CHECK(at(ymd(2026, 1, 2)).status == rules::Status::met);
    x.completed = ymd(2025, 12, 29);
    const auto late = at(ymd(2026, 1, 2));
    CHECK(late.status == rules::Status::met_late);
    CHECK(late.late_by == 4);
    // Done with no completion date: taken as done on the due day.
    x.completed.reset();
    const auto undated = at(ymd(2026, 1, 2));
    CHECK(undated.status == rules::Status::met);
    REQUIRE(undated.met.has_value());
    CHECK(undated.met->day == ymd(2025, 12, 25));
    // A leap day: done on 1 March is a day late.
    x.due = ymd(2024, 2, 29);
    x.completed = ymd(2024, 3, 1);
    CHECK(at(ymd(2024, 3, 4)).late_by == 1);
}

TEST_CASE("action-due: an override in cspr.yaml gives every action the same grace", "[deadlines][actions]") {
    auto x = r2();
    x.due = ymd(2025, 12, 25);
    x.status = model::ActionStatus::done;
    x.completed = ymd(2026, 1, 12);
    // 10 working days from Thu 2025-12-25: [26, weekend], 29 (1), 30, 31 (3), [1 January], 2 (4),
    // 5-9 (9), Mon 12 January (10).
    const auto cfg = overriding("action-due", 10, model::Unit::working_days, "ten working days' grace");
    const auto d = under(cfg, with_action(x), "action-due", "R2 Northdale Council", ymd(2026, 1, 13));
    CHECK(d.due == ymd(2026, 1, 12));
    CHECK(d.status == rules::Status::met);
    CHECK(d.override_reason == "ten working days' grace");
    x.completed = ymd(2026, 1, 13);
    const auto late = under(cfg, with_action(x), "action-due", "R2 Northdale Council", ymd(2026, 1, 13));
    CHECK(late.status == rules::Status::met_late);
    CHECK(late.late_by == 1);  // in the override's unit: one working day
    // A month's grace from Sat 2026-01-31 ends on the last day of February, Sat 2026-02-28.
    x.due = ymd(2026, 1, 31);
    x.status = model::ActionStatus::open;
    x.completed.reset();
    const auto month = under(overriding("action-due", 1, model::Unit::months, "a month's grace"), with_action(x),
                             "action-due", "R2 Northdale Council", ymd(2026, 2, 2));
    CHECK(month.due == ymd(2026, 2, 28));
    CHECK(month.days_left == 26);
}
