// cspr notify's options for an incident that crosses a boundary or names several children
// (src/cli/notify_more.cpp).
#pragma once

#include "app.hpp"

namespace cspr::cli {

struct MoreArgs {
    std::optional<std::string> home_la, notifying_la, notifying_la_aware;              // answers: with the test
    std::optional<std::string> notifying_la_notified, notifying_la_rapid_review_sent;  // later facts
    std::vector<std::string> contribution_asked, contribution_sent, other_children;
    bool answers() const;  // given only with the test's answers
    bool updates() const;  // recorded on a notification already made
};

void apply_answers(model::Notification& n, const MoreArgs& a);
void apply_updates(model::Notification& n, const MoreArgs& a);
void add_more_options(CLI::App& sub, MoreArgs& a);

}  // namespace cspr::cli
