// The dates a case's deadlines are counted from or to, checked against the calendar's span: a date
// past it (2051 for 2025, 2205 for 2025) makes every deadline of the case uncountable, and then the
// nightly check stops for every case. Writers refuse such a date before anything is written.
#include <string>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

struct RangeCheck {
    const calendar::Calendar& cal;
    std::vector<Problem> problems;

    void date(std::string_view file, const std::string& field, const std::optional<calendar::Date>& d) {
        if (!d) return;
        if (*d > cal.last_day)
            problems.push_back({std::string(file), field,
                                calendar::format_iso_date(*d) + " is past the calendar's end, " +
                                    calendar::format_iso_date(cal.last_day)});
        else if (*d < cal.first_day)
            problems.push_back({std::string(file), field,
                                calendar::format_iso_date(*d) + " is before the calendar's start, " +
                                    calendar::format_iso_date(cal.first_day)});
    }
    void list(std::string_view file, const std::string& list, std::size_t i, const std::string& field,
              const std::optional<calendar::Date>& d) {
        date(file, list + "[" + std::to_string(i) + "]" + (field.empty() ? "" : "." + field), d);
    }
};

// The rules table's clocks start and stop on these (src/rules/table.cpp); a planned date counts too.
void referral_and_notification(RangeCheck& k, const model::Case& c) {
    if (c.referral) {
        k.date("referral.yaml", "received", calendar::london_date_of(c.referral->received));
        if (c.referral->confirmed_in_writing)
            k.date("referral.yaml", "confirmed_in_writing", calendar::london_date_of(*c.referral->confirmed_in_writing));
    }
    if (c.notification) {
        k.date("notification.yaml", "aware", c.notification->aware);
        for (std::size_t i = 0; i < c.notification->recipients.size(); ++i)
            k.list("notification.yaml", "recipients", i, "sent", c.notification->recipients[i].sent);
    }
}

void review_and_decision(RangeCheck& k, const model::Case& c) {
    if (c.rapid_review) k.date("rapid-review.yaml", "sent_to_panel", c.rapid_review->sent_to_panel);
    if (c.decision) {
        const auto& d = *c.decision;
        k.date("decision.yaml", "date", d.date);
        k.date("decision.yaml", "informed.panel", d.informed_panel);
        k.date("decision.yaml", "informed.ofsted", d.informed_ofsted);
        k.date("decision.yaml", "informed.dfe", d.informed_dfe);
        for (std::size_t i = 0; i < d.reviewers.size(); ++i)
            k.list("decision.yaml", "reviewers", i, "named_on", d.reviewers[i].named_on);
    }
}

void publication_and_actions(RangeCheck& k, const model::Case& c) {
    if (c.publication) {
        const auto& p = *c.publication;
        k.date("publication.yaml", "publish_on", p.publish_on);
        k.date("publication.yaml", "copies.panel", p.copy_panel);
        k.date("publication.yaml", "copies.secretary_of_state", p.copy_secretary_of_state);
        k.date("publication.yaml", "copies.ofsted", p.copy_ofsted);
        k.date("publication.yaml", "published", p.published);
        if (p.delay) k.date("publication.yaml", "delay.panel_and_sos_told", p.delay->panel_and_sos_told);
    }
    if (c.actions)
        for (std::size_t i = 0; i < c.actions->actions.size(); ++i) {
            k.list("actions.yaml", "actions", i, "due", c.actions->actions[i].due);
            k.list("actions.yaml", "actions", i, "completed", c.actions->actions[i].completed);
        }
}

}  // namespace

std::vector<Problem> outside_calendar(const model::Case& c, const calendar::Calendar& cal) {
    RangeCheck k{cal, {}};
    referral_and_notification(k, c);
    review_and_decision(k, c);
    publication_and_actions(k, c);
    return std::move(k.problems);
}

}  // namespace cspr::rules
