// The record of slippage in actions.yaml (issue 12, F10): a re-dated or dropped action must say why,
// or the nightly check loses an overdue action and nobody can tell. `cspr actions` always writes the
// record; these checks catch a file edited by hand (and run before every write, like check_case).
#include <algorithm>
#include <charconv>

#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

using calendar::format_iso_date;

constexpr std::string_view kFile = "actions.yaml";

// The last change of status recorded, if any: the one that explains the status now.
const model::ActionChange* last_status_change(const model::Action& x) {
    const auto it =
        std::find_if(x.history.rbegin(), x.history.rend(), [](const auto& h) { return h.field == "status"; });
    return it == x.history.rend() ? nullptr : &*it;
}

void check_dropped(std::vector<Problem>& out, const model::Action& x, const std::string& field) {
    if (x.status != model::ActionStatus::dropped) return;
    const auto* last = last_status_change(x);
    if (last && last->to == "dropped" && !last->reason.empty()) return;
    out.push_back({std::string(kFile), field + ".status",
                   "a dropped action needs its reason: a history entry 'status: OLD -> dropped' with a reason "
                   "(cspr actions --update " +
                       x.ref + " --status dropped --reason TEXT writes one)"});
}

void check_redated(std::vector<Problem>& out, const model::Action& x, const std::string& field) {
    const bool redated =
        std::any_of(x.history.begin(), x.history.end(), [](const auto& h) { return h.field == "due"; });
    if (redated && !x.original_due)
        out.push_back({std::string(kFile), field + ".original_due",
                       "missing: the history re-dates this action, so its first due date must be kept"});
    if (!x.original_due || *x.original_due == x.due) return;
    const std::string due = format_iso_date(x.due);
    const bool explained = std::any_of(x.history.begin(), x.history.end(), [&](const auto& h) {
        return h.field == "due" && h.to == due && !h.reason.empty();
    });
    if (!explained)
        out.push_back({std::string(kFile), field + ".due",
                       due + " differs from original_due " + format_iso_date(*x.original_due) +
                           ", but no history entry 'due: OLD -> " + due + "' gives a reason"});
}

}  // namespace

std::optional<long> action_number(std::string_view ref) {
    if (ref.size() < 2 || ref[0] != 'R' || ref.find_first_not_of("0123456789", 1) != std::string_view::npos)
        return std::nullopt;
    long number = 0;
    // Bounded: from_chars says when the digits do not fit, where std::stoi threw "stoi" (F20).
    const auto [end, error] = std::from_chars(ref.data() + 1, ref.data() + ref.size(), number);
    if (error == std::errc::result_out_of_range || number > kMaxActionNumber) return kMaxActionNumber + 1;
    return number;
}

std::vector<Problem> check_action_history(const model::Actions& a) {
    std::vector<Problem> out;
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const std::string field = "actions[" + std::to_string(i) + "]";
        check_dropped(out, a.actions[i], field);
        check_redated(out, a.actions[i], field);
    }
    return out;
}

}  // namespace cspr::rules
