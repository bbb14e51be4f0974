// cspr show ID --format json (schemas/show.schema.json): what the table shows, for scripts. Personal
// details (names, dates of birth and death, free-text notes) go through json_personal: shown only
// with --show-names, else {"hidden": true}, as list, actions and late print them.
#include <map>

#include "json_writer.hpp"
#include "next_step.hpp"

namespace cspr::cli {

namespace {

constexpr int kShowFormatVersion = 1;

// The keys of a deadline of `cspr deadlines --format json`; start and due are null for a rule that
// does not apply.
Json deadline_json(const rules::Deadline& d) {
    const bool applies = d.status != rules::Status::not_applicable;
    Json j = Json::object();
    j.add("case", d.case_id).add("step", d.rule->step).add("rule", d.rule->id);
    j.add("subject", json_text_or_null(d.subject)).add("what", d.rule->what);
    j.add("start", applies ? json_date(d.start.day) : Json());
    j.add("due", applies ? json_date(d.due) : Json());
    j.add("due_time", d.due_time ? Json(calendar::format_london_datetime(*d.due_time)) : Json());
    j.add("working_days_left", applies ? Json(d.working_days_left) : Json());
    j.add("status", status_token(d));
    j.add("met", json_date_or_null(d.met ? std::optional(d.met->day) : std::nullopt));
    j.add("projected", d.projected).add("act_by", json_date_or_null(d.act_by));
    j.add("paused", json_text_or_null(d.paused)).add("late", d.late);
    j.add("late_reason", json_text_or_null(d.late_reason)).add("informational", rules::informational(d));
    j.add("duty", json_text_or_null(d.duty)).add("note", json_text_or_null(d.note));
    j.add("override", json_text_or_null(d.override_reason)).add("source", d.rule->source);
    return j;
}

Json datetime_or_null(const std::optional<calendar::DateTime>& t) {
    return t ? Json(calendar::format_london_datetime(*t)) : Json();
}

// A personal date: the date with --show-names, {"hidden": true} without; null when none is recorded.
Json personal_date(const Context& ctx, const std::optional<calendar::Date>& d) {
    return d ? json_personal(ctx, calendar::format_iso_date(*d)) : Json();
}

Json referral_json(const Context& ctx, const model::Referral& r) {
    const auto& c = r.child;
    Json child = Json::object();
    child.add("name", json_personal(ctx, c.name)).add("date_of_birth", personal_date(ctx, c.date_of_birth));
    child.add("incident_date", json_date(c.incident_date)).add("died", c.date_of_death.has_value());
    child.add("date_of_death", personal_date(ctx, c.date_of_death)).add("looked_after", c.looked_after);
    child.add("child_protection_plan", model::cp_plan_name(c.child_protection_plan));
    Json others = Json::array();
    for (const auto& o : r.other_children)
        others.push(Json::object()
                        .add("name", json_personal(ctx, o.name))
                        .add("died", o.date_of_death.has_value())
                        .add("looked_after", o.looked_after));
    Json criteria = Json::array();
    for (const auto& id : r.criteria) {
        const auto* known = model::find_criterion(id);
        criteria.push(Json::object().add("id", id).add("must_notify", known != nullptr && known->must_notify));
    }
    Json j = Json::object();
    j.add("received", calendar::format_london_datetime(r.received));
    j.add("referrer", Json::object().add("agency", r.referrer.agency).add("role", r.referrer.role));
    j.add("confirmed_in_writing", datetime_or_null(r.confirmed_in_writing));
    j.add("child", std::move(child)).add("other_children", std::move(others));
    j.add("family", r.family.size()).add("agencies", r.agencies.size()).add("criteria", std::move(criteria));
    return j;
}

Json notifying_la_json(const model::NotifyingLa& la) {
    Json contributions = Json::array();
    for (const auto& c : la.contributions)
        contributions.push(Json::object()
                               .add("agency", c.agency)
                               .add("asked", json_date_or_null(c.asked))
                               .add("sent", json_date_or_null(c.sent)));
    Json j = Json::object();
    j.add("name", la.name).add("aware", json_date(la.aware)).add("notified", json_date_or_null(la.notified));
    j.add("rapid_review_sent", json_date_or_null(la.rapid_review_sent));
    j.add("contributions", std::move(contributions));
    return j;
}

Json notification_json(const model::Notification& n) {
    Json others = Json::array();
    for (const auto& o : n.test.other_children)
        others.push(Json::object()
                        .add("harm", model::harm_name(o.harm))
                        .add("looked_after", o.looked_after)
                        .add("care_leaver", o.care_leaver));
    Json test = Json::object();
    test.add("abuse_or_neglect", model::abuse_name(n.test.abuse_or_neglect)).add("harm", model::harm_name(n.test.harm));
    test.add("location", model::location_name(n.test.location)).add("looked_after", n.test.looked_after);
    test.add("care_leaver", n.test.care_leaver).add("other_children", std::move(others));
    Json reasons = Json::array();
    for (const auto& reason : n.reasons) reasons.push(reason);
    Json j = Json::object();
    j.add("aware", json_date(n.aware)).add("test", std::move(test)).add("notifiable", n.notifiable);
    j.add("reasons", std::move(reasons)).add("home_la", json_text_or_null(n.home_la));
    j.add("notifying_la", n.notifying_la ? notifying_la_json(*n.notifying_la) : Json());
    j.add("not_notifiable_route", json_text_or_null(n.not_notifiable_route));
    return j;
}

// The days a record was amended, oldest first; never the reasons, which are free text.
Json amended_json(const std::vector<model::Amendment>& amendments) {
    Json days = Json::array();
    for (const auto& a : amendments) days.push(json_date(a.date));
    return days;
}

Json rapid_review_json(const model::RapidReview& r) {
    std::size_t back = 0;
    for (const auto& x : r.returns) back += x.returned ? 1 : 0;
    Json signed_off = Json::array();
    for (model::Partner p : model::kPartners)
        if (r.sign_off[static_cast<std::size_t>(p)].date) signed_off.push(model::partner_key(p));
    Json j = Json::object();
    j.add("returns_requested", r.returns.size()).add("returns_returned", back);
    j.add("meeting", json_date_or_null(r.meeting));
    j.add("recommended_route", r.recommended_route ? Json(model::route_name(*r.recommended_route)) : Json());
    j.add("national_importance", r.national_importance).add("signed_off", std::move(signed_off));
    j.add("complete", model::is_complete(r)).add("sent_to_panel", json_date_or_null(r.sent_to_panel));
    j.add("amended", amended_json(r.amendments));
    return j;
}

Json decision_json(const model::Decision& d) {
    Json met = Json::array();
    for (std::size_t i = 0; i < d.criteria.size(); ++i)
        if (d.criteria[i].applies) met.push(model::decision_criteria()[i].key);
    Json j = Json::object();
    j.add("outcome", model::route_name(d.outcome)).add("date", json_date(d.date)).add("unanimous", d.unanimous);
    j.add("criteria_met", std::move(met)).add("family_told", json_date_or_null(d.family_told));
    j.add("reviewers", d.reviewers.size());
    j.add("informed_panel", json_date_or_null(d.informed_panel));
    j.add("informed_ofsted", json_date_or_null(d.informed_ofsted));
    j.add("informed_dfe", json_date_or_null(d.informed_dfe)).add("amended", amended_json(d.amendments));
    return j;
}

Json publication_json(const Context& ctx, const model::Publication& p) {
    Json delay;
    if (p.delay)
        delay = Json::object()
                    .add("reason", model::delay_name(p.delay->reason))
                    .add("note", json_personal(ctx, p.delay->note))  // free text, which may name people
                    .add("panel_and_sos_told", json_date_or_null(p.delay->panel_and_sos_told));
    Json j = Json::object();
    j.add("publish_on", json_date_or_null(p.publish_on)).add("full_report", p.full_report);
    j.add("copy_panel", json_date_or_null(p.copy_panel));
    j.add("copy_secretary_of_state", json_date_or_null(p.copy_secretary_of_state));
    j.add("copy_ofsted", json_date_or_null(p.copy_ofsted)).add("delay", std::move(delay));
    j.add("published", json_date_or_null(p.published)).add("amended", amended_json(p.amendments));
    return j;
}

Json actions_json(const model::Actions& a) {
    std::map<std::string_view, int> by_status;
    for (const auto& x : a.actions) ++by_status[model::action_status_name(x.status)];
    Json statuses = Json::object();
    for (const auto& [status, n] : by_status) statuses.add(status, n);  // a map: sorted, so deterministic
    return Json::object().add("recorded", a.actions.size()).add("by_status", std::move(statuses));
}

Json steps_json(const model::Case& c) {
    Json j = Json::object();
    j.add("refer", c.referral.has_value()).add("notify", c.notification.has_value());
    j.add("rapid-review", c.rapid_review && c.rapid_review->sent_to_panel);
    j.add("decide", c.decision.has_value()).add("publish", c.publication && c.publication->published);
    j.add("actions", c.actions.has_value());
    return j;
}

}  // namespace

void print_show_json(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& deadlines) {
    Json doc = report_document("cspr-show", kShowFormatVersion, ctx.today());
    doc.add("case", c.id).add("step", model::current_step(c)).add("steps", steps_json(c));
    const auto next = next_step(c);
    doc.add("next", next ? Json(next->command) : Json());
    doc.add("referral", c.referral ? referral_json(ctx, *c.referral) : Json());
    doc.add("notification", c.notification ? notification_json(*c.notification) : Json());
    doc.add("rapid_review", c.rapid_review ? rapid_review_json(*c.rapid_review) : Json());
    doc.add("panel_response", c.panel_response ? panel_response_json(ctx, *c.panel_response, deadlines) : Json());
    doc.add("decision", c.decision ? decision_json(*c.decision) : Json());
    doc.add("publication", c.publication ? publication_json(ctx, *c.publication) : Json());
    doc.add("actions", c.actions ? actions_json(*c.actions) : Json());
    Json items = Json::array();
    for (const auto& d : deadlines) items.push(deadline_json(d));
    doc.add("deadlines", std::move(items));
    ctx.out << doc.dump();
}

}  // namespace cspr::cli
