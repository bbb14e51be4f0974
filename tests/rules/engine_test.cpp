// src/rules/engine.cpp: turning a case and the table into deadlines: the due date of each unit
// (working days, elapsed hours across BST, calendar months clamped to the month's end), the status
// (met, met late, pending, overdue) and how late, the order of the list, and cspr.yaml's overrides.
// Expected values are worked by hand from docs/calendar.md and data/bank-holidays.json (see
// rules_testing.hpp), never from running the implementation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "rules_testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
namespace calendar = cspr::calendar;
using namespace cspr::rules::testing;

TEST_CASE("describe_length and status_name", "[table]") {
    CHECK(rules::describe_length(5, model::Unit::working_days) == "5 working days");
    CHECK(rules::describe_length(1, model::Unit::working_days) == "1 working day");
    CHECK(rules::describe_length(48, model::Unit::hours) == "48 hours");
    CHECK(rules::describe_length(6, model::Unit::months) == "6 months");
    CHECK(rules::describe_length(1, model::Unit::years) == "1 year");
    CHECK(rules::status_name(rules::Status::met) == "met");
    CHECK(rules::status_name(rules::Status::met_late) == "met late");
    CHECK(rules::status_name(rules::Status::pending) == "pending");
    CHECK(rules::status_name(rules::Status::overdue) == "overdue");
}

TEST_CASE("notify-panel: due 5 working days after the local authority became aware", "[deadlines]") {
    const auto& cal = england();
    // Aware Fri 2024-12-20: 23, 24, (25, 26 holidays), 27, 30, 31 → Tue 2024-12-31 (DOMAIN.md convention 2).
    const Date aware = ymd(2024, 12, 20);
    const Date due = ymd(2024, 12, 31);

    SECTION("sent on the due day: met") {
        const auto all = rules::case_deadlines(notified(aware, due), config(), cal, ymd(2025, 1, 10));
        const auto d = find_deadline(all, "notify-panel", "panel");
        REQUIRE(d.has_value());
        CHECK(show(d->due) == "2024-12-31");
        CHECK(d->status == rules::Status::met);
        CHECK(d->late_by == 0);
        CHECK(d->length == 5);
        CHECK(d->unit == model::Unit::working_days);
        CHECK(d->override_reason.empty());
        CHECK(d->case_id == "NDSCP-2024-001");
        CHECK(d->start.day == aware);
        REQUIRE(d->met.has_value());
        CHECK(d->met->day == due);
        CHECK_FALSE(d->due_time.has_value());
        CHECK_FALSE(d->projected);
        // The Panel's form reaches Ofsted and DfE: the same rule and the same due date.
        const auto ofsted = find_deadline(all, "notify-panel", "ofsted-dfe");
        REQUIRE(ofsted.has_value());
        CHECK(ofsted->due == due);
        const auto partners = find_deadline(all, "notify-partners", "partners");
        REQUIRE(partners.has_value());
        CHECK(partners->due == due);
    }
    SECTION("sent on the next working day (1 January is a bank holiday): met late by 1 working day") {
        const auto all = rules::case_deadlines(notified(aware, ymd(2025, 1, 2)), config(), cal, ymd(2025, 1, 10));
        const auto d = find_deadline(all, "notify-panel", "panel");
        REQUIRE(d.has_value());
        CHECK(d->status == rules::Status::met_late);
        CHECK(d->late_by == 1);
    }
    SECTION("sent early, even on day 0: met") {
        const auto all = rules::case_deadlines(notified(aware, aware), config(), cal, ymd(2025, 1, 10));
        CHECK(find_deadline(all, "notify-panel", "panel")->status == rules::Status::met);
    }
    SECTION("not sent, before the due day: pending, days left in working days") {
        // From Mon 2024-12-23: 24, 27, 30, 31 → 4 working days left.
        const auto all = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, ymd(2024, 12, 23));
        const auto d = find_deadline(all, "notify-panel", "panel");
        REQUIRE(d.has_value());
        CHECK(d->status == rules::Status::pending);
        CHECK(d->days_left == 4);
        CHECK_FALSE(d->met.has_value());
        // On day 0 itself, all five are left.
        const auto first = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, aware);
        CHECK(find_deadline(first, "notify-panel", "panel")->days_left == 5);
        // Over Christmas the count does not move: 25 and 26 December are not working days.
        const auto xmas = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, ymd(2024, 12, 26));
        CHECK(find_deadline(xmas, "notify-panel", "panel")->days_left == 3);
    }
    SECTION("not sent, on the due day: pending with 0 days left") {
        const auto all = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, due);
        const auto d = find_deadline(all, "notify-panel", "panel");
        REQUIRE(d.has_value());
        CHECK(d->status == rules::Status::pending);
        CHECK(d->days_left == 0);
    }
    SECTION("not sent, after the due day: overdue, negative days left") {
        // Fri 2025-01-03: 2 and 3 January have passed (1 January is a holiday) → -2.
        const auto all = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, ymd(2025, 1, 3));
        const auto d = find_deadline(all, "notify-panel", "panel");
        REQUIRE(d.has_value());
        CHECK(d->status == rules::Status::overdue);
        CHECK(d->days_left == -2);
        const auto next_day = rules::case_deadlines(notified(aware, std::nullopt), config(), cal, ymd(2025, 1, 2));
        CHECK(find_deadline(next_day, "notify-panel", "panel")->status == rules::Status::overdue);
        CHECK(find_deadline(next_day, "notify-panel", "panel")->days_left == -1);
    }
}

