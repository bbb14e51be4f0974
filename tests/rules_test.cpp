// Unit tests for the rules module (include/cspr/rules.hpp): the notification test of the Children
// Act 2004 s16C(1), the table of timescales, deadlines and the checks across fields and files.
//
// Expected values are derived from the law, docs/calendar.md (the counting conventions) and
// docs/case-files.md, never from running the implementation. Weekdays and bank holidays were checked
// by hand against the GOV.UK list: 25 and 26 December 2024 and 1 January 2025 are bank holidays in
// England and Wales; 2024-12-20, 2025-03-07 and 2025-03-28 are Fridays; BST began on Sunday
// 2025-03-30 at 01:00 GMT and ended on Sunday 2025-10-26 at 01:00 GMT.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
namespace calendar = cspr::calendar;
using calendar::Date;
using calendar::DateTime;
using model::AbuseOrNeglect;
using model::Harm;
using model::Location;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y} / date::month{m} / date::day{d}}; }

DateTime london(const char* text) {
    const auto t = calendar::parse_london_datetime(text);
    REQUIRE(t.has_value());
    return *t;
}

std::string show(Date d) { return calendar::format_iso_date(d); }

const calendar::Calendar& england() {
    static const calendar::Calendar cal =
        calendar::make_calendar(calendar::Region::england_and_wales, calendar::embedded_holidays());
    return cal;
}

// ---- the notification test ----

std::set<std::string> who(const rules::NotificationDecision& d) {
    std::set<std::string> out;
    for (const auto* r : d.who) {
        REQUIRE(r != nullptr);
        out.insert(std::string(r->id));
    }
    return out;
}

// ---- hand-built cases ----

model::Referral a_referral() {
    model::Referral r;
    r.id = "NDSCP-2025-001";
    r.received = london("2025-03-03T10:30");
    r.confirmed_in_writing = london("2025-03-04T09:15");
    r.referrer = {"Alex Fictional", "Northdale Police", "Detective Sergeant", "", {}};
    r.child.name = "Robin Example";
    r.child.date_of_birth = ymd(2019, 4, 2);
    r.child.date_of_death = ymd(2025, 3, 1);
    r.child.incident_date = ymd(2025, 3, 1);
    r.child.child_protection_plan = model::CpPlan::previous;
    r.child.looked_after = false;
    model::FamilyMember mother;
    mother.name = "Jo Example";
    mother.relationship = "mother";
    mother.date_of_birth = ymd(1995, 7, 14);
    r.family.push_back(mother);
    r.criteria = {"died-abuse-neglect", "cp-plan"};
    r.narrative = "Robin died.";
    return r;
}

model::RecipientRecord recipient(std::string who, std::string rule, std::optional<Date> sent = std::nullopt) {
    model::RecipientRecord r;
    r.recipient = std::move(who);
    r.rule = std::move(rule);
    r.sent = sent;
    return r;
}

// A notification that agrees with a_referral(): suspected abuse, the child died in the area.
model::Notification a_notification() {
    model::Notification n;
    n.id = "NDSCP-2025-001";
    n.aware = ymd(2025, 3, 4);
    n.test.abuse_or_neglect = AbuseOrNeglect::suspected;
    n.test.harm = Harm::died;
    n.test.location = Location::in_area;
    n.test.looked_after = false;
    n.test.care_leaver = false;
    n.notifiable = true;
    n.reasons = {"abuse or neglect is suspected (Children Act 2004 s16C(1))"};
    // Rules per docs/case-files.md's example: the Panel's form also reaches Ofsted and DfE.
    n.recipients = {recipient("panel", "notify-panel", ymd(2025, 3, 10)),
                    recipient("ofsted-dfe", "notify-panel", ymd(2025, 3, 10)),
                    recipient("partners", "notify-partners", ymd(2025, 3, 5)),
                    recipient("cdr-partners", "notify-cdr")};
    return n;
}

model::Case a_case() {
    model::Case c;
    c.id = "NDSCP-2025-001";
    c.referral = a_referral();
    c.notification = a_notification();
    return c;
}

