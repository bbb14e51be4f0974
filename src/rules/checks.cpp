// Cross-field and cross-file checks, shared by `cspr validate` and every writing command.
#include <algorithm>
#include <tuple>

#include "cspr/case_dates.hpp"
#include "cspr/error.hpp"
#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using calendar::format_iso_date;

struct Checker {
    std::vector<Problem> problems;
    void add(std::string_view file, std::string field, std::string message) {
        problems.push_back({std::string(file), std::move(field), std::move(message)});
    }
    // Text a record needs (a name, an owner): empty or only spaces says nothing (F18).
    void require_text(std::string_view file, std::string field, const std::string& text) {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) add(file, std::move(field), "must not be empty");
    }
};

// The checks of one child's details, child or other_children[i].
void check_child(Checker& k, const model::Child& c, const std::string& at, calendar::Date received) {
    constexpr std::string_view f = "referral.yaml";
    k.require_text(f, at + ".name", c.name);
    if (c.date_of_birth && *c.date_of_birth > c.incident_date)
        k.add(f, at + ".date_of_birth", "is after the incident (" + format_iso_date(c.incident_date) + ")");
    if (c.date_of_death && c.date_of_birth && *c.date_of_death < *c.date_of_birth)
        k.add(f, at + ".date_of_death", "is before the date of birth");
    if (c.date_of_death && *c.date_of_death > received)
        k.add(f, at + ".date_of_death", "is after the referral was received (" + format_iso_date(received) + ")");
    if (c.incident_date > received)
        k.add(f, at + ".incident_date",
              format_iso_date(c.incident_date) + " is after the referral was received (" + format_iso_date(received) +
                  ")");
}

void check_referral(Checker& k, const model::Referral& r) {
    constexpr std::string_view f = "referral.yaml";
    const calendar::Date received = calendar::london_date_of(r.received);
    for (const auto& [field, text] : {std::pair{"referrer.name", &r.referrer.name},
                                      {"referrer.agency", &r.referrer.agency},
                                      {"referrer.role", &r.referrer.role},
                                      {"narrative", &r.narrative}})
        k.require_text(f, field, *text);
    check_child(k, r.child, "child", received);
    for (std::size_t i = 0; i < r.other_children.size(); ++i)
        check_child(k, r.other_children[i], "other_children[" + std::to_string(i) + "]", received);
    if (r.other_children.size() + 1 > model::kMaxChildren)
        k.add(f, "other_children",
              "names " + std::to_string(r.other_children.size() + 1) + " children: a notification names up to " +
                  std::to_string(model::kMaxChildren) +
                  " (GOV.UK, Report a serious child safeguarding incident); name the others in the narrative");
    if (r.confirmed_in_writing && *r.confirmed_in_writing < r.received)
        k.add(f, "confirmed_in_writing",
              calendar::format_london_datetime(*r.confirmed_in_writing) + " is before the referral was received");
    for (std::size_t i = 0; i < r.family.size(); ++i)
        if (r.family[i].date_of_birth && *r.family[i].date_of_birth > received)
            k.add(f, "family[" + std::to_string(i) + "].date_of_birth", "is after the referral was received");
}

// Each child's harm in the test against the referral: a date of death for each child who died, and
// only for one; looked after the same in both files.
void check_child_test(Checker& k, const model::Child& child, const std::string& at, model::Harm harm, bool looked_after,
                      const std::string& test_at) {
    constexpr std::string_view f = "notification.yaml";
    if (harm == model::Harm::died && !child.date_of_death)
        k.add(f, test_at + ".harm",
              "the child died, but referral.yaml has no " + counted_from_one(at) + ".date_of_death");
    if (harm != model::Harm::died && child.date_of_death)
        k.add("referral.yaml", at + ".date_of_death",
              "a date of death is only for a child who died, but the notification test says " +
                  std::string(model::harm_name(harm)));
    if (looked_after != child.looked_after)
        k.add(f, test_at + ".looked_after", "disagrees with referral.yaml " + counted_from_one(at) + ".looked_after");
}

