// cspr notify: the local authority's notification decision (Children Act 2004 s16C(1); Working
// Together 2018 ch. 4) and who was told when.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "app.hpp"
#include "case_change.hpp"
#include "notify_more.hpp"

namespace cspr::cli {

namespace {

struct NotifyArgs {
    std::string id;
    std::optional<std::string> aware, abuse, harm, where, looked_after, care_leaver, route;
    std::vector<std::string> sent;
    MoreArgs more;  // another local authority; other children
};

template <model::Spelled Enum>
Enum require_choice(const std::optional<std::string>& value, std::string_view option) {
    if (!value)
        throw Error("required to record the notification test; one of " + model::one_of<Enum>(),
                    {.field = std::string(option)});
    return option_choice<Enum>(*value, option);
}

model::Notification new_notification(const NotifyArgs& a) {
    if (!a.aware) throw Error("required: the day the local authority became aware (day 0)", {.field = "--aware"});
    model::Notification n;
    n.id = a.id;
    n.aware = calendar::require_iso_date(*a.aware, "--aware");
    n.test.abuse_or_neglect = require_choice<model::AbuseOrNeglect>(a.abuse, "--abuse-or-neglect");
    n.test.harm = require_choice<model::Harm>(a.harm, "--harm");
    n.test.location = require_choice<model::Location>(a.where, "--location");
    if (!a.looked_after)
        throw Error("required to record the notification test; yes or no", {.field = "--looked-after"});
    n.test.looked_after = require_yes_no(*a.looked_after, "--looked-after");
    n.test.care_leaver = a.care_leaver ? require_yes_no(*a.care_leaver, "--care-leaver") : false;
    apply_answers(n, a.more);
    const auto decision = rules::decide_notification(n.test, n.home_la);
    n.notifiable = decision.notifiable;
    n.reasons = decision.reasons;
    for (const auto* r : decision.who)
        n.recipients.push_back({std::string(r->id), std::string(r->rule), std::nullopt, {}});
    if (a.route) n.not_notifiable_route = *a.route;
    return n;
}

// --sent panel=2025-03-04: records when a recipient was told.
void apply_sent(model::Notification& n, const std::string& assignment, calendar::Date today) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos)
        throw Error("'" + assignment + "' should be RECIPIENT=YYYY-MM-DD, e.g. panel=2025-03-04", {.field = "--sent"});
    const std::string who = assignment.substr(0, eq);
    const auto it =
        std::find_if(n.recipients.begin(), n.recipients.end(), [&](const auto& r) { return r.recipient == who; });
    if (it == n.recipients.end()) {
        std::string listed;
        for (const auto& r : n.recipients) listed += (listed.empty() ? "" : ", ") + r.recipient;
        std::vector<std::string> names;
        for (const auto& r : n.recipients) names.push_back(r.recipient);
        throw Error("'" + who + "' is not a recipient of this notification" +
                        (listed.empty() ? "" : "; it lists " + listed) + did_you_mean(who, names),
                    {.field = "--sent"});
    }
    const calendar::Date sent = calendar::require_iso_date(assignment.substr(eq + 1), "--sent " + who);
    if (it->sent && *it->sent != sent)
        throw Error(who + " was already recorded as told on " + calendar::format_iso_date(*it->sent) +
                        "; a change is made by editing notification.yaml under review",
                    {.field = "--sent"});
    it->sent = sent;
    if (*it->sent > today)
        throw Error(calendar::format_iso_date(*it->sent) + " is after today (" + calendar::format_iso_date(today) +
                        "): record what has happened, not what is planned",
                    {.field = "--sent " + who});
}

// The decision and who must be told by when: made before the write, printed after it (CaseChange::save).
std::string summary(const Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto& n = *c.notification;
    std::ostringstream out;
    out << fmt::format("{}: {}\n", c.id,
                       n.notifiable ? "notifiable to the Child Safeguarding Practice Review Panel"
                       : n.notifying_la
                           ? n.notifying_la->name + " notifies the Panel (the child was harmed in its area)"
                           : "not notifiable to the Panel");
    for (const auto& reason : n.reasons) out << "  - " << reason << "\n";
    if (!n.notifiable && !n.not_notifiable_route.empty()) out << "  route: " << n.not_notifiable_route << "\n";
    if (n.recipients.empty()) return out.str();
    const auto cal = ctx.calendar(folder.config.region);
    std::vector<std::vector<std::string>> rows = {{"WHO", "DUE", "SENT", "STATUS", "RULE"}};
    for (const auto& d : rules::case_deadlines(c, folder.config, cal, ctx.today())) {
        if (d.rule->step != "notify" || d.status == rules::Status::not_applicable) continue;
        rows.push_back({d.subject, due_text(d), d.met ? calendar::format_iso_date(d.met->day) : "-", status_and_note(d),
                        std::string(d.rule->id)});
    }
    out << fmt::format("Who must be told (day 0: the local authority became aware on {}):\n",
                       calendar::format_iso_date(n.aware));
    out << format_table(rows);
    for (const auto& r : n.recipients)
        if (const auto* known = rules::find_recipient(r.recipient))
            out << "  " << r.recipient << ": " << known->who << "\n";
    return out.str();
}

