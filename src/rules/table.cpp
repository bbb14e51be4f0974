// The table of timescales: one row per rule, with its source. docs/timescales.md is generated from it.
#include <algorithm>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using model::Unit;

Moment on(calendar::Date d) { return {d, std::nullopt}; }

std::vector<Clock> referral_confirm(const model::Case& c) {
    if (!c.referral) return {};
    const auto& r = *c.referral;
    std::optional<Moment> met;
    if (r.confirmed_in_writing) met = Moment{calendar::london_date_of(*r.confirmed_in_writing), r.confirmed_in_writing};
    return {{"", {calendar::london_date_of(r.received), r.received}, met}};
}

// One clock per recipient of the notification whose rule is `rule`; day 0 is the day the local
// authority became aware.
std::vector<Clock> recipient_clocks(const model::Case& c, std::string_view rule) {
    std::vector<Clock> out;
    if (!c.notification) return out;
    for (const auto& r : c.notification->recipients) {
        if (r.rule != rule) continue;
        std::optional<Moment> met;
        if (r.sent) met = on(*r.sent);
        out.push_back({r.recipient, on(c.notification->aware), met});
    }
    return out;
}

std::optional<calendar::Date> panel_notified(const model::Case& c) {
    if (!c.notification) return std::nullopt;
    for (const auto& r : c.notification->recipients)
        if (r.recipient == "panel" && r.sent) return r.sent;
    return std::nullopt;
}

std::vector<Clock> rapid_review(const model::Case& c) {
    const auto start = panel_notified(c);
    if (!start) return {};
    return {{"", on(*start), std::nullopt}};
}

std::vector<Clock> decision(const model::Case& c) {
    const auto start = panel_notified(c);
    if (!start) return {};
    return {{"", on(*start), std::nullopt}};
}

const Rule kRules[] = {
    {"referral-confirm", "refer", "The referrer confirms the referral in writing on the referral form",
     "referral made (date and time)", 48, Unit::hours, false, "every referral",
     "referral.yaml confirmed_in_writing", false,
     "Bedford Borough SCP procedure (seed 000): confirm in writing within 48 hours using the referral form",
     referral_confirm},
    {"notify-panel", "notify",
     "The local authority notifies the Child Safeguarding Practice Review Panel (its online form also reaches "
     "Ofsted and DfE)",
     "local authority became aware", 5, Unit::working_days, false,
     "abuse or neglect known or suspected, and the child died or was seriously harmed in the area or, normally "
     "resident here, outside England",
     "notification.yaml recipients[panel, ofsted-dfe].sent", true,
     "Children Act 2004 s16C(1); Working Together 2018 ch. 4; seeds 000, 001, 002",
     [](const model::Case& c) { return recipient_clocks(c, "notify-panel"); }},
    {"notify-partners", "notify",
     "The local authority reports the incident to the safeguarding partners (and other areas' where appropriate)",
     "local authority became aware", 5, Unit::working_days, false,
     "as notify-panel; also when a looked-after child died", "notification.yaml recipients[partners].sent", true,
     "Working Together 2018 ch. 4; seeds 000, 001 (looked-after child), 002",
     [](const model::Case& c) { return recipient_clocks(c, "notify-partners"); }},
    {"notify-cdr", "notify", "The local authority reports the death to the child death review partners",
     "local authority became aware", 5, Unit::working_days, false,
     "the child died, and the case is notifiable or the child was looked after",
     "notification.yaml recipients[cdr-partners].sent", true, "Working Together 2018 ch. 4; Bradford seed (001) s3",
     [](const model::Case& c) { return recipient_clocks(c, "notify-cdr"); }},
    {"notify-lac-death", "notify", "The local authority notifies the Secretary of State and Ofsted of a looked-after child's death",
     "local authority became aware", 5, Unit::working_days, false,
     "a looked-after child died, whether or not abuse or neglect is known or suspected",
     "notification.yaml recipients[sos-ofsted].sent", true, "Working Together 2018 ch. 4; seeds 000, 001, 002",
     [](const model::Case& c) { return recipient_clocks(c, "notify-lac-death"); }},
    {"notify-care-leaver", "notify",
     "The local authority should notify the Secretary of State and Ofsted of a care leaver's death (to age 24)",
     "local authority became aware", 5, Unit::working_days, false,
     "a care leaver died (no national figure: 5 working days by default, configurable)",
     "notification.yaml recipients[sos-ofsted-care-leaver].sent", false, "Working Together 2023 ch. 5",
     [](const model::Case& c) { return recipient_clocks(c, "notify-care-leaver"); }},
    {"rapid-review", "rapid-review", "The safeguarding partners complete the rapid review and send it to the Panel",
     "notification sent to the Panel", 15, Unit::working_days, false, "a notification was sent to the Panel",
     "rapid-review.yaml sent_to_panel", true,
     "Panel guidance for safeguarding partners; Barnet seed (003); Bradford seed (001) day 6-15, submitted day 20",
     rapid_review},
    {"decision", "decide", "The safeguarding partners decide whether to commission a local review",
     "notification sent to the Panel", 1, Unit::months, false, "a notification was sent to the Panel",
     "decision.yaml date", false, "Bradford seed (001): \"normally within one month of notification\"", decision},
};

}  // namespace

std::span<const Rule> rule_table() { return kRules; }

const Rule* find_rule(std::string_view id) {
    const auto it = std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule& r) { return r.id == id; });
    return it == std::end(kRules) ? nullptr : it;
}

}  // namespace cspr::rules