std::string describe(const std::vector<rules::Problem>& problems) {
    std::ostringstream out;
    for (const auto& p : problems) out << "  " << p.file << ": " << p.field << ": " << p.message << "\n";
    return out.str();
}

// True when some problem is in `file` at one of `fields` (where the law or the spec allows more than
// one reasonable place to point at, every one is listed).
bool has_problem(const std::vector<rules::Problem>& problems, std::string_view file,
                 std::initializer_list<std::string_view> fields) {
    return std::any_of(problems.begin(), problems.end(), [&](const rules::Problem& p) {
        return p.file == file && !p.message.empty() &&
               std::find(fields.begin(), fields.end(), std::string_view(p.field)) != fields.end();
    });
}

// ---- deadlines ----

std::vector<rules::Deadline> applicable(const std::vector<rules::Deadline>& all) {
    std::vector<rules::Deadline> out;
    for (const auto& d : all)
        if (rules::status_name(d.status) != "not applicable") out.push_back(d);
    return out;
}

// A copy, so that it may outlive the list it was found in.
std::optional<rules::Deadline> find_deadline(const std::vector<rules::Deadline>& all, std::string_view rule,
                                             std::string_view subject = "") {
    for (const auto& d : all)
        if (d.rule && d.rule->id == rule && d.subject == subject && rules::status_name(d.status) != "not applicable")
            return d;
    return std::nullopt;
}

// A case that is only a notification, aware on `aware`, the Panel told on `sent` (if at all).
model::Case notified(Date aware, std::optional<Date> sent) {
    model::Case c;
    c.id = "NDSCP-2024-001";
    model::Notification n;
    n.id = c.id;
    n.aware = aware;
    n.test = {AbuseOrNeglect::known, Harm::seriously_harmed, Location::in_area, false, false, {}};
    n.notifiable = true;
    n.recipients = {recipient("panel", "notify-panel", sent), recipient("ofsted-dfe", "notify-panel", sent),
                    recipient("partners", "notify-partners", sent)};
    c.notification = n;
    return c;
}

model::Config config() {
    model::Config c;
    c.partnership = "Testshire Safeguarding Children Partnership";
    c.code = "NDSCP";
    c.local_authority = "Testshire Council";
    return c;
}

}  // namespace

// ---- 1. decide_notification -----------------------------------------------------------------------

TEST_CASE("decide_notification over every combination of answers", "[notification]") {
    int combinations = 0;
    for (auto abuse : {AbuseOrNeglect::known, AbuseOrNeglect::suspected, AbuseOrNeglect::no})
        for (auto harm : {Harm::died, Harm::seriously_harmed, Harm::neither})
            for (auto location : {Location::in_area, Location::resident_harmed_outside_england, Location::neither})
                for (bool looked_after : {false, true})
                    for (bool care_leaver : {false, true}) {
                        ++combinations;
                        model::NotificationTest t;
                        t.abuse_or_neglect = abuse;
                        t.harm = harm;
                        t.location = location;
                        t.looked_after = looked_after;
                        t.care_leaver = care_leaver;
                        INFO("abuse " << model::abuse_name(abuse) << ", harm " << model::harm_name(harm) << ", location "
                                      << model::location_name(location) << ", looked after " << looked_after
                                      << ", care leaver " << care_leaver);
                        const auto d = rules::decide_notification(t);

                        // Children Act 2004 s16C(1): abuse or neglect known or suspected, the child died
                        // or was seriously harmed, (a) in the area or (b) resident here, outside England.
                        const bool notifiable =
                            abuse != AbuseOrNeglect::no && harm != Harm::neither && location != Location::neither;
                        CHECK(d.notifiable == notifiable);

                        const bool died = harm == Harm::died;
                        std::set<std::string> expected;
                        if (notifiable) expected.insert({"panel", "ofsted-dfe"});
                        if (notifiable || (died && looked_after)) expected.insert("partners");
                        if (died && (notifiable || looked_after)) expected.insert("cdr-partners");
                        if (died && looked_after) expected.insert("sos-ofsted");
                        if (died && care_leaver) expected.insert("sos-ofsted-care-leaver");
                        CHECK(who(d) == expected);
                        CHECK(d.who.size() == expected.size());  // nobody twice

                        REQUIRE_FALSE(d.reasons.empty());
                        for (const auto& reason : d.reasons) {
                            INFO("reason: " << reason);
                            CHECK(reason.ends_with(")"));
                            const bool cites = reason.find(" (Children Act 2004 s16C(1)") != std::string::npos ||
                                               reason.find(" (Working Together 20") != std::string::npos;
                            CHECK(cites);
                        }
                        const auto cites = [&](std::string_view source) {
                            return std::any_of(d.reasons.begin(), d.reasons.end(),
                                               [&](const std::string& r) { return r.ends_with(source); });
                        };
                        // The limb of s16C(1) that puts the case in this authority's hands.
                        if (location == Location::in_area) CHECK(cites("(Children Act 2004 s16C(1)(a))"));
                        if (location == Location::resident_harmed_outside_england)
                            CHECK(cites("(Children Act 2004 s16C(1)(b))"));
                        if (died && looked_after) CHECK(cites("(Working Together 2018 ch. 4)"));
                        if (died && care_leaver) CHECK(cites("(Working Together 2023 ch. 5)"));
                    }
    CHECK(combinations == 108);
}

