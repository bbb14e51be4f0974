// include/cspr/case_dates.hpp: every date row of a case's files, walked from the field tables, with
// the path `cspr validate` names and the row's marks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "cspr/case_dates.hpp"
#include "testing.hpp"

namespace model = cspr::model;
using cspr::calendar::Date;
using cspr::calendar::DateTime;
using cspr::testing::ymd;

namespace {

struct Row {
    std::string file, path;
    Date date;
    bool fact, clock;
};

std::vector<Row> rows_of(const model::Case& c) {
    std::vector<Row> rows;
    model::for_each_date(c, [&](std::string_view file, const std::string& path, Date d, const model::Meta& meta) {
        rows.push_back({std::string(file), path, d, meta.is_fact, meta.is_clock});
    });
    return rows;
}

std::vector<std::string> paths_of(const std::vector<Row>& rows, std::string_view file) {
    std::vector<std::string> paths;
    for (const auto& r : rows)
        if (r.file == file) paths.push_back(r.path);
    return paths;
}

const Row* find(const std::vector<Row>& rows, std::string_view file, std::string_view path) {
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.file == file && r.path == path; });
    return it == rows.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a case with no files has no dates", "[case-dates]") { CHECK(rows_of(model::Case{}).empty()); }

TEST_CASE("list items are numbered from 0, and an absent date in one item is skipped", "[case-dates]") {
    model::Case c;
    model::Notification n;
    n.aware = ymd(2025, 3, 4);
    n.recipients.resize(3);
    n.recipients[0].sent = ymd(2025, 3, 10);
    n.recipients[2].sent = ymd(2025, 3, 12);
    c.notification = n;
    const auto rows = rows_of(c);
    CHECK(paths_of(rows, "notification.yaml") ==
          std::vector<std::string>{"aware", "recipients[0].sent", "recipients[2].sent"});
    REQUIRE(find(rows, "notification.yaml", "recipients[2].sent"));
    CHECK(find(rows, "notification.yaml", "recipients[2].sent")->date == ymd(2025, 3, 12));
}

TEST_CASE("a partner's sign-off and an inline mapping are paths of keys", "[case-dates]") {
    model::Case c;
    model::RapidReview r;
    r.sign_off[model::index_of(model::Partner::police)].date = ymd(2025, 3, 20);
    c.rapid_review = r;
    model::Decision d;
    d.date = ymd(2025, 3, 28);
    d.decided_by[model::index_of(model::Partner::icb)].date = ymd(2025, 3, 27);
    d.informed_ofsted = ymd(2025, 4, 2);
    c.decision = d;
    const auto rows = rows_of(c);
    CHECK(paths_of(rows, "rapid-review.yaml") == std::vector<std::string>{"sign_off.police.date"});
    CHECK(paths_of(rows, "decision.yaml") ==
          std::vector<std::string>{"date", "decided_by.icb.date", "informed.ofsted"});
}

TEST_CASE("an optional nested mapping is walked only when present", "[case-dates]") {
    model::Case c;
    model::Publication p;
    p.published = ymd(2025, 9, 22);
    c.publication = p;
    CHECK(paths_of(rows_of(c), "publication.yaml") == std::vector<std::string>{"published"});

    c.publication->delay = model::Delay{};
    CHECK(paths_of(rows_of(c), "publication.yaml") == std::vector<std::string>{"published"});

    c.publication->delay->panel_and_sos_told = ymd(2025, 9, 1);
    // Table order: delay comes before published in publication.yaml.
    CHECK(paths_of(rows_of(c), "publication.yaml") ==
          std::vector<std::string>{"delay.panel_and_sos_told", "published"});
}

TEST_CASE("each action's dates, and its history's, under its index", "[case-dates]") {
    model::Case c;
    model::Actions a;
    a.actions.resize(3);
    for (std::size_t i = 0; i < 3; ++i) a.actions[i].due = ymd(2026, 3, 1 + static_cast<unsigned>(i));
    a.actions[2].completed = ymd(2026, 2, 20);
    a.actions[1].original_due = ymd(2026, 1, 31);
    a.actions[1].history.push_back(
        {.recorded = ymd(2026, 1, 15), .field = "due", .from = "2026-01-31", .to = "2026-03-02"});
    c.actions = a;
    CHECK(paths_of(rows_of(c), "actions.yaml") ==
          std::vector<std::string>{"actions[0].due", "actions[1].due", "actions[1].original_due",
                                   "actions[1].history[0].recorded", "actions[2].due", "actions[2].completed"});
}

TEST_CASE("a date and time gives its day in England, not in UTC", "[case-dates]") {
    model::Case c;
    model::Referral r;
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    r.received = DateTime{std::chrono::sys_days{ymd(2025, 6, 30)}} + std::chrono::hours{23} + std::chrono::minutes{30};
    r.child.incident_date = ymd(2025, 6, 29);
    c.referral = r;
    auto rows = rows_of(c);
    REQUIRE(find(rows, "referral.yaml", "received"));
    CHECK(find(rows, "referral.yaml", "received")->date == ymd(2025, 7, 1));
    CHECK_FALSE(find(rows, "referral.yaml", "confirmed_in_writing"));

    // In winter London is on UTC: the same time of day stays on its day.
    c.referral->confirmed_in_writing = DateTime{std::chrono::sys_days{ymd(2025, 12, 30)}} + std::chrono::hours{23};
    rows = rows_of(c);
    REQUIRE(find(rows, "referral.yaml", "confirmed_in_writing"));
    CHECK(find(rows, "referral.yaml", "confirmed_in_writing")->date == ymd(2025, 12, 30));
}

TEST_CASE("nested records and their lists, and personal dates only when given", "[case-dates]") {
    model::Case c;
    model::Referral r;
    r.child.incident_date = ymd(2025, 3, 1);
    r.family.resize(2);
    r.family[1].date_of_birth = ymd(1995, 7, 14);
    c.referral = r;
    CHECK(paths_of(rows_of(c), "referral.yaml") ==
          std::vector<std::string>{"received", "child.incident_date", "family[1].date_of_birth"});

    c.referral->child.date_of_birth = ymd(2019, 4, 2);
    CHECK(paths_of(rows_of(c), "referral.yaml") == std::vector<std::string>{"received", "child.date_of_birth",
                                                                            "child.incident_date",
                                                                            "family[1].date_of_birth"});
}

TEST_CASE("each date comes with its row's marks", "[case-dates]") {
    model::Case c;
    model::Publication p;
    p.publish_on = ymd(2025, 9, 22);
    p.copy_panel = ymd(2025, 9, 1);
    p.amendments.push_back({.date = ymd(2025, 9, 2), .reason = "Corrected."});
    c.publication = p;
    model::RapidReview r;
    r.meeting = ymd(2025, 3, 14);
    c.rapid_review = r;
    const auto rows = rows_of(c);
    const auto marks = [&](std::string_view file, std::string_view path) {
        const Row* row = find(rows, file, path);
        REQUIRE(row);
        return std::pair{row->fact, row->clock};
    };
    CHECK(marks("publication.yaml", "publish_on") == std::pair{false, true});  // planned: a clock, not a fact
    CHECK(marks("publication.yaml", "copies.panel") == std::pair{true, true});
    CHECK(marks("publication.yaml", "amendments[0].date") == std::pair{false, false});
    CHECK(marks("rapid-review.yaml", "meeting") == std::pair{true, false});
    // Files come in the order of the process: the rapid review before the publication.
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].file == "rapid-review.yaml");
}
