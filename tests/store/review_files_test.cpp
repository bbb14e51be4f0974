// src/store/review_files.cpp: amendments in rapid-review.yaml and publication.yaml, and which
// recorded values a rewrite would change (issue 13, F3).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "cspr/store.hpp"

namespace store = cspr::store;
namespace model = cspr::model;
using cspr::calendar::Date;

namespace {

Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y} / date::month{m} / date::day{d}}; }

const std::vector<std::string> kHeader = {"schema_version", "id", "amendments"};

model::RapidReview sent_review() {
    model::RapidReview r;
    r.id = "NDSCP-2025-001";
    r.returns.push_back({"Northdale Police", ymd(2025, 3, 11), ymd(2025, 3, 17), "Two call-outs.", {}});
    r.meeting = ymd(2025, 3, 24);
    r.sent_to_panel = ymd(2025, 3, 26);
    return r;
}

std::vector<std::string> changes(const model::RapidReview& before, const model::RapidReview& after) {
    return store::changed_recorded_values(store::format_rapid_review(before), store::format_rapid_review(after),
                                          store::format_rapid_review({.id = before.id}), kHeader);
}

}  // namespace

TEST_CASE("amendments round-trip in rapid-review.yaml and publication.yaml", "[amend]") {
    store::Diagnostics d;
    model::RapidReview r = sent_review();
    r.amendments.push_back({ymd(2025, 12, 1), "Typing slip", {{"sent_to_panel", "\"2025-03-27\""}}, {}});
    const auto text = store::format_rapid_review(r);
    CHECK(text.find("amendments:\n  - date: \"2025-12-01\"\n    reason: Typing slip\n    previous:\n      sent_to_panel: \"2025-03-27\"\n") !=
          std::string::npos);
    CHECK(store::parse_rapid_review(text, "rapid-review.yaml", d) == r);

    model::Publication p;
    p.id = "NDSCP-2025-001";
    p.published = ymd(2025, 9, 23);
    p.amendments.push_back({ymd(2025, 12, 1), "Went live the next day", {{"published", "\"2025-09-22\""}}, {}});
    const auto ptext = store::format_publication(p);
    CHECK(store::parse_publication(ptext, "publication.yaml", d) == p);
    CHECK(d.problems().empty());
}

TEST_CASE("a record never amended is written without an amendments key", "[amend]") {
    CHECK(store::format_rapid_review(sent_review()).find("amendments") == std::string::npos);
}

TEST_CASE("filling in what is empty is no change; changing or removing a recorded value is", "[amend]") {
    const model::RapidReview before = sent_review();
    model::RapidReview after = before;
    after.returns.push_back({"Northdale Health Visiting", ymd(2025, 3, 11), std::nullopt, "", {}});  // a list grown at its end
    after.facts = "Agencies held partial information.";
    after.sign_off[0] = {"Dana Fabricated", ymd(2025, 3, 25), {}};
    CHECK(changes(before, after).empty());

    after.sent_to_panel = ymd(2025, 3, 27);
    after.meeting.reset();
    after.returns[0].returned = ymd(2025, 3, 16);
    CHECK(changes(before, after) == std::vector<std::string>{"returns[0].returned", "meeting", "sent_to_panel"});
}

TEST_CASE("an answer every new file holds is no answer yet; once changed from it, it is recorded", "[amend]") {
    model::RapidReview before = sent_review(), after = before;
    after.national_importance = true;
    CHECK(changes(before, after).empty());
    CHECK(changes(after, before) == std::vector<std::string>{"national_importance"});
}

TEST_CASE("ignored fields are never compared", "[amend]") {
    model::Publication before;
    before.id = "NDSCP-2025-001";
    before.published = ymd(2025, 9, 22);
    before.available_until = ymd(2026, 9, 22);
    model::Publication after = before;
    after.available_until = ymd(2026, 9, 23);
    const auto blank = store::format_publication({.id = before.id});
    std::vector<std::string> ignored = kHeader;
    ignored.push_back("available_until");
    CHECK(store::changed_recorded_values(store::format_publication(before), store::format_publication(after), blank, ignored).empty());
    after.copy_panel = ymd(2025, 9, 10);
    after.published = ymd(2025, 9, 23);
    CHECK(store::changed_recorded_values(store::format_publication(before), store::format_publication(after), blank, ignored) ==
          std::vector<std::string>{"published"});
}
