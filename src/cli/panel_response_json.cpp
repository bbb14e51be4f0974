// The Panel's response as JSON (json_writer.hpp): shared by `cspr panel-response ID --format json`
// (schemas/panel-response.schema.json) and `cspr show ID --format json` (schemas/show.schema.json),
// so that the two documents describe a response with the same keys.
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

// The deadline of answer-panel-request for request N (subject "request-N", counted from 1).
const rules::Deadline* answer_deadline(const std::vector<rules::Deadline>& deadlines, std::size_t n) {
    const auto subject = "request-" + std::to_string(n);
    for (const auto& d : deadlines)
        if (d.rule->id == "answer-panel-request" && d.subject == subject) return &d;
    return nullptr;
}

Json request_json(const Context& ctx, const model::PanelRequest& r, const rules::Deadline* d) {
    const bool counted = d != nullptr && d->status != rules::Status::not_applicable;
    Json j = Json::object();
    j.add("asked", json_date(r.asked)).add("about", json_personal(ctx, r.about));  // free text
    j.add("answered", json_date_or_null(r.answered));
    j.add("due", counted ? json_date(d->due) : Json());
    j.add("status", counted ? Json(status_token(*d)) : Json());  // null: the rule is switched off
    j.add("late_reason", counted ? json_text_or_null(d->late_reason) : Json());
    return j;
}

}  // namespace

Json panel_response_json(const Context& ctx, const model::PanelResponse& p,
                         const std::vector<rules::Deadline>& deadlines) {
    Json requests = Json::array();
    for (std::size_t i = 0; i < p.requests.size(); ++i)
        requests.push(request_json(ctx, p.requests[i], answer_deadline(deadlines, i + 1)));
    Json national;
    if (p.national_review)
        national = Json::object()
                       .add("decided", json_date(p.national_review->decided))
                       .add("scope", json_personal(ctx, p.national_review->scope))
                       .add("participation", json_personal(ctx, p.national_review->participation));
    Json j = Json::object();
    j.add("received", json_date(p.received)).add("says", model::name_of(p.says));
    j.add("note", json_personal(ctx, p.note)).add("requests", std::move(requests));
    j.add("national_review", std::move(national));
    return j;
}

}  // namespace cspr::cli
