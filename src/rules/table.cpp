// The table of timescales: one row per rule, with its source. docs/timescales.md is generated from
// it (cspr rules --format markdown) and a test keeps the two equal.
#include <algorithm>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using model::Unit;

Moment on(calendar::Date d) { return {d, std::nullopt}; }
std::optional<Moment> on(const std::optional<calendar::Date>& d) {
    if (!d) return std::nullopt;
    return on(*d);
}

constexpr Clocks kNotApplicable{false, {}};
constexpr Clocks kNotYet{true, {}};

Clocks referral_confirm(const model::Case& c) {
    if (!c.referral) return kNotYet;
    const auto& r = *c.referral;
    std::optional<Moment> met;
    if (r.confirmed_in_writing) met = Moment{calendar::london_date_of(*r.confirmed_in_writing), r.confirmed_in_writing};
    return {true, {{"", {calendar::london_date_of(r.received), r.received}, met}}};
}

// One clock per recipient of the notification whose rule is `rule`; day 0 is the day the local
// authority became aware. Not applicable when the test gave the rule no recipient.
Clocks recipient_clocks(const model::Case& c, std::string_view rule) {
    if (!c.notification) return kNotYet;
    Clocks out;
    for (const auto& r : c.notification->recipients)
        if (r.rule == rule) out.started.push_back({r.recipient, on(c.notification->aware), on(r.sent)});
    out.applicable = !out.started.empty();
    return out;
}

// A child who normally lives here harmed in another English local authority's area: that authority
// notifies and leads the rapid review (Panel FAQ). Its clocks are kept for information.
const model::NotifyingLa* notifying_la(const model::Case& c) {
    if (!c.notification || c.notification->test.location != model::Location::resident_harmed_elsewhere_in_england)
        return nullptr;
    return c.notification->notifying_la ? &*c.notification->notifying_la : nullptr;
}

// A child from elsewhere harmed here: the partners of the area where the child normally lives decide
// on a local review, and so commission and publish it (Bradford DSCP procedure s6).
Clocks home_partners_duty(const model::Case& c, Clocks clocks) {
    if (!c.notification || c.notification->home_la.empty()) return clocks;
    for (Clock& k : clocks.started) k.duty = c.notification->home_la + "'s safeguarding partners";
    return clocks;
}

// The Panel's online notification form reaches Ofsted and DfE as well (Working Together 2018 ch. 4):
// sending it meets the ofsted-dfe clock too, unless a date of its own is recorded for ofsted-dfe.
Clocks notify_panel(const model::Case& c) {
    Clocks out = recipient_clocks(c, "notify-panel");
    const auto panel =
        std::find_if(out.started.begin(), out.started.end(), [](const Clock& k) { return k.subject == "panel"; });
    for (Clock& k : out.started)
        if (k.subject == "ofsted-dfe" && !k.met && panel != out.started.end() && panel->met) {
            k.met = panel->met;
            k.note = "sent with the Panel's online form, which reaches Ofsted and DfE";
        }
    if (const auto* other = notifying_la(c)) {
        out.applicable = true;
        out.started.push_back({"panel", on(other->aware), on(other->notified)});
        out.started.back().duty = other->name;
    }
    return out;
}

// Rapid review and decision run for a case notified to the Panel, from the day it was notified.
Clocks from_panel_notification(const model::Case& c, std::optional<Moment> met) {
    if (!c.notification) return kNotYet;
    if (!c.notification->notifiable) return kNotApplicable;
    for (const auto& r : c.notification->recipients)
        if (r.recipient == "panel" && r.sent) return {true, {{"", on(*r.sent), met}}};
    return kNotYet;
}

Clocks rapid_review(const model::Case& c) {
    if (const auto* other = notifying_la(c)) {
        if (!other->notified) return kNotYet;
        Clocks out{true, {{"", on(*other->notified), on(other->rapid_review_sent)}}};
        out.started.back().duty = other->name;
        return out;
    }
    return from_panel_notification(c, c.rapid_review ? on(c.rapid_review->sent_to_panel) : std::nullopt);
}

// The Panel's response runs from the day the rapid review was sent to it.
Clocks panel_response(const model::Case& c) {
    if (!c.rapid_review || !c.rapid_review->sent_to_panel) return kNotYet;
    return {true,
            {{"", on(*c.rapid_review->sent_to_panel),
              c.panel_response ? std::optional(on(c.panel_response->received)) : std::nullopt}}};
}