void check_children_tests(Checker& k, const model::NotificationTest& t, const model::Referral& r) {
    check_child_test(k, r.child, "child", t.harm, t.looked_after, "test");
    const auto& others = t.other_children;
    if (others.size() != r.other_children.size())
        k.add("notification.yaml", "test.other_children",
              "answers for " + std::to_string(others.size()) + " other children, but referral.yaml names " +
                  std::to_string(r.other_children.size()));
    for (std::size_t i = 0; i < std::min(others.size(), r.other_children.size()); ++i) {
        const std::string n = "[" + std::to_string(i) + "]";
        check_child_test(k, r.other_children[i], "other_children" + n, others[i].harm, others[i].looked_after,
                         "test.other_children" + n);
    }
}

void check_notification(Checker& k, const model::Notification& n, const std::optional<model::Referral>& referral) {
    constexpr std::string_view f = "notification.yaml";
    if (!referral) {
        k.add(f, "id", "a notification needs a referral: there is no referral.yaml in this case");
    } else {
        const auto& child = referral->child;
        if (n.aware < child.incident_date)
            k.add(f, "aware",
                  format_iso_date(n.aware) + " is before the incident (" + format_iso_date(child.incident_date) + ")");
        check_children_tests(k, n.test, *referral);
    }
    for (auto& p : check_cross_boundary(n, referral)) k.problems.push_back(std::move(p));
    const NotificationDecision decision = decide_notification(n.test, n.home_la);
    if (n.notifiable && !n.not_notifiable_route.empty())
        k.add(f, "not_notifiable_route",
              "a route is for a case that is not notifiable; this one is notified to the Panel");
    if (n.notifiable != decision.notifiable)
        k.add(f, "notifiable",
              std::string("the test's answers make the case ") +
                  (decision.notifiable ? "notifiable" : "not notifiable") + " (Children Act 2004 s16C(1))");
    for (std::size_t i = 0; i < n.recipients.size(); ++i) {
        const auto& r = n.recipients[i];
        const std::string field = "recipients[" + std::to_string(i) + "]";
        const Recipient* known = find_recipient(r.recipient);
        if (!known) k.add(f, field + ".recipient", "'" + r.recipient + "' is not a recipient cspr knows");
        else if (known->rule != r.rule)
            k.add(f, field + ".rule", "the rule for " + r.recipient + " is " + std::string(known->rule));
        else if (std::none_of(decision.who.begin(), decision.who.end(),
                              [&](const Recipient* w) { return w->id == r.recipient; }))
            k.add(f, field + ".recipient", r.recipient + " need not be told, given the test's answers");
        if (r.sent && *r.sent < n.aware)
            k.add(f, field + ".sent", format_iso_date(*r.sent) + " is before the local authority became aware");
        for (std::size_t j = 0; j < i; ++j)
            if (n.recipients[j].recipient == r.recipient)
                k.add(f, field + ".recipient", r.recipient + " is listed twice");
    }
    for (const Recipient* w : decision.who)
        if (std::none_of(n.recipients.begin(), n.recipients.end(), [&](const auto& r) { return r.recipient == w->id; }))
            k.add(f, "recipients",
                  std::string(w->id) + " (" + std::string(w->who) + ") must be told, but is not listed");
}

void check_date_order(Checker& k, std::string_view file, const std::string& field,
                      const std::optional<calendar::Date>& later, calendar::Date earlier,
                      std::string_view earlier_what) {
    if (later && *later < earlier)
        k.add(file, field,
              format_iso_date(*later) + " is before " + std::string(earlier_what) + " (" + format_iso_date(earlier) +
                  ")");
}

bool notified_to_panel(const model::Case& c) {
    if (!c.notification || !c.notification->notifiable) return false;
    const auto& all = c.notification->recipients;
    return std::any_of(all.begin(), all.end(), [](const auto& r) { return r.recipient == "panel" && r.sent; });
}

// A return nobody asked for is almost always a misspelt agency: name the nearest one asked.
std::string phantom_return_message(const model::RapidReview& r, std::size_t index) {
    std::vector<std::string> asked;
    for (const auto& a : r.returns)
        if (a.requested) asked.push_back(a.agency);
    const auto nearest = nearest_name(r.returns[index].agency, asked);
    return "a return was recorded from an agency never asked for one" +
           (nearest ? "; did you mean " + *nearest + "?" : std::string(": record the request first"));
}

