// src/rules/table.cpp with the engine: the clocks each rule starts, and what meets or excuses them.
// Dates checked by hand: 2025-03-04 is a Tuesday, 2025-03-28 a Friday, 2025-11-16 a Sunday; no bank
// holiday falls in 2025-03-04..2025-04-14 in England and Wales.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>

#include "cspr/rules.hpp"
#include "testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::testing::england;
using cspr::testing::ymd;

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

rules::Deadline find(const model::Case& c, std::string_view rule, std::string_view subject, cspr::calendar::Date today) {
    const auto all = rules::case_deadlines(c, model::Config{}, england(), today);
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& d) { return d.rule->id == rule && d.subject == subject; });
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