// One clock per request for more information, from the day the Panel asked ("request-1", ...).
Clocks answer_panel_request(const model::Case& c) {
    if (!c.panel_response) return kNotYet;
    Clocks out;
    const auto& requests = c.panel_response->requests;
    for (std::size_t i = 0; i < requests.size(); ++i)
        out.started.push_back({"request-" + std::to_string(i + 1), on(requests[i].asked), on(requests[i].answered)});
    out.applicable = !out.started.empty();
    return out;
}

// Ours wherever the child was harmed, when the child normally lives here: from the day the Panel
// was notified, by whichever authority notified it.
Clocks decision(const model::Case& c) {
    const auto met = c.decision ? std::optional<Moment>(on(c.decision->date)) : std::nullopt;
    if (const auto* other = notifying_la(c)) {
        if (!other->notified) return kNotYet;
        return {true, {{"", on(*other->notified), met}}};
    }
    return home_partners_duty(c, from_panel_notification(c, met));
}

// Rules that follow a decision to commission a local review.
bool local_review(const model::Case& c) { return c.decision && c.decision->outcome == model::Route::local_cspr; }

// Telling the Panel, Ofsted and DfE is met only with the reviewer's name: on the later of the day
// each was told and the day the first reviewer was named (the decision's day when not recorded).
Clock informed_with_reviewer(const model::Decision& d, std::string subject, const std::optional<calendar::Date>& told) {
    Clock clock{std::move(subject), on(d.date), std::nullopt};
    if (!told) return clock;
    if (d.reviewers.empty()) {
        clock.note =
            "told on " + calendar::format_iso_date(*told) + " without a reviewer's name: met when one is named";
        return clock;
    }
    calendar::Date named = d.reviewers.front().named_on.value_or(d.date);
    for (const auto& r : d.reviewers) named = std::min(named, r.named_on.value_or(d.date));
    clock.met = on(std::max(*told, named));
    return clock;
}

Clocks inform_decision(const model::Case& c) {
    if (!c.decision) return kNotYet;
    if (!local_review(c)) return kNotApplicable;
    const auto& d = *c.decision;
    return home_partners_duty(c, {true,
                                  {informed_with_reviewer(d, "panel", d.informed_panel),
                                   informed_with_reviewer(d, "ofsted", d.informed_ofsted),
                                   informed_with_reviewer(d, "dfe", d.informed_dfe)}});
}

Clocks publish(const model::Case& c) {
    if (!c.decision) return kNotYet;
    if (!local_review(c)) return kNotApplicable;
    Clock clock{"", on(c.decision->date), std::nullopt};
    if (c.publication) {
        clock.met = on(c.publication->published);
        const auto& delay = c.publication->delay;
        // A delay pauses the clock and excuses lateness only once the Panel and the Secretary of State
        // have been told, and only from that day: the engine compares it with the due date.
        if (delay && delay->panel_and_sos_told) {
            // The reason's name only: the note is free text, which may name people (a command
            // adds it with --show-names).
            clock.excuse = std::string(model::delay_name(delay->reason));
            clock.excused_from = delay->panel_and_sos_told;
        }
    }
    return home_partners_duty(c, {true, {clock}});
}

Clocks copy_before_publish(const model::Case& c) {
    if (!c.decision) return kNotYet;
    if (!local_review(c)) return kNotApplicable;
    if (!c.publication || !(c.publication->publish_on || c.publication->published)) return kNotYet;
    const auto& p = *c.publication;
    // Counted back from the day it was published, once it is; until then from the planned day.
    const Moment day = on(p.published ? *p.published : *p.publish_on);
    const auto copy = [&](std::string subject, const std::optional<calendar::Date>& sent, const std::string& not_sent) {
        Clock clock{std::move(subject), day, on(sent)};
        if (!sent) clock.not_done = not_sent;
        return clock;
    };
    return home_partners_duty(c, {true,
                                  {copy("panel", p.copy_panel, p.not_sent_panel),
                                   copy("secretary-of-state", p.copy_secretary_of_state, p.not_sent_secretary_of_state),
                                   copy("ofsted", p.copy_ofsted, p.not_sent_ofsted)}});
}

Clocks keep_available(const model::Case& c) {
    if (!c.publication || !c.publication->published) return kNotYet;
    return {true, {{"", on(*c.publication->published), std::nullopt}}};
}