void check_rapid_review(Checker& k, const model::RapidReview& r, const model::Case& c) {
    constexpr std::string_view f = "rapid-review.yaml";
    if (!c.notification) {
        k.add(f, "id", "a rapid review needs a notification decision first: there is no notification.yaml");
        return;
    }
    const calendar::Date aware = c.notification->aware;
    for (std::size_t i = 0; i < r.returns.size(); ++i) {
        const auto& a = r.returns[i];
        const std::string field = "returns[" + std::to_string(i) + "]";
        check_date_order(k, f, field + ".requested", a.requested, aware, "the local authority became aware");
        if (a.returned && !a.requested) k.add(f, field + ".requested", phantom_return_message(r, i));
        if (a.requested) check_date_order(k, f, field + ".returned", a.returned, *a.requested, "it was requested");
        for (std::size_t j = 0; j < i; ++j)
            if (same_agency(r.returns[j].agency, a.agency))
                k.add(f, field + ".agency", a.agency + " is listed twice (as returns[" + std::to_string(j) + "])");
    }
    check_date_order(k, f, "meeting", r.meeting, aware, "the local authority became aware");
    for (model::Partner p : model::kPartners) {
        const auto& s = r.sign_off[static_cast<std::size_t>(p)];
        const std::string field = "sign_off." + std::string(model::partner_key(p));
        if (s.date && s.name.empty()) k.add(f, field + ".name", "a sign-off needs the name of who signed");
        if (!s.date && !s.name.empty()) k.add(f, field + ".date", "a sign-off needs its date");
        if (r.meeting) check_date_order(k, f, field + ".date", s.date, *r.meeting, "the meeting");
    }
    if (r.sent_to_panel) {
        if (!notified_to_panel(c))
            k.add(f, "sent_to_panel",
                  c.notification->notifying_la
                      ? c.notification->notifying_la->name +
                            " leads the rapid review: record when it was sent in notification.yaml "
                            "notifying_la.rapid_review_sent"
                  : c.notification->notifiable
                      ? "the case has not been notified to the Panel (notification.yaml has no panel sent date)"
                      : "the case is not notifiable, so there is no rapid review to send to the Panel");
        if (!model::is_complete(r))
            k.add(f, "sent_to_panel", "the rapid review is complete only with all three partners' sign-off");
        if (!r.recommended_route)
            k.add(f, "recommended_route", "a rapid review sent to the Panel needs its recommended route");
        check_date_order(k, f, "sent_to_panel", r.sent_to_panel, aware, "the local authority became aware");
        for (const auto& s : r.sign_off)
            check_date_order(k, f, "sent_to_panel", r.sent_to_panel, s.date.value_or(aware), "a sign-off");
    }
}

void check_decision(Checker& k, const model::Decision& d, const model::Case& c) {
    constexpr std::string_view f = "decision.yaml";
    if (!c.notification) {
        k.add(f, "id", "a decision needs a notification decision first: there is no notification.yaml");
        return;
    }
    check_date_order(k, f, "date", d.date, c.notification->aware, "the local authority became aware");
    if (d.rationale.empty()) k.add(f, "rationale", "the rationale is required: it is what the family is told");
    for (model::Partner p : model::kPartners)
        if (d.decided_by[static_cast<std::size_t>(p)].name.empty())
            k.add(f, "decided_by." + std::string(model::partner_key(p)) + ".name",
                  "who decided for each safeguarding partner is required");
    for (std::size_t i = 0; i < d.criteria.size(); ++i)
        if (d.criteria[i].note.empty())
            k.add(f, "criteria." + std::string(model::decision_criteria()[i].key) + ".note",
                  "each criterion needs a note");
    for (std::size_t i = 0; i < d.circumstances.size(); ++i)
        if (d.circumstances[i].note.empty())
            k.add(f, "circumstances." + std::string(model::decision_circumstances()[i].key) + ".note",
                  "each circumstance needs a note");
    const bool local = d.outcome == model::Route::local_cspr;
    if (!local && !d.reviewers.empty())
        k.add(f, "reviewers",
              "reviewers are for a local review; this decision is " + std::string(model::route_name(d.outcome)));
    for (std::size_t i = 0; i < d.reviewers.size(); ++i) {
        const std::string field = "reviewers[" + std::to_string(i) + "]";
        if (is_placeholder_name(d.reviewers[i].name))
            k.add(f, field + ".name",
                  "is a placeholder, not a reviewer's name: leave reviewers out until one is commissioned");
        if (d.reviewers[i].conflict_of_interest.empty())
            k.add(f, field + ".conflict_of_interest", "each reviewer needs a conflict-of-interest declaration");
        check_date_order(k, f, field + ".named_on", d.reviewers[i].named_on, d.date, "the decision");
    }
    check_date_order(k, f, "family_told", d.family_told, d.date, "the decision");
    for (const auto& [field, day] : {std::pair{"informed.panel", d.informed_panel},
                                     {"informed.ofsted", d.informed_ofsted},
                                     {"informed.dfe", d.informed_dfe}}) {
        if (day && !local)
            k.add(f, field,
                  "the Panel, Ofsted and DfE are told of a local review; this decision is " +
                      std::string(model::route_name(d.outcome)));
        check_date_order(k, f, field, day, d.date, "the decision");
    }
}

