// cspr notify's options for an incident that crosses a boundary or names several children: the
// other local authority, its dates and our agencies' contributions, and each other child's answers.
#include "notify_more.hpp"

namespace cspr::cli {

namespace {

// "AGENCY=DATE": the agency and the day.
std::pair<std::string, calendar::Date> agency_on(const std::string& text, const std::string& option) {
    const auto eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("'" + text + "' should be AGENCY=YYYY-MM-DD, e.g. \"Northdale Police=2026-03-02\"",
                    {.field = option});
    return {text.substr(0, eq), calendar::require_iso_date(text.substr(eq + 1), option + " " + text.substr(0, eq))};
}

model::Contribution& contribution_of(model::NotifyingLa& la, const std::string& agency) {
    for (auto& c : la.contributions)
        if (c.agency == agency) return c;
    la.contributions.push_back({agency, std::nullopt, std::nullopt, {}});
    return la.contributions.back();
}

// Sets a recorded day once; a different day is a change made under review.
void set_once(std::optional<calendar::Date>& field, calendar::Date day, const std::string& what,
              const std::string& option) {
    if (field && *field != day)
        throw Error(what + " was already recorded as " + calendar::format_iso_date(*field) +
                        "; a change is made by editing notification.yaml under review",
                    {.field = option});
    field = day;
}

model::ChildTest other_child(const std::string& text) {
    model::ChildTest t;
    std::size_t start = 0;
    for (std::size_t i = 0;; ++i) {
        const auto end = text.find(':', start);
        const std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (i == 0) t.harm = option_choice<model::Harm>(part, "--other-child");
        else if (part == "looked-after") t.looked_after = true;
        else if (part == "care-leaver") t.care_leaver = true;
        else
            throw Error("'" + part + "' is not looked-after or care-leaver (HARM[:looked-after][:care-leaver])",
                        {.field = "--other-child"});
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return t;
}

}  // namespace

bool MoreArgs::answers() const { return home_la || notifying_la || notifying_la_aware || !other_children.empty(); }

bool MoreArgs::updates() const {
    return notifying_la_notified || notifying_la_rapid_review_sent || !contribution_asked.empty() ||
           !contribution_sent.empty();
}

void apply_answers(model::Notification& n, const MoreArgs& a) {
    if (a.home_la) n.home_la = *a.home_la;
    for (const auto& text : a.other_children) n.test.other_children.push_back(other_child(text));
    if (!a.notifying_la && !a.notifying_la_aware) return;
    if (!a.notifying_la)
        throw Error("required with --notifying-la-aware: the authority that notifies", {.field = "--notifying-la"});
    if (!a.notifying_la_aware)
        throw Error("required with --notifying-la: the day " + *a.notifying_la + " became aware",
                    {.field = "--notifying-la-aware"});
    n.notifying_la = model::NotifyingLa{*a.notifying_la,
                                        calendar::require_iso_date(*a.notifying_la_aware, "--notifying-la-aware"),
                                        {},
                                        {},
                                        {},
                                        {}};
}

void apply_updates(model::Notification& n, const MoreArgs& a) {
    if (!a.updates()) return;
    if (!n.notifying_la)
        throw Error("this case has no notifying local authority (notification.yaml notifying_la): these options are "
                    "for a "
                    "child of ours harmed in another English authority's area",
                    {.field = a.notifying_la_notified            ? "--notifying-la-notified"
                              : a.notifying_la_rapid_review_sent ? "--notifying-la-rapid-review-sent"
                                                                 : "--contribution-asked"});
    auto& la = *n.notifying_la;
    if (a.notifying_la_notified)
        set_once(la.notified, calendar::require_iso_date(*a.notifying_la_notified, "--notifying-la-notified"),
                 "its notification", "--notifying-la-notified");
    if (a.notifying_la_rapid_review_sent)
        set_once(la.rapid_review_sent,
                 calendar::require_iso_date(*a.notifying_la_rapid_review_sent, "--notifying-la-rapid-review-sent"),
                 "its rapid review", "--notifying-la-rapid-review-sent");
    for (const auto& text : a.contribution_asked) {
        const auto [agency, day] = agency_on(text, "--contribution-asked");
        set_once(contribution_of(la, agency).asked, day, agency + "'s request", "--contribution-asked");
    }
    for (const auto& text : a.contribution_sent) {
        const auto [agency, day] = agency_on(text, "--contribution-sent");
        set_once(contribution_of(la, agency).sent, day, agency + "'s contribution", "--contribution-sent");
    }
}

void add_more_options(CLI::App& sub, MoreArgs& a) {
    sub.add_option("--home-la", a.home_la,
                   "A child from elsewhere harmed here: the local authority where the child normally lives");
    sub.add_option("--notifying-la", a.notifying_la,
                   "A child of ours harmed elsewhere in England (--location resident-harmed-elsewhere-in-england): the "
                   "authority that notifies");
    sub.add_option("--notifying-la-aware", a.notifying_la_aware, "The day that authority became aware");
    sub.add_option("--notifying-la-notified", a.notifying_la_notified, "The day it notified the Panel");
    sub.add_option("--notifying-la-rapid-review-sent", a.notifying_la_rapid_review_sent,
                   "The day its rapid review went to the Panel");
    sub.add_option("--contribution-asked", a.contribution_asked,
                   "AGENCY=DATE: one of our agencies was asked to contribute to its rapid review (repeat)");
    sub.add_option("--contribution-sent", a.contribution_sent,
                   "AGENCY=DATE: the agency sent its contribution (repeat)");
    sub.add_option("--other-child", a.other_children,
                   "HARM[:looked-after][:care-leaver]: the answers for referral.yaml's other_children, in order "
                   "(repeat)");
}

}  // namespace cspr::cli