// A re-dated action counts against its current due date (the date the partnership agreed, with a
// reason), but the note keeps the slippage in sight in every report. The reason itself is free text
// and stays out of the note: `cspr actions ID --show-names` shows it.
std::string redated_note(const model::Action& a) {
    if (!a.original_due || *a.original_due == a.due) return "";
    const bool reasoned = std::any_of(a.history.begin(), a.history.end(),
                                      [](const auto& h) { return h.field == "due" && !h.reason.empty(); });
    return "re-dated from " + calendar::format_iso_date(*a.original_due) +
           (reasoned ? " (reason recorded)" : " (no reason recorded)");
}

Clocks action_due(const model::Case& c) {
    if (!c.actions) return kNotYet;
    Clocks out;
    for (const auto& a : c.actions->actions) {
        if (a.status == model::ActionStatus::dropped) continue;  // with a recorded reason (checked): not counted
        std::optional<Moment> met;
        if (a.status == model::ActionStatus::done) met = on(a.completed.value_or(a.due));
        out.started.push_back({a.ref + " " + a.owner, on(a.due), met});
        out.started.back().note = redated_note(a);
    }
    return out;
}

const Rule kRules[] = {
    {"referral-confirm", "refer", "The referrer confirms the referral in writing on the referral form",
     "referral made (date and time)", 48, Unit::hours, false, "every referral", "referral.yaml confirmed_in_writing",
     Basis::local, "Bedford Borough SCP procedure: confirm in writing within 48 hours using the referral form",
     referral_confirm, false, Switchable::on_by_default},
    {"notify-panel", "notify",
     "The local authority notifies the Child Safeguarding Practice Review Panel (its online form also reaches "
     "Ofsted and DfE)",
     "local authority became aware", 5, Unit::working_days, false,
     "abuse or neglect known or suspected, and the child died or was seriously harmed in the area or, normally "
     "resident here, outside England",
     "notification.yaml recipients[panel, ofsted-dfe].sent", Basis::statutory,
     "Children Act 2004 s16C(1); Working Together 2018 ch. 4; Bedford, Bradford and Durham SCP procedures",
     notify_panel},
    {"notify-partners", "notify",
     "The local authority reports the incident to the safeguarding partners (and other areas' where appropriate)",
     "local authority became aware", 5, Unit::working_days, false,
     "as notify-panel; also when a looked-after child died", "notification.yaml recipients[partners].sent",
     Basis::statutory, "Working Together 2018 ch. 4; Bedford, Bradford (looked-after child) and Durham SCP procedures",
     [](const model::Case& c) { return recipient_clocks(c, "notify-partners"); }},
    {"notify-cdr", "notify", "The local authority reports the death to the child death review partners",
     "local authority became aware", 5, Unit::working_days, false,
     "the child died, and the case is notifiable or the child was looked after",
     "notification.yaml recipients[cdr-partners].sent", Basis::statutory,
     "Working Together 2018 ch. 4; Bradford DSCP procedure s3",
     [](const model::Case& c) { return recipient_clocks(c, "notify-cdr"); }},
    {"notify-lac-death", "notify",
     "The local authority notifies the Secretary of State and Ofsted of a looked-after child's death",
     "local authority became aware", 5, Unit::working_days, false,
     "a looked-after child died, whether or not abuse or neglect is known or suspected",
     "notification.yaml recipients[sos-ofsted].sent", Basis::statutory,
     "Working Together 2018 ch. 4; Bedford, Bradford and Durham SCP procedures",
     [](const model::Case& c) { return recipient_clocks(c, "notify-lac-death"); }},
    {"notify-care-leaver", "notify",
     "The local authority should notify the Secretary of State and Ofsted of a care leaver's death (to age 24)",
     "local authority became aware", 5, Unit::working_days, false,
     "a care leaver died (no national figure: 5 working days by default, configurable)",
     "notification.yaml recipients[sos-ofsted-care-leaver].sent", Basis::local, "Working Together 2023 ch. 5",
     [](const model::Case& c) { return recipient_clocks(c, "notify-care-leaver"); }},
    {"rapid-review", "rapid-review", "The safeguarding partners complete the rapid review and send it to the Panel",
     "notification sent to the Panel", 15, Unit::working_days, false, "the case was notified to the Panel",
     "rapid-review.yaml sent_to_panel", Basis::national_guidance,
     "Panel guidance for safeguarding partners; Barnet SCP procedure; Bradford DSCP procedure app. 1 (day 6-15, "
     "submitted day 20)",
     rapid_review},
    {"panel-response", "panel-response",
     "The Panel responds to the rapid review (for information: the Panel's timescale, not the partnership's)",
     "rapid review sent to the Panel", 10, Unit::calendar_days, false,
     "the rapid review was sent to the Panel; off unless cspr.yaml switches it on", "panel-response.yaml received",
     Basis::local,
     "Kent Safeguarding Children Multi-Agency Partnership procedure: the Panel \"will respond in approximately 10 "
     "days\" (no national timescale); Bradford DSCP procedure s8; Durham SCP procedures s7",
     panel_response, false, Switchable::off_by_default, true},
    {"answer-panel-request", "panel-response",
     "The safeguarding partners answer the Panel's request for more information",
     "the Panel asked for more information", 5, Unit::working_days, false, "the Panel asked for more information",
     "panel-response.yaml requests[].answered", Basis::local,
     "Bradford DSCP procedure s8; Durham SCP procedures s7 (the partners answer; no national figure: 5 working days "
     "by default, configurable)",
     answer_panel_request, false, Switchable::on_by_default},
    {"decision", "decide", "The safeguarding partners decide whether to commission a local review",
     "notification sent to the Panel", 1, Unit::months, false, "the case was notified to the Panel",
     "decision.yaml date", Basis::local, "Bradford DSCP procedure s6: \"normally within one month of notification\"",
     decision, false, Switchable::on_by_default},
    {"inform-decision", "decide",
     "The partners tell the Panel, Ofsted and DfE that a local review will be done, with the reviewer's name",
     "decision to commission a local review", 5, Unit::working_days, false, "the decision is a local review",
     "decision.yaml informed.panel, .ofsted, .dfe", Basis::local,
     "Working Together 2018 ch. 4 (\"as soon as\": no national figure; 5 working days by default, configurable); "
     "Bradford and Durham SCP procedures",
     inform_decision, false, Switchable::on_by_default},
    {"publish", "publish-check", "The partners publish the final report (or the improvements information)",
     "decision to commission a local review", 6, Unit::months, false, "the decision is a local review",
     "publication.yaml published (a recorded delay, once the Panel and Secretary of State are told, pauses it)",
     Basis::statutory,
     "Working Together 2018 ch. 4 \"Expectations for the final report\"; Bradford and Durham SCP procedures", publish},
    {"copy-before-publish", "publish-check",
     "The partners send the report (or the improvements information) to the Panel, the Secretary of State and Ofsted",
     "publication date (planned, then actual)", 7, Unit::working_days, true,
     "a publication date is planned or recorded", "publication.yaml copies.panel, .secretary_of_state, .ofsted",
     Basis::statutory,
     "Working Together 2018 ch. 4; Child Safeguarding Practice Review and Relevant Agency (England) Regulations "
     "2018; Bradford and Durham SCP procedures",
     copy_before_publish},
    {"keep-available", "publish-check", "The published report stays publicly available for at least a year",
     "publication", 1, Unit::years, false, "the report was published", "the period running out",
     Basis::national_guidance,
     "Durham SCP procedures manual s10: \"at least one year\" (other partnerships' procedures agree)", keep_available,
     true},
    {"action-due", "actions", "An agency completes an action arising from the review's recommendations",
     "the due date recorded for the action", 0, Unit::calendar_days, false, "actions are recorded",
     "actions.yaml status done (completed date)", Basis::local, "the review's recommendations (actions.yaml)",
     action_due},
};

}  // namespace

std::span<const Rule> rule_table() { return kRules; }

std::string unknown_rule(std::string_view typed) {
    std::vector<std::string> ids;
    for (const Rule& r : kRules) ids.emplace_back(r.id);
    const auto nearest = nearest_name(typed, ids);
    return "'" + std::string(typed) + "' is not a rule (see 'cspr rules')" +
           (nearest ? "; did you mean " + *nearest + "?" : "");
}

const Rule* find_rule(std::string_view id) {
    const auto it = std::find_if(std::begin(kRules), std::end(kRules), [&](const Rule& r) { return r.id == id; });
    return it == std::end(kRules) ? nullptr : it;
}

}  // namespace cspr::rules