TEST_CASE("referral-confirm: 48 elapsed hours, across the start and end of BST", "[deadlines]") {
    const auto& cal = england();
    model::Case c;
    c.id = "NDSCP-2025-001";
    c.referral = a_referral();

    SECTION("clocks go forward: Fri 10:00 GMT + 48 h = Sun 11:00 BST") {
        c.referral->received = london("2025-03-28T10:00");
        c.referral->confirmed_in_writing.reset();
        const auto pending = rules::case_deadlines(c, config(), cal, ymd(2025, 3, 28));
        const auto d = find_deadline(pending, "referral-confirm");
        REQUIRE(d.has_value());
        REQUIRE(d->due_time.has_value());
        CHECK(calendar::format_london_datetime(*d->due_time) == "2025-03-30T11:00");
        CHECK(*d->due_time - c.referral->received == std::chrono::hours{48});
        CHECK(show(d->due) == "2025-03-30");
        CHECK(d->status == rules::Status::pending);
        CHECK(d->length == 48);
        CHECK(d->unit == model::Unit::hours);
        CHECK(d->start.time == c.referral->received);

        c.referral->confirmed_in_writing = london("2025-03-30T11:00");
        CHECK(find_deadline(rules::case_deadlines(c, config(), cal, ymd(2025, 4, 1)), "referral-confirm")->status ==
              rules::Status::met);
        // 10:30 BST is 47.5 elapsed hours: on time (a local-clock count would make it late).
        c.referral->confirmed_in_writing = london("2025-03-30T10:30");
        CHECK(find_deadline(rules::case_deadlines(c, config(), cal, ymd(2025, 4, 1)), "referral-confirm")->status ==
              rules::Status::met);
        // One minute late is late by an hour (lateness in the rule's own unit, rounded up).
        c.referral->confirmed_in_writing = london("2025-03-30T11:01");
        const auto late = rules::case_deadlines(c, config(), cal, ymd(2025, 4, 1));
        const auto l = find_deadline(late, "referral-confirm");
        REQUIRE(l.has_value());
        CHECK(l->status == rules::Status::met_late);
        CHECK(l->late_by == 1);
        // Two hours and a minute late: 3 hours.
        c.referral->confirmed_in_writing = london("2025-03-30T13:01");
        CHECK(find_deadline(rules::case_deadlines(c, config(), cal, ymd(2025, 4, 1)), "referral-confirm")->late_by ==
              3);
    }
    SECTION("clocks go back: Fri 10:00 BST + 48 h = Sun 09:00 GMT") {
        c.referral->received = london("2025-10-24T10:00");
        c.referral->confirmed_in_writing = london("2025-10-26T09:30");
        const auto all = rules::case_deadlines(c, config(), cal, ymd(2025, 10, 27));
        const auto d = find_deadline(all, "referral-confirm");
        REQUIRE(d.has_value());
        REQUIRE(d->due_time.has_value());
        CHECK(calendar::format_london_datetime(*d->due_time) == "2025-10-26T09:00");
        CHECK(d->status == rules::Status::met_late);
        CHECK(d->late_by == 1);
    }
    SECTION("weekends count: 48 hours from Friday evening end on Sunday evening") {
        c.referral->received = london("2025-01-10T18:00");
        c.referral->confirmed_in_writing.reset();
        const auto all = rules::case_deadlines(c, config(), cal, ymd(2025, 1, 13));
        const auto d = find_deadline(all, "referral-confirm");
        REQUIRE(d.has_value());
        CHECK(calendar::format_london_datetime(*d->due_time) == "2025-01-12T18:00");
        CHECK(d->status == rules::Status::overdue);
    }
    SECTION("switched off in cspr.yaml: not counted, with the reason as its note") {
        c.referral->received = london("2025-03-03T10:30");
        c.referral->confirmed_in_writing.reset();
        auto cfg = config();
        cfg.timescales["referral-confirm"].enabled = false;
        cfg.timescales["referral-confirm"].reason = "confirmed at the strategy meeting";
        const auto all = rules::case_deadlines(c, cfg, cal, ymd(2025, 3, 10));
        const auto d =
            std::find_if(all.begin(), all.end(), [](const auto& x) { return x.rule->id == "referral-confirm"; });
        REQUIRE(d != all.end());
        CHECK(d->status == rules::Status::not_applicable);
        CHECK(d->note == "switched off in cspr.yaml: confirmed at the strategy meeting");
        CHECK_FALSE(d->late);
        CHECK_FALSE(find_deadline(all, "referral-confirm").has_value());
        // Switched on again, the same case is overdue.
        cfg.timescales["referral-confirm"].enabled = true;
        CHECK(find_deadline(rules::case_deadlines(c, cfg, cal, ymd(2025, 3, 10)), "referral-confirm")->status ==
              rules::Status::overdue);
    }
    SECTION("a local override in hours (cspr.yaml example: 72 hours) with its reason") {
        c.referral->received = london("2025-03-03T10:30");
        c.referral->confirmed_in_writing = london("2025-03-05T12:00");
        auto cfg = config();
        cfg.timescales["referral-confirm"] = {72, model::Unit::hours, std::nullopt, "three days locally", "", {}};
        const auto d = find_deadline(rules::case_deadlines(c, cfg, cal, ymd(2025, 3, 10)), "referral-confirm");
        REQUIRE(d.has_value());
        CHECK(calendar::format_london_datetime(*d->due_time) == "2025-03-06T10:30");
        CHECK(d->status == rules::Status::met);
        CHECK(d->length == 72);
        CHECK(d->override_reason == "three days locally");
        // Without the override, the same confirmation is late by 2 hours (due 2025-03-05T10:30).
        const auto plain = find_deadline(rules::case_deadlines(c, config(), cal, ymd(2025, 3, 10)), "referral-confirm");
        CHECK(plain->status == rules::Status::met_late);
        CHECK(plain->late_by == 2);
    }
}

