// Helpers shared by the rules unit tests (tests/rules/*_test.cpp): hand-built cases, the example
// cspr.yaml, and finding one deadline or problem in what the engine and the checks return.
//
// Expected values in these tests are derived from the law, docs/calendar.md (the counting conventions)
// and docs/case-files.md, never from running the implementation. Weekdays and bank holidays were
// checked by hand against data/bank-holidays.json: 25 and 26 December 2024 and 1 January 2025 are bank
// holidays in England and Wales; 2024-12-20, 2025-03-07 and 2025-03-28 are Fridays; BST began on
// Sunday 2025-03-30 at 01:00 GMT and ended on Sunday 2025-10-26 at 01:00 GMT.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cspr/calendar.hpp"
#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "testing.hpp"

namespace cspr::rules::testing {

using calendar::Date;
using calendar::DateTime;
using cspr::testing::england;
using cspr::testing::ymd;
using model::AbuseOrNeglect;
using model::Harm;
using model::Location;

inline DateTime london(const char* text) {
    const auto t = calendar::parse_london_datetime(text);
    REQUIRE(t.has_value());
    return *t;
}

inline std::string show(Date d) { return calendar::format_iso_date(d); }

// ---- hand-built cases ----

inline model::Referral a_referral() {
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

inline model::RecipientRecord recipient(std::string who, std::string rule, std::optional<Date> sent = std::nullopt) {
    model::RecipientRecord r;
    r.recipient = std::move(who);
    r.rule = std::move(rule);
    r.sent = sent;
    return r;
}

// A notification that agrees with a_referral(): suspected abuse, the child died in the area.
inline model::Notification a_notification() {
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
                    recipient("partners", "notify-partners", ymd(2025, 3, 5)), recipient("cdr-partners", "notify-cdr")};
    return n;
}

inline model::Case a_case() {
    model::Case c;
    c.id = "NDSCP-2025-001";
    c.referral = a_referral();
    c.notification = a_notification();
    return c;
}

inline std::string describe(const std::vector<rules::Problem>& problems) {
    std::ostringstream out;
    for (const auto& p : problems) out << "  " << p.file << ": " << p.field << ": " << p.message << "\n";
    return out.str();
}

// True when some problem is in `file` at one of `fields` (where the law or the spec allows more than
// one reasonable place to point at, every one is listed).
inline bool has_problem(const std::vector<rules::Problem>& problems, std::string_view file,
                        std::initializer_list<std::string_view> fields) {
    return std::any_of(problems.begin(), problems.end(), [&](const rules::Problem& p) {
        return p.file == file && !p.message.empty() &&
               std::find(fields.begin(), fields.end(), std::string_view(p.field)) != fields.end();
    });
}

// ---- deadlines ----

inline std::vector<rules::Deadline> applicable(const std::vector<rules::Deadline>& all) {
    std::vector<rules::Deadline> out;
    for (const auto& d : all)
        if (rules::status_name(d.status) != "not applicable") out.push_back(d);
    return out;
}

// A copy, so that it may outlive the list it was found in.
inline std::optional<rules::Deadline> find_deadline(const std::vector<rules::Deadline>& all, std::string_view rule,
                                                    std::string_view subject = "") {
    for (const auto& d : all)
        if (d.rule && d.rule->id == rule && d.subject == subject && rules::status_name(d.status) != "not applicable")
            return d;
    return std::nullopt;
}

// A case that is only a notification, aware on `aware`, the Panel told on `sent` (if at all).
inline model::Case notified(Date aware, std::optional<Date> sent) {
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

inline model::Config config() {
    model::Config c;
    c.partnership = "Testshire Safeguarding Children Partnership";
    c.code = "NDSCP";
    c.local_authority = "Testshire Council";
    return c;
}

// ---- actions (issue 12, F10: re-dated and dropped actions keep their reason) ----

// Case 001 with one action, R2, first due 2026-03-31.
inline model::Case with_action(const model::Action& x) {
    model::Case c = a_case();
    c.actions = model::Actions{c.id, {x}, {}};
    return c;
}

inline model::Action r2() {
    model::Action x;
    x.ref = "R2";
    x.recommendation = "Train school safeguarding leads.";
    x.owner = "Northdale Council";
    x.due = ymd(2026, 3, 31);
    x.status = model::ActionStatus::in_progress;
    return x;
}

}  // namespace cspr::rules::testing
