// The field table of every file kind: each row a key, whether it is required, what it means and
// whether it is personal, bound to its model member. The order of rows is the order of keys in the
// files cspr writes. See fields.hpp for how a table is read.
//
// Rules of writing that follow from a row's type: an optional text, date or list is left out when
// empty; a boolean is always written; `.always()` writes an empty optional list or mapping as [] or {}.
#pragma once

#include "cspr/fields.hpp"
#include "cspr/field_checks.hpp"

namespace cspr::model {

// ---- referral.yaml ----

template <class V, class S>
    requires Is<S, Referrer>
void fields(V& v, S& r) {
    v(r.name, req("name", "The referrer's name.").personal().identifies(Detail::practitioner, "referrer's name"));
    v(r.agency, req("agency", "The referrer's agency."));
    v(r.role, req("role", "The referrer's role in that agency."));
    v(r.contact, opt("contact", "How to reach the referrer: email, address or phone.").personal());
    v.extras(r.extra);
}

template <class V, class S>
    requires Is<S, Child>
void fields(V& v, S& c) {
    v(c.name, req("name", "The child's name.").personal().identifies(Detail::name, "child's name"));
    v(c.date_of_birth,
      opt("date_of_birth", "The child's date of birth.").personal().identifies(Detail::date, "date of birth"));
    v(c.date_of_death, opt("date_of_death", "The child's date of death; only for a child who died.")
                           .personal()
                           .identifies(Detail::date, "date of death"));
    v(c.incident_date, req("incident_date", "The date of the critical incident."));
    v(c.home_address,
      opt("home_address", "The child's home address.").personal().identifies(Detail::address, "address"));
    v(c.ethnicity, opt("ethnicity", "The child's ethnicity.").personal());
    v(c.faith, opt("faith", "The child's faith.").personal());
    v(c.disability, opt("disability", "Any disability the child has.").personal());
    v(c.child_protection_plan,
      req("child_protection_plan", "Whether the child is or was subject to a child protection plan."));
    v(c.looked_after, req("looked_after", "Whether the child is looked after by the local authority."));
    v(c.whereabouts, opt("whereabouts", "Where the child is now.").personal().identifies(Detail::place, "whereabouts"));
    v(c.carer, opt("carer", "Who cares for the child.").personal().identifies(Detail::names_in_text, "carer's name"));
    v.extras(c.extra);
}

template <class V, class S>
    requires Is<S, FamilyMember>
void fields(V& v, S& f) {
    v(f.name, req("name", "The person's name.").personal().identifies(Detail::name, "family member's name"));
    v(f.relationship, req("relationship", "The person's relationship to the child.").personal());
    v(f.date_of_birth,
      opt("date_of_birth", "The person's date of birth.").personal().identifies(Detail::date, "date of birth"));
    v(f.address, opt("address", "The person's address.").personal().identifies(Detail::address, "address"));
    v(f.legal_status,
      opt("legal_status", "The person's legal status (for example, arrested or released under investigation).")
          .personal());
    v(f.ethnicity, opt("ethnicity", "The person's ethnicity.").personal());
    v.extras(f.extra);
}

template <class V, class S>
    requires Is<S, InvolvedAgency>
void fields(V& v, S& a) {
    v(a.name,
      req("name", "The professional's name.").personal().identifies(Detail::practitioner, "practitioner's name"));
    v(a.agency, req("agency", "The agency.").identifies(Detail::school, "school's name"));
    v(a.contact, opt("contact", "How to reach the professional: email, address or phone.").personal());
    v(a.still_involved, opt("still_involved", "Whether the agency is still involved with the child or family."));
    v.extras(a.extra);
}

template <class V, class S>
    requires Is<S, Referral>
void fields(V& v, S& r) {
    v(r.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(r.received, req("received", "When the referral was made (starts the 48-hour clock).").fact().clock());
    v(r.confirmed_in_writing, opt("confirmed_in_writing", "When the referral form confirmed the referral in writing "
                                                          "(meets `referral-confirm`).")
                                  .fact()
                                  .clock());
    v(r.referrer, req("referrer", "Who made the referral."));
    v(r.child, req("child", "The child the referral is about."));
    v(r.other_children, opt("other_children", "One incident, several children: the second to fourth child, with "
                                              "the same keys as child (a notification names up to four).")
                            .rarely()
                            .at_most(model::kMaxChildren - 1));
    v(r.family, opt("family", "Family members and significant others; name and relationship are required."));
    v(r.agencies,
      opt("agencies", "Professionals in other agencies involved with the child; name and agency are required."));
    v(r.criteria,
      req("criteria", "Which criteria of the referral form apply, each at most once (may be empty).").def("criterion"),
      check_criteria);
    v(r.narrative, req("narrative", "The events and circumstances that triggered the referral.").note());
    v.extras(r.extra);
}

// ---- notification.yaml ----

template <class V, class S>
    requires Is<S, ChildTest>
void fields(V& v, S& t) {
    v(t.harm, req("harm", "Whether this child died or was seriously harmed."));
    v(t.looked_after, req("looked_after", "Whether this child was looked after."));
    v(t.care_leaver,
      opt("care_leaver", "Whether this child was a care leaver (to age 24) who died.").otherwise("false"));
    v.extras(t.extra);
}

template <class V, class S>
    requires Is<S, NotificationTest>
void fields(V& v, S& t) {
    v(t.abuse_or_neglect, req("abuse_or_neglect", "Whether abuse or neglect is known or suspected."));
    v(t.harm, req("harm", "Whether the child died or was seriously harmed."));
    v(t.location, req("location", "Where: in-area (s16C(1)(a)), resident-harmed-outside-england (s16C(1)(b)), "
                                  "resident-harmed-elsewhere-in-england (another local authority's duty) or neither."));
    v(t.looked_after, req("looked_after", "Whether the child was looked after."));
    v(t.care_leaver,
      opt("care_leaver", "Whether a care leaver (to age 24) died (Working Together 2023).").otherwise("false"));
    v(t.other_children, opt("other_children", "The answers for referral.yaml's other_children, in the same order.")
                            .at_most(model::kMaxChildren - 1));
    v.extras(t.extra);
}

template <class V, class S>
    requires Is<S, RecipientRecord>
void fields(V& v, S& r) {
    v(r.recipient, req("recipient", "Who must be told.").def("recipient"));
    v(r.rule, req("rule", "The rule that requires telling this recipient, and so sets the due date cspr computes.")
                  .def("rule"));
    v(r.sent, opt("sent", "The day the recipient was told; absent until done.").fact().clock());
    v.extras(r.extra);
}

template <class V, class S>
    requires Is<S, Contribution>
void fields(V& v, S& c) {
    v(c.agency, req("agency", "One of our agencies; each at most once."));
    v(c.asked, opt("asked", "The day the leading local authority asked the agency to contribute.").fact());
    v(c.sent, opt("sent", "The day the agency sent its contribution; absent until then.").fact());
    v.extras(c.extra);
}

template <class V, class S>
    requires Is<S, NotifyingLa>
void fields(V& v, S& l) {
    v(l.name, req("name", "The local authority where the child was harmed, e.g. Southmoor Council (not ours)."));
    v(l.aware, req("aware", "The day it became aware of the incident (day 0 of its `notify-panel`).").fact().clock());
    v(l.notified,
      opt("notified", "The day it notified the Panel (starts `rapid-review` and our `decision`).").fact().clock());
    v(l.rapid_review_sent,
      opt("rapid_review_sent", "The day its rapid review went to the Panel (meets its `rapid-review`).")
          .fact()
          .clock());
    v(l.contributions, opt("contributions", "Our agencies' contributions to its rapid review."));
    v.extras(l.extra);
}

template <class V, class S>
    requires Is<S, Notification>
void fields(V& v, S& n) {
    v(n.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(n.aware, req("aware", "The day the local authority became aware of the incident (day 0).").fact().clock());
    v(n.test, req("test", "The answers to the notification test (Children Act 2004 s16C(1))."));
    v(n.home_la, opt("home_la", "A child from elsewhere harmed here: the local authority where the child normally "
                                "lives, whose safeguarding partners are told and decide on a local review."));
    v(n.notifying_la, opt("notifying_la", "A child who normally lives here harmed in another English local "
                                          "authority's area (location resident-harmed-elsewhere-in-england): that "
                                          "authority, which notifies and leads the rapid review."));
    v(n.notifiable, req("notifiable", "The decision cspr derived from the test.").written_by_cspr());
    v(n.reasons, req("reasons", "Why, with the source of each reason.").written_by_cspr());
    v(n.recipients, req("recipients", "Who must be told, the rule that requires it, and `sent` once done."));
    v(n.not_notifiable_route, opt("not_notifiable_route", "For a case that is not notifiable: the route it goes on to "
                                                          "(rapid review, single-agency review, ...).")
                                  .note());
    v.extras(n.extra);
}

// ---- what rapid-review.yaml, decision.yaml and publication.yaml share ----

template <class V, class S>
    requires Is<S, PartnerSign>
void fields(V& v, S& s) {
    v(s.name, opt("name", "Who signed or decided for the partner.").personal());
    v(s.date, opt("date", "The day of the sign-off.").fact());
    v.extras(s.extra);
}

// One row per safeguarding partner, in the order of kPartners.
template <class V, class Signs>
void partner_rows(V& v, Signs& signs, Need need) {
    static constexpr std::string_view kAbout[] = {"For the local authority.", "For the chief officer of police.",
                                                  "For the integrated care board."};
    for (Partner p : kPartners) {
        Meta m{.key = name_of(p), .need = need, .about = kAbout[index_of(p)]};
        v(signs[index_of(p)], m.always());
    }
}

template <class V, class S>
    requires Is<S, Amendment>
void fields(V& v, S& a) {
    v(a.date, req("date", "The day of the amendment."));
    v(a.reason,
      req("reason", "Why the record was amended (free text: kept in the file, not printed by default).").note());
    v(a.previous, req("previous", "The earlier value of each top-level field the amendment changed, by field name."));
    v.extras(a.extra);
}

constexpr Meta kAmendments =
    opt("amendments", "Written by `--amend --reason`: each amendment with the earlier values of the fields it changed.")
        .written_by_cspr();

// ---- rapid-review.yaml ----

template <class V, class S>
    requires Is<S, AgencyReturn>
void fields(V& v, S& a) {
    v(a.agency, req("agency", "The agency asked for a return; each agency at most once."));
    v(a.requested, opt("requested", "The day the return was requested.").fact());
    v(a.returned, opt("returned", "The day the return was received; absent until then.").fact());
    v(a.summary, opt("summary", "What the return showed.").note());
    v.extras(a.extra);
}

template <class V, class S>
    requires Is<S, RapidReview>
void fields(V& v, S& r) {
    v(r.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(r.returns,
      req("returns", "The information-gathering returns requested from and received by each agency (may be empty)."));
    v(r.meeting, opt("meeting", "The day of the rapid review meeting.").fact());
    v(r.facts, opt("facts", "The facts of the case, as the review found them.").note());
    v(r.immediate_actions,
      opt("immediate_actions", "Immediate actions taken for the safety of the child and other children.").note());
    v(r.learning_shared, opt("learning_shared", "Learning identified and shared so far.").note());
    v(r.potential_for_improvement, opt("potential_for_improvement", "The potential for identifying improvements to "
                                                                    "safeguard and promote the welfare of children.")
                                       .note());
    v(r.recommended_route, opt("recommended_route", "The route the review recommends; required (by cspr) before the "
                                                    "review is sent to the Panel."));
    v(r.national_importance,
      opt("national_importance", "Whether the case may raise issues that are complex or of national importance.")
          .otherwise("false"));
    v(r.national_importance_note,
      opt("national_importance_note", "Why the case is, or is not, complex or of national importance.").note());
    v.group(opt("sign_off",
                "Each safeguarding partner's sign-off ({} until signed); the review is complete only with all three.")
                .always(),
            nullptr, [&](auto& g) { partner_rows(g, r.sign_off, Need::required); });
    v(r.sent_to_panel, opt("sent_to_panel", "The day the rapid review went to the Panel (meets `rapid-review`); only "
                                            "for a complete review with a route.")
                           .fact()
                           .clock());
    v(r.amendments, kAmendments);
    v.extras(r.extra);
}

// ---- decision.yaml ----

template <class V, class S>
    requires Is<S, Answer>
void fields(V& v, S& a) {
    v(a.applies, req("applies", "Whether it applies to this case."));
    v(a.note, req("note", "Why it does or does not apply.").note());
    v.extras(a.extra);
}

template <class V, class Answers, std::size_t N>
void question_rows(V& v, Answers& answers, const std::array<Question, N>& questions) {
    for (std::size_t i = 0; i < N; ++i)
        v(answers[i], Meta{.key = questions[i].key, .need = Need::required, .about = questions[i].text});
}

template <class V, class S>
    requires Is<S, Reviewer>
void fields(V& v, S& r) {
    v(r.name,
      req("name", "The reviewer's name (a real name, not a placeholder such as \"To be commissioned\").").personal());
    v(r.conflict_of_interest, req("conflict_of_interest", "The reviewer's conflict-of-interest declaration.").note());
    v(r.named_on, opt("named_on", "The day the reviewer's name was given to the Panel, Ofsted and DfE, when later than "
                                  "the decision.")
                      .clock());
    v.extras(r.extra);
}

template <class V, class S>
    requires Is<S, Decision>
void fields(V& v, S& x) {
    v(x.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(x.date, req("date", "The day of the decision (meets `decision`; starts `publish` and `inform-decision`).")
                  .fact()
                  .clock());
    v(x.outcome, req("outcome", "The route decided on."));
    v.group(req("criteria",
                "Whether the case highlights or may highlight each criterion the partners must take into account."),
            nullptr, [&](auto& g) { question_rows(g, x.criteria, decision_criteria()); });
    v.group(req("circumstances", "The circumstances the partners must have regard to."), nullptr,
            [&](auto& g) { question_rows(g, x.circumstances, decision_circumstances()); });
    v(x.rationale, req("rationale", "Why the partners decided as they did; it is what the family is told.").note());
    v.group(req("decided_by", "Who decided for each safeguarding partner; cspr requires each to be named."), nullptr,
            [&](auto& g) { partner_rows(g, x.decided_by, Need::required); });
    v(x.unanimous, req("unanimous", "Whether the partners' decision was unanimous."));
    v(x.family_told, opt("family_told", "The day the family was told the decision.").fact());
    v(x.family_note, opt("family_note", "How the family was told, or why not.").note());
    v(x.reviewers,
      opt("reviewers", "The reviewer(s) and their declarations; a local review needs at least one (cspr checks)."));
    v.group(opt("informed", "When the Panel, Ofsted and DfE were told of the decision to commission a local review "
                            "(meets `inform-decision`)."),
            nullptr, [&](auto& g) {
                g(x.informed_panel, opt("panel", "The day the Panel was told.").fact().clock());
                g(x.informed_ofsted, opt("ofsted", "The day Ofsted was told.").fact().clock());
                g(x.informed_dfe, opt("dfe", "The day the Department for Education was told.").fact().clock());
            });
    v(x.amendments, kAmendments);
    v.extras(x.extra);
}

// ---- publication.yaml ----

template <class V, class S>
    requires Is<S, Delay>
void fields(V& v, S& d) {
    v(d.reason, req("reason", "The proceedings delaying publication."));
    v(d.note, opt("note", "More about the delay, such as when the proceedings are listed.").note());
    v(d.panel_and_sos_told, opt("panel_and_sos_told", "The day the Panel and the Secretary of State were told of the "
                                                      "delay: it pauses `publish` from that day only.")
                                .fact()
                                .clock());
    v.extras(d.extra);
}

template <class V, class S>
    requires Is<S, Publication>
void fields(V& v, S& p) {
    v(p.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(p.publish_on,
      opt("publish_on", "The planned publication date (starts `copy-before-publish`, counted back).").clock());
    v(p.full_report,
      opt("full_report", "Whether the full report is published; false: only the improvements information is.")
          .otherwise("true"));
    v(p.justification,
      opt("justification", "Why the full report is not published; required (by cspr) when full_report is false.")
          .note());
    v.group(opt("copies", "When each was sent a copy of the report (meets `copy-before-publish`)."), nullptr,
            [&](auto& g) {
                g(p.copy_panel, opt("panel", "The day the Panel was sent the report.").fact().clock());
                g(p.copy_secretary_of_state,
                  opt("secretary_of_state", "The day the Secretary of State was sent the report.").fact().clock());
                g(p.copy_ofsted, opt("ofsted", "The day Ofsted was sent the report.").fact().clock());
            });
    v.group(opt("copies_not_sent",
                "A copy that was not sent before publication, and why: the deadline is then missed, counted late."),
            nullptr, [&](auto& g) {
                g(p.not_sent_panel, opt("panel", "Why the Panel was not sent the report.").note());
                g(p.not_sent_secretary_of_state,
                  opt("secretary_of_state", "Why the Secretary of State was not sent the report.").note());
                g(p.not_sent_ofsted, opt("ofsted", "Why Ofsted was not sent the report.").note());
            });
    v(p.delay, opt("delay", "Other proceedings delaying publication; reason is required."));
    v(p.published,
      opt("published", "The day the report was published (meets `publish`; starts `keep-available`).").fact().clock());
    v(p.national, opt("national", "Always false: a local review's report stays available for a year; three years are "
                                  "for the Panel's reports.")
                      .otherwise("false"));
    v(p.available_until,
      opt("available_until", "Written by cspr: the end of `keep-available`, recomputed on every write.")
          .written_by_cspr());
    v(p.amendments, kAmendments);
    v.extras(p.extra);
}

// ---- actions.yaml ----

template <class V, class S>
    requires Is<S, ActionChange>
void fields(V& v, S& c) {
    v(c.recorded, req("recorded", "The day cspr recorded the change (today, or --as-of)."));
    v.codec(c, req("change", "What changed: \"due: OLD -> NEW\" (dates) or \"status: OLD -> NEW\"."), kChangeCodec);
    v(c.reason, req("reason", "Why: free text, shown only with --show-names.").note());
    v.extras(c.extra);
}

template <class V, class S>
    requires Is<S, Action>
void fields(V& v, S& a) {
    v(a.ref,
      req("ref", "The action's reference, R and a number (R1, R2, ...); unique within the case.").def("actionRef"),
      check_action_ref);
    v(a.recommendation, req("recommendation", "The recommendation the action answers."));
    v(a.owner, req("owner", "The agency responsible."));
    v(a.due, req("due", "The day the action is due (`action-due`).").clock());
    v(a.original_due,
      opt("original_due", "The first due date, kept when the action is first re-dated.").written_by_cspr());
    v(a.status, req("status", "Where the action stands."));
    v(a.completed, opt("completed", "The day the action was done; only, and always, for a done action (cspr checks).")
                       .fact()
                       .clock());
    v(a.evidence, opt("evidence", "The evidence that the action was done.").note());
    v(a.history,
      opt("history", "Each re-dating and change of status recorded with a reason, oldest first.").written_by_cspr());
    v.extras(a.extra);
}

template <class V, class S>
    requires Is<S, Actions>
void fields(V& v, S& a) {
    v(a.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(a.actions, req("actions", "The actions, each with a reference unique within the case (may be empty)."));
    v.extras(a.extra);
}

// ---- panel-response.yaml ----

template <class V, class S>
    requires Is<S, PanelRequest>
void fields(V& v, S& r) {
    v(r.asked,
      req("asked", "The day the Panel asked for more information (starts `answer-panel-request`).").fact().clock());
    v(r.about, opt("about", "What the Panel asked for.").note());
    v(r.answered, opt("answered", "The day the partners answered (meets `answer-panel-request`).").fact().clock());
    v.extras(r.extra);
}

template <class V, class S>
    requires Is<S, NationalReview>
void fields(V& v, S& n) {
    v(n.decided, req("decided", "The day the Panel decided to carry out a national review.").fact());
    v(n.scope, opt("scope", "The scope agreed with the Panel.").note());
    v(n.participation, opt("participation", "How the safeguarding partners and their agencies take part.").note());
    v.extras(n.extra);
}

template <class V, class S>
    requires Is<S, PanelResponse>
void fields(V& v, S& p) {
    v(p.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(p.received, req("received", "The day the Panel's response to the rapid review came (meets `panel-response`).")
                      .fact()
                      .clock());
    v(p.says, req("says", "What the Panel said of the partners' rapid review and decision."));
    v(p.note, opt("note", "More of what the Panel said.").note());
    v(p.requests, opt("requests", "Each request for more information, and the partners' answer."));
    v(p.national_review,
      opt("national_review", "The Panel's decision to carry out a national review (its report is "
                             "the Panel's, kept available for three years; not publication.yaml's)."));
    v.extras(p.extra);
}

// ---- lateness.yaml ----

template <class V, class S>
    requires Is<S, LateReason>
void fields(V& v, S& r) {
    v(r.rule, req("rule", "The rule whose clock was missed (`cspr rules`).").def("ruleId"));
    v(r.subject, opt("subject", "The clock's subject, for a rule with several (panel, ofsted, R3, ...)."));
    v(r.reason, req("reason", "Why the step was late; `cspr stats` counts late steps by it."));
    v(r.note, opt("note", "More about the reason (free text: kept in the file, not printed by default).").note());
    v(r.recorded_by, req("recorded_by", "Who recorded the reason.").personal());
    v(r.recorded, req("recorded", "The day cspr recorded the reason (today, or --as-of)."));
    v.extras(r.extra);
}

template <class V, class S>
    requires Is<S, Lateness>
void fields(V& v, S& l) {
    v(l.id, req("id", "The case ID, <CODE>-<YEAR>-<NNN>; must equal the case folder's name.").record().def("caseId"));
    v(l.reasons, req("reasons", "One reason for each late step, each step at most once (may be empty)."));
    v.extras(l.extra);
}

}  // namespace cspr::model

#include "cspr/field_tables_config.hpp"  // IWYU pragma: export