TEST_CASE("decision: 1 calendar month from the Panel's notification, clamped to the month's end", "[deadlines]") {
    const auto& cal = england();
    const auto all =
        rules::case_deadlines(notified(ymd(2025, 1, 27), ymd(2025, 1, 31)), config(), cal, ymd(2025, 2, 3));
    const auto d = find_deadline(all, "decision");
    REQUIRE(d.has_value());
    CHECK(show(d->due) == "2025-02-28");
    CHECK(d->start.day == ymd(2025, 1, 31));
    CHECK(d->status == rules::Status::pending);
    CHECK(d->unit == model::Unit::months);
    // Not moved off a holiday (DOMAIN.md convention 4): sent 2025-04-05 → Mon 2025-05-05, the Early May
    // bank holiday, is still the due date. And 2025-05-31 → 2025-06-30 (June has 30 days).
    const auto may =
        find_deadline(rules::case_deadlines(notified(ymd(2025, 4, 1), ymd(2025, 4, 5)), config(), cal, ymd(2025, 4, 5)),
                      "decision");
    REQUIRE(may.has_value());
    CHECK(show(may->due) == "2025-05-05");
    const auto june = find_deadline(rules::case_deadlines(notified(ymd(2025, 5, 28), ymd(2025, 5, 31)), config(), cal,
                                                          ymd(2025, 6, 2)),
                                    "decision");
    REQUIRE(june.has_value());
    CHECK(show(june->due) == "2025-06-30");
    // Leap year: 2024-01-31 → 2024-02-29.
    const auto leap = find_deadline(rules::case_deadlines(notified(ymd(2024, 1, 29), ymd(2024, 1, 31)), config(), cal,
                                                          ymd(2024, 2, 1)),
                                    "decision");
    REQUIRE(leap.has_value());
    CHECK(show(leap->due) == "2024-02-29");
}