TEST_CASE("recipients: every recipient cspr knows has the documented rule", "[notification]") {
    // docs/case-files.md: the recipients and the rules whose clocks apply to them.
    const std::vector<std::pair<std::string_view, std::string_view>> documented = {
        {"panel", "notify-panel"},       {"ofsted-dfe", "notify-panel"},    {"partners", "notify-partners"},
        {"cdr-partners", "notify-cdr"},  {"sos-ofsted", "notify-lac-death"}, {"sos-ofsted-care-leaver", "notify-care-leaver"}};
    CHECK(rules::recipients().size() == documented.size());
    for (const auto& [id, rule] : documented) {
        INFO(id);
        const auto* r = rules::find_recipient(id);
        REQUIRE(r != nullptr);
        CHECK(r->id == id);
        CHECK(r->rule == rule);
        CHECK_FALSE(r->who.empty());
        CHECK(rules::find_rule(r->rule) != nullptr);  // every recipient's clock is a rule of the table
    }
    CHECK(rules::find_recipient("mayor") == nullptr);
    CHECK(rules::find_recipient("") == nullptr);
}

// ---- 2. The rule table ------------------------------------------------------------------------------

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

// ---- 3. case_deadlines ------------------------------------------------------------------------------

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
        CHECK(find_deadline(rules::case_deadlines(c, config(), cal, ymd(2025, 4, 1)), "referral-confirm")->late_by == 3);
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
    SECTION("a local override in hours (cspr.yaml example: 72 hours) with its reason") {
        c.referral->received = london("2025-03-03T10:30");
        c.referral->confirmed_in_writing = london("2025-03-05T12:00");
        auto cfg = config();
        cfg.timescales["referral-confirm"] = {72, model::Unit::hours, "three days locally", "", {}};
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
    const auto all = rules::case_deadlines(notified(ymd(2025, 1, 27), ymd(2025, 1, 31)), config(), cal, ymd(2025, 2, 3));
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
    const auto june =
        find_deadline(rules::case_deadlines(notified(ymd(2025, 5, 28), ymd(2025, 5, 31)), config(), cal, ymd(2025, 6, 2)),
                      "decision");
    REQUIRE(june.has_value());
    CHECK(show(june->due) == "2025-06-30");
    // Leap year: 2024-01-31 → 2024-02-29.
    const auto leap =
        find_deadline(rules::case_deadlines(notified(ymd(2024, 1, 29), ymd(2024, 1, 31)), config(), cal, ymd(2024, 2, 1)),
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
    const auto easter = find_deadline(
        rules::case_deadlines(notified(ymd(2025, 4, 8), ymd(2025, 4, 10)), config(), cal, ymd(2025, 4, 10)), "rapid-review");
    REQUIRE(easter.has_value());
    CHECK(show(easter->due) == "2025-05-06");

    auto cfg = config();
    cfg.timescales["rapid-review"] = {20, model::Unit::working_days, "the Panel agreed an extension", "", {}};
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

TEST_CASE("no rapid review or decision clock before the Panel is told", "[deadlines]") {
    const auto all = rules::case_deadlines(notified(ymd(2025, 3, 6), std::nullopt), config(), england(), ymd(2025, 3, 7));
    CHECK_FALSE(find_deadline(all, "rapid-review").has_value());
    CHECK_FALSE(find_deadline(all, "decision").has_value());
    CHECK(find_deadline(all, "notify-panel", "panel").has_value());
    // No case files at all: no clocks.
    model::Case empty;
    empty.id = "NDSCP-2025-009";
    CHECK(applicable(rules::case_deadlines(empty, config(), england(), ymd(2025, 3, 7))).empty());
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
        const auto d = find_deadline(all, who == std::string("cdr-partners") ? "notify-cdr"
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

// ---- 4. check_case ----------------------------------------------------------------------------------

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
    harmed.notification->test = {AbuseOrNeglect::suspected, Harm::seriously_harmed, Location::neither, false, false, {}};
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
        const auto p = problems_of([](model::Referral& r) { r.child.date_of_death = ymd(2019, 4, 1); r.child.incident_date = ymd(2019, 4, 1); r.child.date_of_birth = ymd(2019, 4, 2); });
        INFO(describe(p));
        CHECK(has_problem(p, "referral.yaml", {"child.date_of_death", "child.date_of_birth"}));
    }
    {
        const auto p = problems_of([](model::Referral& r) { r.child.incident_date = ymd(2025, 3, 4); });  // received 03-03
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

// ---- 5. check_config ----------------------------------------------------------------------------------

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

TEST_CASE("check_config: overrides of national rules need a reason; rule ids must exist", "[checks]") {
    CHECK(rules::check_config(config()).empty());

    const auto statutory = only_config_problem("notify-panel", {10, model::Unit::working_days, "", "", {}});
    CHECK(statutory.field == "timescales.notify-panel.reason");
    CHECK(statutory.message == "overriding a statutory timescale needs a recorded reason");

    auto no_reason = config();
    no_reason.timescales["notify-panel"] = {10, model::Unit::working_days, "", "", {}};
    auto with_reason = no_reason;
    with_reason.timescales["notify-panel"].reason = "agreed with the Panel";
    CHECK(rules::check_config(with_reason).empty());

    const auto unknown = only_config_problem("notify-mayor", {5, model::Unit::working_days, "because", "", {}});
    CHECK(unknown.field == "timescales.notify-mayor");

    auto local = config();
    local.timescales["referral-confirm"] = {72, model::Unit::hours, "", "", {}};
    CHECK(rules::check_config(local).empty());

    // The rapid review's 15 days are the Panel's non-statutory guidance: national all the same, so a
    // reason is needed, and the message does not call the timescale statutory.
    const auto guidance = only_config_problem("rapid-review", {20, model::Unit::working_days, "", "", {}});
    CHECK(guidance.field == "timescales.rapid-review.reason");
    CHECK(guidance.message == "overriding a timescale of national guidance needs a recorded reason");

    // Every problem is reported, not just the first.
    auto both = no_reason;
    both.timescales["notify-mayor"] = {5, model::Unit::working_days, "", "", {}};
    CHECK(rules::check_config(both).size() == 2);
}

TEST_CASE("hour-clock-far-start: an hour clock from a day outside the calendar is an error, not an overflow") {
    // Found while bounding override lengths: `aware: 9999-12-31` with a rule overridden to hours
    // overflowed std::chrono inside london_date_of (UBSan), whatever the length.
    const auto& cal = england();
    auto cfg = config();
    cfg.timescales["notify-panel"] = {0, model::Unit::hours, "local", "", {}};
    for (const Date aware : {ymd(9999, 12, 31), ymd(0, 1, 1), ymd(2300, 1, 1)}) {
        INFO(calendar::format_iso_date(aware));
        CHECK_THROWS_AS(rules::case_deadlines(notified(aware, std::nullopt), cfg, cal, ymd(2025, 1, 2)), cspr::Error);
    }
    const auto inside = rules::case_deadlines(notified(ymd(2025, 1, 2), std::nullopt), cfg, cal, ymd(2025, 1, 2));
    CHECK(find_deadline(inside, "notify-panel", "panel")->due == ymd(2025, 1, 2));
}

// ---- issue 12, F10: re-dated and dropped actions keep their reason -----------------------------------

namespace {

// Case 001 with one action, R2, first due 2026-03-31.
model::Case with_action(const model::Action& x) {
    model::Case c = a_case();
    c.actions = model::Actions{c.id, {x}, {}};
    return c;
}

model::Action r2() {
    model::Action x;
    x.ref = "R2";
    x.recommendation = "Train school safeguarding leads.";
    x.owner = "Northdale Council";
    x.due = ymd(2026, 3, 31);
    x.status = model::ActionStatus::in_progress;
    return x;
}

}  // namespace

TEST_CASE("actions-redate-hides-slippage: a moved due date needs a history entry with a reason", "[checks][actions]") {
    auto x = r2();
    x.original_due = x.due;
    x.due = ymd(2027, 3, 31);
    // Moved by hand: no history entry says why.
    auto problems = rules::check_case(with_action(x));
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "actions.yaml");
    CHECK(problems[0].field == "actions[0].due");
    // The entry must explain the current date, with a reason.
    x.history.push_back({ymd(2026, 7, 1), "due", "2026-03-31", "2027-03-31", "Training provider withdrew", {}});
    CHECK(rules::check_action_history(*with_action(x).actions).empty());
    x.due = ymd(2027, 6, 30);
    CHECK(rules::check_action_history(*with_action(x).actions).size() == 1);
    x.history.push_back({ymd(2026, 8, 3), "due", "2027-03-31", "2027-06-30", "", {}});
    CHECK(rules::check_action_history(*with_action(x).actions).size() == 1);  // no reason: not explained
    x.history.back().reason = "Board agreed a later start";
    CHECK(rules::check_action_history(*with_action(x).actions).empty());
    // A history of re-dating without the first due date is a problem at original_due.
    x.original_due.reset();
    problems = rules::check_action_history(*with_action(x).actions);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "actions[0].original_due");
}

TEST_CASE("actions-dropped-without-reason: a dropped action's last change of status gives the reason", "[checks][actions]") {
    auto x = r2();
    x.status = model::ActionStatus::dropped;
    auto problems = rules::check_case(with_action(x));
    INFO(describe(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "actions[0].status");
    x.history.push_back({ymd(2026, 7, 1), "status", "in-progress", "dropped", "Superseded by the regional audit", {}});
    CHECK(rules::check_case(with_action(x)).empty());
    // Reinstated, then dropped again by hand: the later drop has no reason of its own.
    x.history.push_back({ymd(2026, 8, 1), "status", "dropped", "open", "Regional audit cancelled", {}});
    CHECK(rules::check_action_history(*with_action(x).actions).size() == 1);
    // Not dropped: no reason needed.
    x.status = model::ActionStatus::open;
    CHECK(rules::check_action_history(*with_action(x).actions).empty());
}

TEST_CASE("action-due: a re-dated action counts against its current due date, with a note naming the first", "[deadlines][actions]") {
    auto x = r2();
    x.original_due = x.due;
    x.due = ymd(2027, 3, 31);
    x.history.push_back({ymd(2026, 7, 1), "due", "2026-03-31", "2027-03-31", "A free-text reason", {}});
    const auto d = find_deadline(rules::case_deadlines(with_action(x), config(), england(), ymd(2026, 7, 1)), "action-due",
                                 "R2 Northdale Council");
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
