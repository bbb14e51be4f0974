// src/rules/action_checks.cpp: action references read with a bounded parser (issue 13, F20).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <algorithm>

#include "cspr/rules.hpp"

namespace rules = cspr::rules;

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
