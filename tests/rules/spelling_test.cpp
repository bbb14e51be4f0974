// src/rules/spelling.cpp: "did you mean" for agencies, and placeholders where a name belongs.
#include <catch2/catch.hpp>

#include "cspr/rules.hpp"

namespace rules = cspr::rules;

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
    CHECK(rules::edit_distance("", "") == 0);
    CHECK(rules::edit_distance("visiting", "visitng") == 1);
    CHECK(rules::edit_distance("police", "polise") == 1);
    CHECK(rules::edit_distance("abc", "xyz") == 3);
}

TEST_CASE("nearest_name finds the agency a typo misspells, ignoring case and spacing") {
    const std::vector<std::string> asked = {"Westshire Police", "Westshire Health Visiting",
                                            "Westshire Council Children's Services"};
    CHECK(rules::nearest_name("Westshire Health Visitng", asked) == "Westshire Health Visiting");
    CHECK(rules::nearest_name("westshire  POLISE", asked) == "Westshire Police");
    // Not a slip of a letter or two: no suggestion rather than a wrong one.
    CHECK_FALSE(rules::nearest_name("Home-Start Westshire", asked).has_value());
    CHECK_FALSE(rules::nearest_name("Anything", {}).has_value());
}

TEST_CASE("is_placeholder_name catches the placeholders typed where a reviewer's name belongs") {
    for (const char* text : {"To be commissioned", "TBC", "tba", "T.B.C.", "Not yet known", "Unknown", "N/A", "none",
                             "", "  ", "Awaiting tender", "Reviewer to be appointed", "Pending", "To follow"})
        CHECK(rules::is_placeholder_name(text));
    for (const char* text :
         {"Robin Madeup", "Kit Imaginary", "Dr Tobe Jones", "Nonesuch Reviews Ltd", "Jo Pendleton", "Tabitha Knowles"})
        CHECK_FALSE(rules::is_placeholder_name(text));
}