TEST_CASE("rapid-review: 15 working days from the Panel's notification; a local override changes it", "[deadlines]") {
    const auto& cal = england();
    // Panel told Mon 2025-03-10: 11-14 (4), 17-21 (9), 24-28 (14), 31 (15) → Mon 2025-03-31.
    const model::Case c = notified(ymd(2025, 3, 6), ymd(2025, 3, 10));
    const auto all = rules::case_deadlines(c, config(), cal, ymd(2025, 3, 11));
    const auto d = find_deadline(all, "rapid-review");
    REQUIRE(d.has_value());
    CHECK(d->start.day == ymd(2025, 3, 10));
    CHECK(show(d->due) == "2025-03-31");
    CHECK(d->length == 15);
    CHECK(d->override_reason.empty());
    CHECK(d->status == rules::Status::pending);
    CHECK(d->days_left == 14);

    // Over Easter 2025 (Good Friday 18 April, Easter Monday 21 April): told Thu 2025-04-10 →
    // 11, 14-17 (5), 22-25 (9), 28-30 April, 1 May (13), 2 May (14), (5 May holiday), 6 May (15).
    const auto easter = find_deadline(rules::case_deadlines(notified(ymd(2025, 4, 8), ymd(2025, 4, 10)), config(), cal,
                                                            ymd(2025, 4, 10)),
                                      "rapid-review");
    REQUIRE(easter.has_value());
    CHECK(show(easter->due) == "2025-05-06");

    auto cfg = config();
    cfg.timescales["rapid-review"] = {20, model::Unit::working_days, std::nullopt, "the Panel agreed an extension", "",
                                      {}};
    // 20 working days from 2025-03-10: 31 March is the 15th; 1-4 April (19), Mon 7 April (20).
    const auto longer = rules::case_deadlines(c, cfg, cal, ymd(2025, 3, 11));
    const auto o = find_deadline(longer, "rapid-review");
    REQUIRE(o.has_value());
    CHECK(show(o->due) == "2025-04-07");
    CHECK(o->length == 20);
    CHECK(o->unit == model::Unit::working_days);
    CHECK(o->override_reason == "the Panel agreed an extension");
    // Other rules are untouched by the override.
    CHECK(find_deadline(longer, "decision")->override_reason.empty());
    CHECK(show(find_deadline(longer, "decision")->due) == "2025-04-10");
}