void run_notify(Context& ctx, const NotifyArgs& a) {
    CaseChange change(ctx, a.id);
    model::Case& c = change.after();
    const bool answers_given =
        a.aware || a.abuse || a.harm || a.where || a.looked_after || a.care_leaver || a.more.answers();
    if (c.notification && answers_given)
        throw Error("already recorded in notification.yaml; a recorded decision is changed by editing that file under "
                    "review",
                    {.field = "ID"});
    if (!c.notification && !answers_given && !a.sent.empty())
        throw Error("record the notification test first (--aware, --abuse-or-neglect, --harm, --location, "
                    "--looked-after)",
                    {.field = "--sent"});
    if (!c.notification && a.more.updates())
        throw Error("record the notification test first (--aware, --abuse-or-neglect, --harm, --location, "
                    "--looked-after)",
                    {.field = "ID"});
    if (!c.notification && !answers_given)
        throw Error("nothing to record: give the test's answers, or --sent RECIPIENT=DATE", {.field = "ID"});
    if (!c.notification) c.notification = new_notification(a);
    else if (a.route) c.notification->not_notifiable_route = *a.route;
    if (a.route && c.notification->notifiable)
        throw Error("a route is recorded for a case that is not notifiable; this one is notified to the Panel",
                    {.field = "--not-notifiable-route"});
    for (const auto& s : a.sent) apply_sent(*c.notification, s, ctx.today());
    apply_updates(*c.notification, a.more);
    std::string message = "notify " + c.id + ": ";
    if (answers_given) message += c.notification->notifiable ? "notifiable" : "not notifiable";
    else if (a.route && a.sent.empty()) message += "route: " + *a.route;
    else if (a.more.updates()) message += c.notification->notifying_la->name + "'s rapid review";
    for (const auto& s : a.sent)
        message +=
            (message.ends_with(": ") ? "" : "; ") + s.substr(0, s.find('=')) + " notified " + s.substr(s.find('=') + 1);
    change.save(store::kNotificationFile, store::format_notification(*c.notification), message,
                [&] { return summary(ctx, change.folder(), c); });
}

}  // namespace

void setup_notify(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<NotifyArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_option("--aware", a->aware, "The day the local authority became aware of the incident (day 0)");
    sub.add_option("--abuse-or-neglect,--abuse", a->abuse,
                   "Abuse or neglect: " + model::either<model::AbuseOrNeglect>());
    sub.add_option("--harm", a->harm, "The child: " + model::either<model::Harm>());
    sub.add_option("--location,--where", a->where, model::either<model::Location>() + " (s16C(1)(a), (b))");
    sub.add_option("--looked-after", a->looked_after, "The child was looked after: yes or no");
    sub.add_option("--care-leaver", a->care_leaver, "A care leaver (to age 24) died: yes or no (default no)");
    sub.add_option("--not-notifiable-route,--route", a->route,
                   "For a case that is not notifiable: the route it goes on to");
    sub.add_option("--sent,--told", a->sent, "RECIPIENT=DATE: when a recipient was told (repeat)");
    add_more_options(sub, a->more);
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr notify NDSCP-2025-001 --aware 2025-03-04 --abuse-or-neglect suspected --harm died \
      --location in-area --looked-after no
  cspr notify NDSCP-2025-001 --sent panel=2025-03-10 --sent ofsted-dfe=2025-03-10
  cspr notify NDSCP-2025-002 --aware 2025-04-01 --abuse-or-neglect no --harm seriously-harmed \
      --location in-area --looked-after no --not-notifiable-route "single-agency review"

Recipients: panel, ofsted-dfe, partners, cdr-partners, sos-ofsted, sos-ofsted-care-leaver; each
within )" + table_timescale("notify-panel") +
                          R"( of the day the local authority became aware (day 0; 'cspr rules'
gives each rule). Sending the Panel's online form meets ofsted-dfe too. A recipient told late
needs a reason: 'cspr late ID notify-panel panel --reason ...'.)");
    sub.callback([&ctx, a] { run_notify(ctx, *a); });
}

}  // namespace cspr::cli
