// The Panel's response to a rapid review (panel-response.yaml) against the rest of the case: part of
// check_case. The response answers a rapid review sent to the Panel; each request is answered after
// it was asked; a decision that cites the Panel's view has a response that gave it.
#include "cspr/rules.hpp"

namespace cspr::rules {

namespace {

constexpr std::string_view kFile = "panel-response.yaml";

std::string iso(calendar::Date d) { return calendar::format_iso_date(d); }

void check_requests(std::vector<Problem>& out, const model::PanelResponse& p) {
    if (p.says == model::PanelSays::more_information && p.requests.empty())
        out.push_back({std::string(kFile), "requests",
                       "the Panel asked for more information: record the request (asked, and answered when it is)"});
    for (std::size_t i = 0; i < p.requests.size(); ++i) {
        const auto& r = p.requests[i];
        const std::string field = "requests[" + std::to_string(i) + "]";
        if (r.asked < p.received)
            out.push_back({std::string(kFile), field + ".asked",
                           iso(r.asked) + " is before the Panel's response (" + iso(p.received) + ")"});
        if (r.answered && *r.answered < r.asked)
            out.push_back({std::string(kFile), field + ".answered",
                           iso(*r.answered) + " is before the request (" + iso(r.asked) + ")"});
    }
}

}  // namespace

std::vector<Problem> check_panel_response(const model::Case& c) {
    std::vector<Problem> out;
    if (c.panel_response) {
        const auto& p = *c.panel_response;
        if (!c.rapid_review || !c.rapid_review->sent_to_panel)
            out.push_back(
                {std::string(kFile), "received",
                 "a response to a rapid review the Panel has not been sent (rapid-review.yaml sent_to_panel)"});
        else if (p.received < *c.rapid_review->sent_to_panel)
            out.push_back({std::string(kFile), "received",
                           iso(p.received) + " is before the rapid review was sent to the Panel (" +
                               iso(*c.rapid_review->sent_to_panel) + ")"});
        check_requests(out, p);
        if (p.national_review && p.national_review->decided < p.received)
            out.push_back(
                {std::string(kFile), "national_review.decided",
                 iso(p.national_review->decided) + " is before the Panel's response (" + iso(p.received) + ")"});
    }
    if (c.decision && c.decision->outcome == model::Route::national_review &&
        (!c.panel_response || !c.panel_response->national_review))
        out.push_back({"decision.yaml", "outcome",
                       "a national review is the Panel's to decide: record its decision first (cspr panel-response ID "
                       "--national-review DATE)"});
    // The decision's criterion "the Panel considered and concluded a local review may be more
    // appropriate" rests on a response that said so, received by the day of the decision.
    if (!c.decision) return out;
    const auto& criteria = model::decision_criteria();
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        if (criteria[i].key != "panel_considered" || !c.decision->criteria[i].applies) continue;
        const auto& p = c.panel_response;
        if (!p || p->says != model::PanelSays::suggests_local_review || p->received > c.decision->date)
            out.push_back({"decision.yaml", "criteria.panel_considered.applies",
                           "no Panel response suggesting a local review is recorded by the day of the decision "
                           "(panel-response.yaml says: suggests-local-review)"});
    }
    return out;
}

}  // namespace cspr::rules
