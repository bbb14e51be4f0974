// src/rules/notification.cpp: the notification test of the Children Act 2004 s16C(1), who must be
// told, and the recipients cspr knows. Expected values come from the Act and Working Together, never
// from running the implementation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cspr/model.hpp"
#include "cspr/rules.hpp"
#include "rules_testing.hpp"

namespace rules = cspr::rules;
namespace model = cspr::model;
using namespace cspr::rules::testing;

namespace {

std::set<std::string> who(const rules::NotificationDecision& d) {
    std::set<std::string> out;
    for (const auto* r : d.who) {
        REQUIRE(r != nullptr);
        out.insert(std::string(r->id));
    }
    return out;
}

}  // namespace

TEST_CASE("decide_notification over every combination of answers", "[notification]") {
    int combinations = 0;
    for (auto abuse : {AbuseOrNeglect::known, AbuseOrNeglect::suspected, AbuseOrNeglect::no})
        for (auto harm : {Harm::died, Harm::seriously_harmed, Harm::neither})
            for (auto location : {Location::in_area, Location::resident_harmed_outside_england, Location::neither})
                for (bool looked_after : {false, true})
                    for (bool care_leaver : {false, true}) {
                        ++combinations;
                        model::NotificationTest t;
                        t.abuse_or_neglect = abuse;
                        t.harm = harm;
                        t.location = location;
                        t.looked_after = looked_after;
                        t.care_leaver = care_leaver;
                        INFO("abuse " << model::abuse_name(abuse) << ", harm " << model::harm_name(harm)
                                      << ", location " << model::location_name(location) << ", looked after "
                                      << looked_after << ", care leaver " << care_leaver);
                        const auto d = rules::decide_notification(t);

                        // Children Act 2004 s16C(1): abuse or neglect known or suspected, the child died
                        // or was seriously harmed, (a) in the area or (b) resident here, outside England.
                        const bool notifiable =
                            abuse != AbuseOrNeglect::no && harm != Harm::neither && location != Location::neither;
                        CHECK(d.notifiable == notifiable);

                        const bool died = harm == Harm::died;
                        std::set<std::string> expected;
                        if (notifiable) expected.insert({"panel", "ofsted-dfe"});
                        if (notifiable || (died && looked_after)) expected.insert("partners");
                        if (died && (notifiable || looked_after)) expected.insert("cdr-partners");
                        if (died && looked_after) expected.insert("sos-ofsted");
                        if (died && care_leaver) expected.insert("sos-ofsted-care-leaver");
                        CHECK(who(d) == expected);
                        CHECK(d.who.size() == expected.size());  // nobody twice

                        REQUIRE_FALSE(d.reasons.empty());
                        for (const auto& reason : d.reasons) {
                            INFO("reason: " << reason);
                            CHECK(reason.ends_with(")"));
                            const bool cites = reason.find(" (Children Act 2004 s16C(1)") != std::string::npos ||
                                               reason.find(" (Working Together 20") != std::string::npos;
                            CHECK(cites);
                        }
                        const auto cites = [&](std::string_view source) {
                            return std::any_of(d.reasons.begin(), d.reasons.end(),
                                               [&](const std::string& r) { return r.ends_with(source); });
                        };
                        // The limb of s16C(1) that puts the case in this authority's hands.
                        if (location == Location::in_area) CHECK(cites("(Children Act 2004 s16C(1)(a))"));
                        if (location == Location::resident_harmed_outside_england)
                            CHECK(cites("(Children Act 2004 s16C(1)(b))"));
                        if (died && looked_after) CHECK(cites("(Working Together 2018 ch. 4)"));
                        if (died && care_leaver) CHECK(cites("(Working Together 2023 ch. 5)"));
                    }
    CHECK(combinations == 108);
}

TEST_CASE("recipients: every recipient cspr knows has the documented rule", "[notification]") {
    // docs/case-files.md: the recipients and the rules whose clocks apply to them.
    const std::vector<std::pair<std::string_view, std::string_view>> documented = {{"panel", "notify-panel"},
                                                                                   {"ofsted-dfe", "notify-panel"},
                                                                                   {"partners", "notify-partners"},
                                                                                   {"home-partners", "notify-partners"},
                                                                                   {"cdr-partners", "notify-cdr"},
                                                                                   {"sos-ofsted", "notify-lac-death"},
                                                                                   {"sos-ofsted-care-leaver",
                                                                                    "notify-care-leaver"}};
    CHECK(rules::recipients().size() == documented.size());
    for (const auto& [id, rule] : documented) {
        INFO(id);
        const auto* r = rules::find_recipient(id);
        REQUIRE(r != nullptr);
        CHECK(r->id == id);
        CHECK(r->rule == rule);
        CHECK_FALSE(r->who.empty());
        CHECK(rules::find_rule(r->rule) != nullptr);  // every recipient's clock is a rule of the table
    }
    CHECK(rules::find_recipient("mayor") == nullptr);
    CHECK(rules::find_recipient("") == nullptr);
}

TEST_CASE("several children: the clocks are the incident's, the death duties each child's") {
    model::NotificationTest t;
    t.abuse_or_neglect = AbuseOrNeglect::suspected;
    t.harm = Harm::seriously_harmed;
    t.location = Location::in_area;
    t.other_children = {{Harm::died, true, false, {}}, {Harm::neither, false, false, {}}};
    const auto d = rules::decide_notification(t);
    CHECK(d.notifiable);
    std::vector<std::string_view> who;
    for (const auto* r : d.who) who.push_back(r->id);
    CHECK(who == std::vector<std::string_view>{"panel", "ofsted-dfe", "partners", "cdr-partners", "sos-ofsted"});
    const auto says = [&](std::string_view text) {
        return std::any_of(d.reasons.begin(), d.reasons.end(),
                           [&](const std::string& r) { return r.find(text) != std::string::npos; });
    };
    CHECK(says("child 1 was seriously harmed"));
    CHECK(says("child 2 died"));
    CHECK(says("child 3 neither died nor was seriously harmed"));
    CHECK(says("child 2, looked after, died"));

    // The looked-after child harmed, another child died: no looked-after death duty.
    t.looked_after = true;
    t.other_children = {{Harm::died, false, false, {}}};
    const auto other = rules::decide_notification(t);
    CHECK(std::none_of(other.who.begin(), other.who.end(), [](const auto* r) { return r->id == "sos-ofsted"; }));
    CHECK(std::any_of(other.who.begin(), other.who.end(), [](const auto* r) { return r->id == "cdr-partners"; }));

    // Two looked-after children died: one recipient, a reason for each.
    t.harm = Harm::died;
    t.other_children = {{Harm::died, true, false, {}}};
    const auto both = rules::decide_notification(t);
    CHECK(std::count_if(both.who.begin(), both.who.end(), [](const auto* r) { return r->id == "sos-ofsted"; }) == 1);
    CHECK(std::count_if(both.reasons.begin(), both.reasons.end(),
                        [](const std::string& r) { return r.find("looked after, died") != std::string::npos; }) == 2);
}
