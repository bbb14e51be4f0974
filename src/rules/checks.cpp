// Cross-field and cross-file checks, shared by `cspr validate` and every writing command.
#include <algorithm>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using calendar::format_iso_date;

struct Checker {
    std::vector<Problem> problems;
    void add(std::string_view file, std::string field, std::string message) {
        problems.push_back({std::string(file), std::move(field), std::move(message)});
    }
};

void check_referral(Checker& k, const model::Referral& r) {
    constexpr std::string_view f = "referral.yaml";
    const auto& c = r.child;
    const calendar::Date received = calendar::london_date_of(r.received);
    if (c.date_of_birth && *c.date_of_birth > c.incident_date)
        k.add(f, "child.date_of_birth", format_iso_date(*c.date_of_birth) + " is after the incident (" + format_iso_date(c.incident_date) + ")");
    if (c.date_of_death && c.date_of_birth && *c.date_of_death < *c.date_of_birth)
        k.add(f, "child.date_of_death", format_iso_date(*c.date_of_death) + " is before the date of birth");
    if (c.date_of_death && *c.date_of_death > received)
        k.add(f, "child.date_of_death", format_iso_date(*c.date_of_death) + " is after the referral was received (" + format_iso_date(received) + ")");
    if (c.incident_date > received)
        k.add(f, "child.incident_date", format_iso_date(c.incident_date) + " is after the referral was received (" + format_iso_date(received) + ")");
    if (r.confirmed_in_writing && *r.confirmed_in_writing < r.received)
        k.add(f, "confirmed_in_writing", calendar::format_london_datetime(*r.confirmed_in_writing) + " is before the referral was received");
    for (std::size_t i = 0; i < r.family.size(); ++i)
        if (r.family[i].date_of_birth && *r.family[i].date_of_birth > received)
            k.add(f, "family[" + std::to_string(i) + "].date_of_birth", "is after the referral was received");
}

void check_notification(Checker& k, const model::Notification& n, const std::optional<model::Referral>& referral) {
    constexpr std::string_view f = "notification.yaml";
    if (!referral) {
        k.add(f, "id", "a notification needs a referral: there is no referral.yaml in this case");
    } else {
        const auto& child = referral->child;
        if (n.aware < child.incident_date)
            k.add(f, "aware", format_iso_date(n.aware) + " is before the incident (" + format_iso_date(child.incident_date) + ")");
        if (n.test.harm == model::Harm::died && !child.date_of_death)
            k.add(f, "test.harm", "the child died, but referral.yaml has no child.date_of_death");
        if (n.test.harm != model::Harm::died && child.date_of_death)
            k.add("referral.yaml", "child.date_of_death", "a date of death is only for a child who died, but the notification test says " +
                                                              std::string(model::harm_name(n.test.harm)));
        if (n.test.looked_after != child.looked_after)
            k.add(f, "test.looked_after", "disagrees with referral.yaml child.looked_after");
    }
    const NotificationDecision decision = decide_notification(n.test);
    if (n.notifiable != decision.notifiable)
        k.add(f, "notifiable", std::string("the test's answers make the case ") + (decision.notifiable ? "notifiable" : "not notifiable") +
                                   " (Children Act 2004 s16C(1))");
    for (std::size_t i = 0; i < n.recipients.size(); ++i) {
        const auto& r = n.recipients[i];
        const std::string field = "recipients[" + std::to_string(i) + "]";
        const Recipient* known = find_recipient(r.recipient);
        if (!known) k.add(f, field + ".recipient", "'" + r.recipient + "' is not a recipient cspr knows");
        else if (known->rule != r.rule) k.add(f, field + ".rule", "the rule for " + r.recipient + " is " + std::string(known->rule));
        else if (std::none_of(decision.who.begin(), decision.who.end(), [&](const Recipient* w) { return w->id == r.recipient; }))
            k.add(f, field + ".recipient", r.recipient + " need not be told, given the test's answers");
        if (r.sent && *r.sent < n.aware) k.add(f, field + ".sent", format_iso_date(*r.sent) + " is before the local authority became aware");
        for (std::size_t j = 0; j < i; ++j)
            if (n.recipients[j].recipient == r.recipient) k.add(f, field + ".recipient", r.recipient + " is listed twice");
    }
    for (const Recipient* w : decision.who)
        if (std::none_of(n.recipients.begin(), n.recipients.end(), [&](const auto& r) { return r.recipient == w->id; }))
            k.add(f, "recipients", std::string(w->id) + " (" + std::string(w->who) + ") must be told, but is not listed");
}

}  // namespace

std::vector<Problem> check_case(const model::Case& c) {
    Checker k;
    if (c.referral) check_referral(k, *c.referral);
    if (c.notification) check_notification(k, *c.notification, c.referral);
    return k.problems;
}

std::vector<Problem> check_config(const model::Config& config) {
    Checker k;
    for (const auto& [id, o] : config.timescales) {
        const Rule* rule = find_rule(id);
        if (!rule) k.add("cspr.yaml", "timescales." + id, "'" + id + "' is not a rule (see 'cspr rules')");
        else if (rule->statutory && o.reason.empty())
            k.add("cspr.yaml", "timescales." + id + ".reason", "overriding a statutory timescale needs a recorded reason");
    }
    return k.problems;
}

}  // namespace cspr::rules
