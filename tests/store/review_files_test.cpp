// src/store/review_files.cpp: amendments in rapid-review.yaml and publication.yaml, and which
// recorded values a rewrite would change (issue 13, F3); unknown values that survive a rewrite (fuzz
// regressions); actions.yaml's original_due and history.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "cspr/store.hpp"

namespace store = cspr::store;
namespace model = cspr::model;
namespace calendar = cspr::calendar;
using cspr::calendar::Date;
using store::Diagnostics;

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
    CHECK(text.find("amendments:\n  - date: \"2025-12-01\"\n    reason: Typing slip\n    previous:\n      "
                    "sent_to_panel: \"2025-03-27\"\n") != std::string::npos);
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
    after.returns.push_back(
        {"Northdale Health Visiting", ymd(2025, 3, 11), std::nullopt, "", {}});  // a list grown at its end
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
    CHECK(store::changed_recorded_values(store::format_publication(before), store::format_publication(after), blank,
                                         ignored)
              .empty());
    after.copy_panel = ymd(2025, 9, 10);
    after.published = ymd(2025, 9, 23);
    CHECK(store::changed_recorded_values(store::format_publication(before), store::format_publication(after), blank,
                                         ignored) == std::vector<std::string>{"published"});
}

// ---- Unknown values (fuzz regressions) --------------------------------------------------------

TEST_CASE("fuzz regression: an unknown value with a question mark survives a rewrite") {
    const std::string text = "schema_version: 1\nid: NDSCP-2025-001\nreturns: []\nnational_importance: false\n"
                             "sign_off:\n  local_authority: {}\n  police: {}\n  icb: {}\nquestions:\n  - Was the "
                             "family told?\n  - a:b\n  - -x\n  - 50%\n";
    store::Diagnostics strict;
    const auto first = store::parse_rapid_review(text, "q.yaml", strict);
    const auto written = store::format_rapid_review(first);
    const auto again = store::parse_rapid_review(written, "q.yaml", strict);
    CHECK(again == first);
}

TEST_CASE("fuzz regression: unknown-value-trailing-cr: an unknown value ending in carriage returns survives rewrites",
          "[extras][regression]") {
    // tests/fuzz/crashes/fuzz_case_loader-unknown-value-trailing-cr: `note: true\r\r` was kept as the
    // plain text `true\r`, and each rewrite lost one more \r (YAML reads a \r before the line break as
    // part of it). Edge spaces and tabs, which YAML trims from a plain scalar, are the same case.
    const std::string head = "schema_version: 1\nid: NDSCP-2025-001\nreturns: []\nnational_importance: false\n"
                             "sign_off:\n  local_authority: {}\n  police: {}\n  icb: {}\n";
    for (const std::string tail : {"note: true\r\r\n", "note: a\rb\n", "note: [x\r\r, y]\n", "note: {k: \"v\\t\"}\n",
                                   "note: \"\\tx\"\n", "note: \"x \"\n", "note: \"a\\x7f\"\n"}) {
        INFO(tail);
        store::Diagnostics strict;
        const auto first = store::parse_rapid_review(head + tail, "r.yaml", strict);
        const auto written = store::format_rapid_review(first);
        const auto again = store::parse_rapid_review(written, "r.yaml", strict);
        CHECK(again == first);
        CHECK(store::format_rapid_review(again) == written);
    }
}

// ---- lateness.yaml -----------------------------------------------------------------------------

TEST_CASE("lateness.yaml round-trips in the table's order; an empty subject and note are left out", "[lateness]") {
    const std::string text = "# yaml-language-server: $schema=../../schemas/lateness.schema.json\n"
                             "schema_version: 1\n"
                             "id: NDSCP-2025-001\n"
                             "reasons:\n"
                             "  - rule: notify-partners\n"
                             "    subject: partners\n"
                             "    reason: information-awaited\n"
                             "    note: The police log arrived on day 6\n"
                             "    recorded_by: Business unit manager\n"
                             "    recorded: \"2025-03-14\"\n"
                             "  - rule: decision\n"
                             "    reason: partner-availability\n"
                             "    recorded_by: Business unit manager\n"
                             "    recorded: \"2025-05-02\"\n";
    store::Diagnostics strict;
    const auto l = store::parse_lateness(text, "lateness.yaml", strict);
    REQUIRE(l.reasons.size() == 2);
    CHECK(l.reasons[0].reason == model::LateCause::information_awaited);
    CHECK(l.reasons[0].subject == "partners");
    CHECK(l.reasons[1].subject.empty());
    CHECK(l.reasons[1].reason == model::LateCause::partner_availability);
    CHECK(store::format_lateness(l) == text);
}

TEST_CASE("lateness.yaml: a reason cspr does not know is named by file, line and field, with the choices",
          "[lateness][errors]") {
    const std::string text = "schema_version: 1\nid: NDSCP-2025-001\nreasons:\n  - rule: decision\n"
                             "    reason: forgot\n    recorded_by: BU\n    recorded: \"2025-05-02\"\n";
    store::Diagnostics collect(store::Diagnostics::Mode::collect);
    (void)store::parse_lateness(text, "lateness.yaml", collect);
    REQUIRE(collect.problems().size() == 1);
    const std::string message = collect.problems()[0].what();
    CHECK(message.starts_with("lateness.yaml:5: reasons[1].reason:"));
    CHECK(message.find("information-awaited") != std::string::npos);
}