void check_publication(Checker& k, const model::Publication& p, const model::Case& c) {
    constexpr std::string_view f = "publication.yaml";
    if (!c.decision || c.decision->outcome != model::Route::local_cspr) {
        k.add(f, "id", "a publication needs a decision to commission a local review");
        return;
    }
    const calendar::Date decided = c.decision->date;
    if (!p.full_report && p.justification.empty())
        k.add(f, "justification", "publishing only the improvements information needs a recorded justification");
    check_date_order(k, f, "publish_on", p.publish_on, decided, "the decision");
    check_date_order(k, f, "published", p.published, decided, "the decision");
    for (const auto& [field, day] : {std::pair{"copies.panel", p.copy_panel},
                                     {"copies.secretary_of_state", p.copy_secretary_of_state},
                                     {"copies.ofsted", p.copy_ofsted}})
        check_date_order(k, f, field, day, decided, "the decision");
    if (p.delay)
        check_date_order(k, f, "delay.panel_and_sos_told", p.delay->panel_and_sos_told, decided, "the decision");
    if (p.national)
        k.add(f, "national",
              "a local review's report is kept available for at least a year; three years are for the Panel's national "
              "review reports (set it to false)");
    for (const auto& [field, sent, not_sent] :
         {std::tuple{"copies_not_sent.panel", p.copy_panel, &p.not_sent_panel},
          {"copies_not_sent.secretary_of_state", p.copy_secretary_of_state, &p.not_sent_secretary_of_state},
          {"copies_not_sent.ofsted", p.copy_ofsted, &p.not_sent_ofsted}})
        if (sent && !not_sent->empty()) k.add(f, field, "the copy is recorded as sent as well: keep one of the two");
}

void check_actions(Checker& k, const model::Actions& a) {
    constexpr std::string_view f = "actions.yaml";
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const auto& x = a.actions[i];
        const std::string field = "actions[" + std::to_string(i) + "]";
        for (std::size_t j = 0; j < i; ++j)
            if (a.actions[j].ref == x.ref) k.add(f, field + ".ref", x.ref + " is used twice");
        if (const auto number = action_number(x.ref); number && *number > kMaxActionNumber)
            k.add(f, field + ".ref",
                  "the number is past R" + std::to_string(kMaxActionNumber) + ", the last reference cspr numbers");
        k.require_text(f, field + ".recommendation", x.recommendation);
        k.require_text(f, field + ".owner", x.owner);
        if (x.status == model::ActionStatus::done && !x.completed)
            k.add(f, field + ".completed", "a done action needs the date it was completed");
        if (x.status != model::ActionStatus::done && x.completed)
            k.add(f, field + ".completed", "only a done action has a completed date");
    }
}

}  // namespace

std::vector<Problem> check_case(const model::Case& c) {
    Checker k;
    if (c.referral) check_referral(k, *c.referral);
    if (c.notification) check_notification(k, *c.notification, c.referral);
    if (c.rapid_review) check_rapid_review(k, *c.rapid_review, c);
    if (c.decision) check_decision(k, *c.decision, c);
    if (c.publication) check_publication(k, *c.publication, c);
    if (c.actions) check_actions(k, *c.actions);
    if (c.actions)
        for (auto& p : check_action_history(*c.actions)) k.problems.push_back(std::move(p));
    if (c.lateness)
        for (auto& p : check_lateness(*c.lateness)) k.problems.push_back(std::move(p));
    for (auto& p : check_panel_response(c)) k.problems.push_back(std::move(p));
    return k.problems;
}