TEST_CASE("case_deadlines are sorted by due date, then by rule order", "[deadlines]") {
    model::Case c = a_case();
    const auto all = rules::case_deadlines(c, config(), england(), ymd(2025, 3, 20));
    const auto list = applicable(all);
    // referral-confirm; panel, ofsted-dfe, partners, cdr-partners; rapid-review; decision.
    CHECK(list.size() == 7);
    const auto order = [](const rules::Deadline& d) {
        const auto table = rules::rule_table();
        for (std::size_t i = 0; i < table.size(); ++i)
            if (&table[i] == d.rule) return i;
        FAIL("a deadline's rule is not in the table");
        return std::size_t{0};
    };
    for (std::size_t i = 1; i < list.size(); ++i) {
        INFO(list[i - 1].rule->id << " " << show(list[i - 1].due) << " then " << list[i].rule->id << " "
                                  << show(list[i].due));
        CHECK(list[i - 1].due <= list[i].due);
        if (list[i - 1].due == list[i].due) CHECK(order(list[i - 1]) <= order(list[i]));
    }
    // Anything not applicable comes after every applicable deadline.
    bool seen_not_applicable = false;
    for (const auto& d : all) {
        const bool na = rules::status_name(d.status) == "not applicable";
        if (!na) CHECK_FALSE(seen_not_applicable);
        seen_not_applicable = seen_not_applicable || na;
    }
    // Referral received Mon 2025-03-03 10:30 → due Wed 2025-03-05 10:30; confirmed Tue 09:15: met.
    CHECK(list.front().rule->id == "referral-confirm");
    CHECK(list.front().status == rules::Status::met);
    // Aware Tue 2025-03-04 → due Tue 2025-03-11 for every recipient.
    for (const char* who : {"panel", "ofsted-dfe", "partners", "cdr-partners"}) {
        INFO(who);
        const auto d = find_deadline(all,
                                     who == std::string("cdr-partners") ? "notify-cdr"
                                     : who == std::string("partners")   ? "notify-partners"
                                                                        : "notify-panel",
                                     who);
        REQUIRE(d.has_value());
        CHECK(show(d->due) == "2025-03-11");
    }
    // cdr-partners was never told and it is 2025-03-20: overdue, 7 working days after the 11th.
    CHECK(find_deadline(all, "notify-cdr", "cdr-partners")->status == rules::Status::overdue);
    CHECK(find_deadline(all, "notify-cdr", "cdr-partners")->days_left == -7);
    // Panel told Mon 2025-03-10 → rapid review Mon 2025-03-31, decision Thu 2025-04-10.
    CHECK(show(find_deadline(all, "rapid-review")->due) == "2025-03-31");
    CHECK(show(find_deadline(all, "decision")->due) == "2025-04-10");
    CHECK(list.back().rule->id == "decision");
}

TEST_CASE("hour-clock-far-start: an hour clock from a day outside the calendar is an error, not an overflow") {
    // Found while bounding override lengths: `aware: 9999-12-31` with a rule overridden to hours
    // overflowed std::chrono inside london_date_of (UBSan), whatever the length.
    const auto& cal = england();
    auto cfg = config();
    cfg.timescales["notify-panel"] = {0, model::Unit::hours, std::nullopt, "local", "", {}};
    for (const Date aware : {ymd(9999, 12, 31), ymd(0, 1, 1), ymd(2300, 1, 1)}) {
        INFO(calendar::format_iso_date(aware));
        CHECK_THROWS_AS(rules::case_deadlines(notified(aware, std::nullopt), cfg, cal, ymd(2025, 1, 2)), cspr::Error);
    }
    const auto inside = rules::case_deadlines(notified(ymd(2025, 1, 2), std::nullopt), cfg, cal, ymd(2025, 1, 2));
    CHECK(find_deadline(inside, "notify-panel", "panel")->due == ymd(2025, 1, 2));
}

TEST_CASE("a due date on a weekend or bank holiday stays as counted, with the working day before it to act by",
          "[engine][act_by]") {
    // Sunday 2026-03-29: act by Friday 2026-03-27. Christmas Day 2025 (a Thursday): act by Wednesday
    // 2025-12-24. Tuesday 2026-03-31 is a working day: nothing to add.
    const auto due_on = [](Date due) {
        model::Action x = r2();
        x.due = due;
        const auto d = find_deadline(rules::case_deadlines(with_action(x), config(), england(), ymd(2025, 12, 1)),
                                     "action-due", "R2 Northdale Council");
        REQUIRE(d);
        return *d;
    };
    const auto sunday = due_on(ymd(2026, 3, 29));
    CHECK(show(sunday.due) == "2026-03-29");
    REQUIRE(sunday.act_by);
    CHECK(show(*sunday.act_by) == "2026-03-27");
    CHECK(sunday.note == "due Sun 2026-03-29, not a working day: act by Fri 2026-03-27");
    const auto christmas = due_on(ymd(2025, 12, 25));
    REQUIRE(christmas.act_by);
    CHECK(show(*christmas.act_by) == "2025-12-24");
    CHECK(christmas.note == "due Thu 2025-12-25 (Christmas Day), not a working day: act by Wed 2025-12-24");
    const auto tuesday = due_on(ymd(2026, 3, 31));
    CHECK_FALSE(tuesday.act_by);
    CHECK(tuesday.note.empty());
}
