// src/rules/checks.cpp: contradictions across fields and files, notes, and cspr.yaml's overrides.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>

#include "cspr/rules.hpp"
#include "testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::testing::ymd;

namespace {

bool has(const std::vector<rules::Problem>& all, std::string_view field, std::string_view words = "") {
    return std::any_of(all.begin(), all.end(),
                       [&](const auto& p) { return p.field == field && p.message.find(words) != std::string::npos; });
}

model::Config overriding(std::string rule, int length, model::Unit unit, std::string reason) {
    model::Config config;
    config.timescales[rule] = {length, unit, std::move(reason), "", {}};
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
    CHECK(has(rules::check_config(overriding("notify-panel", 3, Unit::working_days, "faster")), "timescales.notify-panel.length"));
    CHECK(rules::check_config(overriding("notify-panel", 7, Unit::working_days, "agreed")).empty());
    // Six months can be as long as 184 days: 170 calendar days may be shorter; 200 never is.
    CHECK(has(rules::check_config(overriding("publish", 170, Unit::calendar_days, "in days")), "timescales.publish.length"));
    CHECK(rules::check_config(overriding("publish", 200, Unit::calendar_days, "in days")).empty());
    // A local rule is the partnership's own.
    CHECK(rules::check_config(overriding("decision", 1, Unit::calendar_days, "")).empty());
}

TEST_CASE("a return from an agency never asked is a problem that names the agency meant") {
    model::Case c = notified(true);
    model::RapidReview r;
    r.returns = {{"Northdale Police", ymd(2025, 3, 11), ymd(2025, 3, 17), "", {}}, {"Northdale Polise", {}, ymd(2025, 3, 18), "", {}}};
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
