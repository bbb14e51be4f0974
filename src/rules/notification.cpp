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

NotificationDecision decide_notification(const model::NotificationTest& t) {
    NotificationDecision d;
    const auto reason = [&](std::string text, std::string_view source) {
        d.reasons.push_back(text + " (" + std::string(source) + ")");
    };
    const bool abuse = t.abuse_or_neglect != AbuseOrNeglect::no;
    const bool harmed = t.harm != Harm::neither;
    const bool ours = t.location != Location::neither;
    const bool died = t.harm == Harm::died;

    if (abuse)
        reason(std::string("abuse or neglect is ") +
                   (t.abuse_or_neglect == AbuseOrNeglect::known ? "known" : "suspected"),
               kS16C);
    else reason("abuse or neglect is neither known nor suspected", kS16C);
    if (died) reason("the child died", kS16C);
    else if (harmed) reason("the child was seriously harmed", kS16C);
    else reason("the child neither died nor was seriously harmed", kS16C);
    if (t.location == Location::in_area)
        reason("the child died or was harmed in the local authority's area", "Children Act 2004 s16C(1)(a)");
    else if (t.location == Location::resident_harmed_outside_england)
        reason("the child, normally resident in the area, died or was harmed outside England",
               "Children Act 2004 s16C(1)(b)");
    else reason("neither in the area nor a resident harmed outside England: another local authority's duty", kS16C);

    d.notifiable = abuse && harmed && ours;
    const auto add = [&](std::string_view id) { d.who.push_back(find_recipient(id)); };
    if (d.notifiable) {
        add("panel");
        add("ofsted-dfe");
    }
    if (d.notifiable || (died && t.looked_after)) add("partners");
    if (died && (d.notifiable || t.looked_after)) add("cdr-partners");
    if (died && t.looked_after) {
        add("sos-ofsted");
        reason("a looked-after child died: the Secretary of State and Ofsted must be told whether or not abuse or "
               "neglect is known or suspected",
               "Working Together 2018 ch. 4");
    }
    if (died && t.care_leaver) {
        add("sos-ofsted-care-leaver");
        reason("a care leaver died: the Secretary of State and Ofsted should be told", "Working Together 2023 ch. 5");
    }
    return d;
}

}  // namespace cspr::rules
