// The notification test of the Children Act 2004 s16C(1), and who must be told.
#include <algorithm>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using model::AbuseOrNeglect;
using model::Harm;
using model::Location;

constexpr Recipient kRecipients[] = {
    {"panel", "notify-panel", "the Child Safeguarding Practice Review Panel"},
    {"ofsted-dfe", "notify-panel", "Ofsted and DfE (the Panel's online form reaches both)"},
    {"partners", "notify-partners", "the safeguarding partners (and other areas' where appropriate)"},
    {"home-partners", "notify-partners",
     "the safeguarding partners of the area where the child normally lives (notification.yaml home_la)"},
    {"cdr-partners", "notify-cdr", "the child death review partners"},
    {"sos-ofsted", "notify-lac-death", "the Secretary of State and Ofsted (death of a looked-after child)"},
    {"sos-ofsted-care-leaver", "notify-care-leaver", "the Secretary of State and Ofsted (death of a care leaver)"},
};

constexpr std::string_view kS16C = "Children Act 2004 s16C(1)";

}  // namespace

std::span<const Recipient> recipients() { return kRecipients; }

const Recipient* find_recipient(std::string_view id) {
    const auto it =
        std::find_if(std::begin(kRecipients), std::end(kRecipients), [&](const Recipient& r) { return r.id == id; });
    return it == std::end(kRecipients) ? nullptr : it;
}

namespace {

// The test's answers for each child of the incident, the referral's child first.
std::vector<model::ChildTest> children_of(const model::NotificationTest& t) {
    std::vector<model::ChildTest> all{{t.harm, t.looked_after, t.care_leaver, {}}};
    all.insert(all.end(), t.other_children.begin(), t.other_children.end());
    return all;
}

// "the child" for a one-child incident, "child 2" for the second of several.
std::string which(std::size_t i, std::size_t n) { return n == 1 ? "the child" : "child " + std::to_string(i + 1); }

std::string harm_reason(const model::ChildTest& c, std::string_view who) {
    const std::string w(who);
    if (c.harm == Harm::died) return w + " died";
    if (c.harm == Harm::seriously_harmed) return w + " was seriously harmed";
    return w + " neither died nor was seriously harmed";
}

void add_once(NotificationDecision& d, std::string_view id) {
    const Recipient* r = find_recipient(id);
    if (std::find(d.who.begin(), d.who.end(), r) == d.who.end()) d.who.push_back(r);
}

// The duties for a looked-after child's or a care leaver's death are that child's, not the incident's.
void add_death_duties(NotificationDecision& d, const std::vector<model::ChildTest>& children) {
    const std::size_t n = children.size();
    for (std::size_t i = 0; i < n; ++i) {
        const auto& c = children[i];
        if (c.harm != Harm::died) continue;
        if (c.looked_after) {
            add_once(d, "sos-ofsted");
            d.reasons.push_back((n == 1 ? std::string("a looked-after child") : which(i, n) + ", looked after,") +
                                " died: the Secretary of State and Ofsted must be told whether or not abuse or "
                                "neglect is known or suspected (Working Together 2018 ch. 4)");
        }
        if (c.care_leaver) {
            add_once(d, "sos-ofsted-care-leaver");
            d.reasons.push_back(
                (n == 1 ? std::string("a care leaver") : which(i, n) + ", a care leaver,") +
                " died: the Secretary of State and Ofsted should be told (Working Together 2023 ch. 5)");
        }
    }
}

}  // namespace

NotificationDecision decide_notification(const model::NotificationTest& t, std::string_view home_la) {
    NotificationDecision d;
    const auto reason = [&](std::string text, std::string_view source) {
        d.reasons.push_back(text + " (" + std::string(source) + ")");
    };
    const auto children = children_of(t);
    const auto any = [&](auto pred) { return std::any_of(children.begin(), children.end(), pred); };
    const bool abuse = t.abuse_or_neglect != AbuseOrNeglect::no;
    const bool harmed = any([](const model::ChildTest& c) { return c.harm != Harm::neither; });
    const bool ours = t.location == Location::in_area || t.location == Location::resident_harmed_outside_england;
    const bool died = any([](const model::ChildTest& c) { return c.harm == Harm::died; });
    const bool looked_after_died =
        any([](const model::ChildTest& c) { return c.harm == Harm::died && c.looked_after; });

    if (abuse)
        reason(std::string("abuse or neglect is ") +
                   (t.abuse_or_neglect == AbuseOrNeglect::known ? "known" : "suspected"),
               kS16C);
    else reason("abuse or neglect is neither known nor suspected", kS16C);
    for (std::size_t i = 0; i < children.size(); ++i)
        reason(harm_reason(children[i], which(i, children.size())), kS16C);
    const bool several = children.size() > 1;
    const std::string the = several ? "the children" : "the child";
    const std::string were = several ? " were" : " was";
    if (t.location == Location::in_area)
        reason(the + " died or" + were + " harmed in the local authority's area", "Children Act 2004 s16C(1)(a)");
    else if (t.location == Location::resident_harmed_outside_england)
        reason(the + ", normally resident in the area, died or" + were + " harmed outside England",
               "Children Act 2004 s16C(1)(b)");
    else if (t.location == Location::resident_harmed_elsewhere_in_england)
        reason(the + ", normally resident in the area, died or" + were +
                   " harmed in another English local authority's area: that authority notifies and leads the rapid "
                   "review; our partners decide on a local review",
               "Children Act 2004 s16C(1)(a); Panel FAQ; Bradford DSCP procedure s6");
    else reason("neither in the area nor a resident harmed outside England: another local authority's duty", kS16C);

    d.notifiable = abuse && harmed && ours;
    const auto add = [&](std::string_view id) { d.who.push_back(find_recipient(id)); };
    if (d.notifiable) {
        add("panel");
        add("ofsted-dfe");
    }
    if (d.notifiable || looked_after_died) add("partners");
    if (d.notifiable && !home_la.empty()) {
        add("home-partners");
        reason("the child normally lives in " + std::string(home_la) +
                   "'s area: tell its safeguarding partners, who take part in the rapid review and decide on a "
                   "local review",
               "Working Together 2018 ch. 4; Panel FAQ; Bradford DSCP procedure s6");
    }
    if (died && (d.notifiable || looked_after_died)) add("cdr-partners");
    add_death_duties(d, children);
    return d;
}

}  // namespace cspr::rules
