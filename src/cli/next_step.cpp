// What to do next in a case, as the command that records it: `show` prints the whole command with
// its placeholders, `list` its short form. Read from what is recorded, in the order of the steps.
#include "next_step.hpp"

namespace cspr::cli {

namespace {

// Every recipient told; the Panel's online form tells Ofsted and DfE too (as the engine counts it).
bool all_told(const model::Notification& n) {
    const auto told = [&](std::string_view who) {
        return std::any_of(n.recipients.begin(), n.recipients.end(),
                           [&](const auto& r) { return r.recipient == who && r.sent; });
    };
    return std::all_of(n.recipients.begin(), n.recipients.end(),
                       [&](const auto& r) { return r.sent || (r.recipient == "ofsted-dfe" && told("panel")); });
}

NextStep step(std::string brief, std::string command) { return {std::move(brief), std::move(command)}; }

std::optional<NextStep> after_notification(const model::Case& c) {
    const auto& n = *c.notification;
    const std::string id = c.id;
    if (n.notifying_la && !n.notifying_la->notified)
        return step("notify --notifying-la-notified", "cspr notify " + id + " --notifying-la-notified DATE");
    const bool elsewhere = n.notifying_la.has_value();
    if (!n.notifiable && !elsewhere) return std::nullopt;  // its route is outside cspr's steps
    if (!elsewhere && !c.rapid_review)
        return step("rapid-review", "cspr rapid-review " + id + " --requested \"AGENCY=DATE\"");
    if (!elsewhere && !c.rapid_review->sent_to_panel)
        return step("rapid-review --sent-to-panel",
                    "cspr rapid-review " + id + " --sent-to-panel DATE (once all three partners sign)");
    if (!c.decision) return step("decide", "cspr decide " + id + " --from decision.yaml (cspr decide --template)");
    return std::nullopt;
}

}  // namespace

std::optional<NextStep> next_step(const model::Case& c) {
    const std::string id = c.id;
    if (!c.referral) return std::nullopt;
    if (!c.referral->confirmed_in_writing)
        return step("refer --confirmed-in-writing", "cspr refer " + id + " --confirmed-in-writing YYYY-MM-DDTHH:MM");
    if (!c.notification)
        return step("notify",
                    "cspr notify " + id +
                        " --aware DATE --abuse-or-neglect known|suspected|no --harm died|seriously-harmed|neither "
                        "--location WHERE --looked-after yes|no");
    if (!all_told(*c.notification)) return step("notify --sent", "cspr notify " + id + " --sent RECIPIENT=DATE");
    if (!c.decision) return after_notification(c);
    if (c.decision->outcome != model::Route::local_cspr) {
        if (!c.actions) return step("actions --add", "cspr actions " + id + " --add TEXT --owner AGENCY --due DATE");
        return std::nullopt;
    }
    if (!c.publication || !c.publication->published)
        return step("publish-check", "cspr publish-check " + id + " --report FILE --publish-on DATE");
    if (!c.actions) return step("actions --add", "cspr actions " + id + " --add TEXT --owner AGENCY --due DATE");
    return std::nullopt;
}

}  // namespace cspr::cli