std::vector<Problem> case_notes(const model::Case& c) {
    Checker k;
    if (!c.decision) return k.problems;
    const auto& d = *c.decision;
    if (!c.rapid_review && notified_to_panel(c))
        k.add("decision.yaml", "outcome", "decided with no rapid review recorded (rapid-review.yaml)");
    if (c.rapid_review && c.rapid_review->recommended_route && *c.rapid_review->recommended_route != d.outcome)
        k.add("decision.yaml", "outcome",
              std::string(model::route_name(d.outcome)) + " differs from the rapid review's recommended route (" +
                  std::string(model::route_name(*c.rapid_review->recommended_route)) +
                  "): the rationale should say why");
    return k.problems;
}

// The rows marked fact() in the field tables (cspr/field_tables.hpp), in table order.
std::vector<Problem> future_facts(const model::Case& c, calendar::Date today) {
    Checker k;
    model::for_each_date(c, [&](std::string_view file, const std::string& field, calendar::Date d,
                                const model::Meta& meta) {
        if (meta.is_fact && d > today)
            k.add(file, field,
                  format_iso_date(d) + " is after today (" + format_iso_date(today) +
                      "): record what has happened, not what is planned");
    });
    return k.problems;
}

bool same_agency(std::string_view a, std::string_view b) { return name_key(a) == name_key(b); }

namespace {

// The fewest and the most calendar days a length can span, for comparing lengths in different units:
// a working day is at least a day, and 5 of them at most a week plus the longest run of bank
// holidays (Christmas and New Year: 4 days).
long shortest_days(int n, model::Unit unit) {
    switch (unit) {
        case model::Unit::hours: return n / 24;
        case model::Unit::calendar_days: return n;
        case model::Unit::working_days: return n + 2L * ((n - 1) / 5);
        case model::Unit::months: return 28L * n;
        case model::Unit::years: return 365L * n;
    }
    return n;
}
long longest_days(int n, model::Unit unit) {
    switch (unit) {
        case model::Unit::hours: return (n + 23) / 24;
        case model::Unit::calendar_days: return n;
        case model::Unit::working_days: return n + 2L * ((n + 4) / 5) + 4;
        case model::Unit::months: return 31L * n;
        case model::Unit::years: return 366L * n;
    }
    return n;
}

// Never below the table's figure: in the same unit, no fewer; in another, at least as long always.
bool below_floor(const Rule& rule, const model::TimescaleOverride& o) {
    if (!o.length || !o.unit) return false;
    if (*o.unit == rule.unit) return *o.length < rule.length;
    return shortest_days(*o.length, *o.unit) < longest_days(rule.length, rule.unit);
}

// `enabled` is for the rules the table lets a partnership switch, and says why.
void check_switch(Checker& k, const Rule& rule, const model::TimescaleOverride& o, const std::string& field) {
    if (!o.enabled) return;
    if (rule.switchable == Switchable::no) {
        const std::string kind = rule.basis == Basis::statutory           ? "a statutory rule"
                                 : rule.basis == Basis::national_guidance ? "a rule of national guidance"
                                                                          : "a rule no partnership may switch off";
        k.add("cspr.yaml", field + ".enabled",
              "'" + std::string(rule.id) + "' is " + kind + ": it cannot be switched off or on (see 'cspr rules')");
    } else if (o.reason.empty()) {
        k.add("cspr.yaml", field + ".reason",
              std::string(*o.enabled ? "switching a rule on" : "switching a rule off") + " needs a recorded reason");
    }
}

}  // namespace

std::vector<Problem> check_config(const model::Config& config) {
    Checker k;
    for (const auto& [id, o] : config.timescales) {
        const Rule* rule = find_rule(id);
        const std::string field = "timescales." + id;
        if (!rule) {
            k.add("cspr.yaml", field, unknown_rule(id));
            continue;
        }
        check_switch(k, *rule, o, field);
        if (rule->basis == Basis::local || !o.length) continue;
        const std::string kind =
            rule->basis == Basis::statutory ? "a statutory timescale" : "a timescale of national guidance";
        if (o.reason.empty()) k.add("cspr.yaml", field + ".reason", "overriding " + kind + " needs a recorded reason");
        if (below_floor(*rule, o))
            k.add("cspr.yaml", field + ".length",
                  describe_length(*o.length, *o.unit) + " is shorter than " + kind + " allows (" +
                      describe_length(rule->length, rule->unit) +
                      "; see 'cspr rules'): it may be lengthened, never shortened");
    }
    return k.problems;
}

}  // namespace cspr::rules