// ---- actions.yaml ------------------------------------------------------------------------------

TEST_CASE("actions-redate-hides-slippage: original_due and history round-trip, in the documented order",
          "[roundtrip][actions]") {
    // docs/case-files.md: original_due after due, history after evidence; each entry recorded, change,
    // reason. An action without them is written as before (cases-example stays byte-identical).
    const std::string text = "# yaml-language-server: $schema=../../schemas/actions.schema.json\n"
                             "schema_version: 1\n"
                             "id: NDSCP-2025-001\n"
                             "actions:\n"
                             "  - ref: R1\n"
                             "    recommendation: Agree an escalation protocol\n"
                             "    owner: Northdale Integrated Care Board\n"
                             "    due: \"2025-12-31\"\n"
                             "    status: open\n"
                             "  - ref: R2\n"
                             "    recommendation: Train school designated safeguarding leads\n"
                             "    owner: Northdale Council\n"
                             "    due: \"2027-03-31\"\n"
                             "    original_due: \"2026-03-31\"\n"
                             "    status: dropped\n"
                             "    history:\n"
                             "      - recorded: \"2026-07-01\"\n"
                             "        change: \"due: 2026-03-31 -> 2027-03-31\"\n"
                             "        reason: \"Provider withdrew: new contract from 2027\"\n"
                             "        agreed_by: Case review group\n"
                             "      - recorded: \"2026-09-01\"\n"
                             "        change: \"status: in-progress -> dropped\"\n"
                             "        reason: |-\n"
                             "          Superseded by the regional audit.\n"
                             "          Agreed at the board.\n";
    Diagnostics strict;
    const auto a = store::parse_actions(text, "actions.yaml", strict);
    REQUIRE(a.actions.size() == 2);
    CHECK_FALSE(a.actions[0].original_due);
    CHECK(a.actions[0].history.empty());
    const auto& x = a.actions[1];
    REQUIRE(x.original_due);
    CHECK(calendar::format_iso_date(*x.original_due) == "2026-03-31");
    REQUIRE(x.history.size() == 2);
    CHECK(calendar::format_iso_date(x.history[0].recorded) == "2026-07-01");
    CHECK(x.history[0].field == "due");
    CHECK(x.history[0].from == "2026-03-31");
    CHECK(x.history[0].to == "2027-03-31");
    CHECK(x.history[0].reason == "Provider withdrew: new contract from 2027");
    CHECK(x.history[0].extra.size() == 1);  // an unknown key in an entry survives
    CHECK(x.history[1].field == "status");
    CHECK(x.history[1].from == "in-progress");
    CHECK(x.history[1].to == "dropped");
    CHECK(x.history[1].reason == "Superseded by the regional audit.\nAgreed at the board.");
    CHECK(store::format_actions(a) == text);
    // Read back by yaml-cpp, independently of cspr's reader.
    const YAML::Node doc = YAML::Load(store::format_actions(a));
    CHECK(doc["actions"][1]["history"][0]["change"].as<std::string>() == "due: 2026-03-31 -> 2027-03-31");
    CHECK_FALSE(doc["actions"][0]["history"]);
    CHECK_FALSE(doc["actions"][0]["original_due"]);
}

TEST_CASE("actions history: a bad entry is named by file, line and field", "[errors][actions]") {
    const std::string head = "schema_version: 1\n"
                             "id: NDSCP-2025-001\n"
                             "actions:\n"
                             "  - ref: R2\n"
                             "    recommendation: Train leads\n"
                             "    owner: Northdale Council\n"
                             "    due: \"2027-03-31\"\n"
                             "    status: open\n"
                             "    history:\n"
                             "      - recorded: \"2026-07-01\"\n";
    struct Bad {
        std::string rest, field;
        int line;
    };
    for (const auto& [rest, field, line] :
         std::vector<Bad>{{"        change: \"due: later -> 2027-03-31\"\n        reason: Why\n",
                           "actions[0].history[0].change", 11},
                          {"        change: \"owner: A -> B\"\n        reason: Why\n", "actions[0].history[0].change",
                           11},
                          {"        change: \"status: open -> finished\"\n        reason: Why\n",
                           "actions[0].history[0].change", 11},
                          {"        change: \"due: 2026-03-31 -> 2027-03-31\"\n", "actions[0].history[0].reason",
                           10}}) {
        INFO(rest);
        Diagnostics collect(Diagnostics::Mode::collect);
        (void)store::parse_actions(head + rest, "actions.yaml", collect);
        REQUIRE(collect.problems().size() == 1);
        CHECK(collect.problems()[0].where().file == "actions.yaml");
        CHECK(collect.problems()[0].where().field == field);
        CHECK(collect.problems()[0].where().line == line);
    }
}
