// src/rules/action_checks.cpp: action references read with a bounded parser (issue 13, F20), and the
// history a re-dated or dropped action must keep (issue 12, F10).
#include <catch2/catch.hpp>

#include <algorithm>

#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "rules_testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using cspr::rules::testing::describe;
using cspr::rules::testing::r2;
using cspr::rules::testing::with_action;
using cspr::rules::testing::ymd;

TEST_CASE("a reference R<digits> has its number and any other has none", "[refs]") {
    CHECK(rules::action_number("R1") == 1);
    CHECK(rules::action_number("R007") == 7);
    CHECK(rules::action_number("R99999") == 99999);
    CHECK_FALSE(rules::action_number("R").has_value());
    CHECK_FALSE(rules::action_number("A1").has_value());
    CHECK_FALSE(rules::action_number("R1a").has_value());
    CHECK_FALSE(rules::action_number("R-1").has_value());
    CHECK_FALSE(rules::action_number("").has_value());
}

TEST_CASE("a number past the last one reads as one past it however long", "[refs]") {
    const long past = rules::kMaxActionNumber + 1;
    CHECK(rules::action_number("R100000") == past);
    CHECK(rules::action_number("R2147483647") == past);
    CHECK(rules::action_number("R99999999999") == past);
    CHECK(rules::action_number("R9223372036854775807") == past);
    CHECK(rules::action_number("R999999999999999999999999999999") == past);
}

TEST_CASE("check_case reports a reference past the last number and empty text", "[refs]") {
    cspr::model::Case c;
    c.id = "NDSCP-2025-001";
    cspr::model::Actions a;
    a.id = c.id;
    a.actions.push_back({});
    a.actions.back().ref = "R2147483647";
    a.actions.back().recommendation = "  ";
    a.actions.back().owner = "";
    c.actions = a;
    const auto problems = rules::check_case(c);
    const auto has = [&](std::string_view field) {
        return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.field == field; });
    };
    CHECK(has("actions[0].ref"));
    CHECK(has("actions[0].recommendation"));
    CHECK(has("actions[0].owner"));
}

// ---- issue 12, F10: re-dated and dropped actions keep their reason -----------------------------------

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

TEST_CASE("actions-dropped-without-reason: a dropped action's last change of status gives the reason",
          "[checks][actions]") {
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
