// src/store/form_leftovers.cpp: what a --from form still holds of its template (issue 13, first-use 7).
#include <catch2/catch.hpp>

#include <algorithm>

#include "cspr/store.hpp"

namespace store = cspr::store;

namespace {

constexpr std::string_view kBlank = R"(when: "YYYY-MM-DD"
kind: unknown
done: false
who: ""
story: |
  What happened, in a few lines.
pick:                 # delete the others
  - one
  - two
  - three
example:
  - name: ""
)";

std::vector<std::string> fields(const std::vector<cspr::Error>& found) {
    std::vector<std::string> out;
    for (const auto& e : found) out.push_back(e.where().field);
    return out;
}

}  // namespace

TEST_CASE("the template itself gives each placeholder and each whole list with its line", "[forms]") {
    const auto found = store::template_leftovers(kBlank, "form.yaml", kBlank);
    CHECK(fields(found) == std::vector<std::string>{"when", "story", "pick", "example"});
    CHECK(found[0].where().file == "form.yaml");
    CHECK(found[0].where().line == 1);
    CHECK(found[2].where().line == 8);  // the list's first item
    CHECK(found[2].message().find("all 3 entries") != std::string::npos);
}

TEST_CASE("defaults kept and placeholders replaced are not leftovers", "[forms]") {
    const auto found = store::template_leftovers(R"(when: "2025-03-04"
kind: unknown
done: false
who: ""
story: |
  A fictional account.
pick: [two]
example: []
extra: What happened, in a few lines.
)",
                                                 "form.yaml", kBlank);
    CHECK(found.empty());
}

TEST_CASE("a form that does not parse has no leftovers to report (only its syntax error)", "[forms]") {
    CHECK(store::template_leftovers("a: [unclosed\n", "form.yaml", kBlank).empty());
}

TEST_CASE("an unknown key is told to the diagnostics with the keys its mapping knows", "[forms][keys]") {
    store::Diagnostics strict;
    const std::string form =
        "received: \"2025-03-03T10:30\"\nconfirmed_in_writng: \"2025-03-04T09:15\"\n"
        "referrer: {name: A, agency: B, role: C}\n"
        "child: {name: D, incident_date: \"2025-03-01\", child_protection_plan: never, looked_after: false}\n"
        "criteria: [cp-plan]\nnarrative: x\n";
    store::parse_referral_form(form, "form.yaml", strict);
    const auto& unknown = strict.unknown_keys();
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].where.field == "confirmed_in_writng");
    CHECK(unknown[0].where.line == 2);
    CHECK(std::count(unknown[0].known.begin(), unknown[0].known.end(), "confirmed_in_writing") == 1);
}
