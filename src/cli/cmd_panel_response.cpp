// cspr panel-response: the Panel's response to a rapid review, and each request for more information
// with the partners' answer (panel-response.yaml).
#include <algorithm>
#include <memory>

#include "app.hpp"
#include "case_change.hpp"
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

struct PanelResponseArgs {
    std::string id;
    std::optional<std::string> received, says, note, answered, national_review, scope, participation;
    std::vector<std::string> asked;
};

// --asked DATE or DATE=WHAT: a new request, what it asks for kept as free text.
model::PanelRequest new_request(const std::string& text) {
    const auto eq = text.find('=');
    model::PanelRequest r;
    r.asked = calendar::require_iso_date(text.substr(0, eq), "--asked");
    if (eq != std::string::npos) r.about = text.substr(eq + 1);
    return r;
}

// --answered DATE answers the oldest request not yet answered.
void answer(model::PanelResponse& p, const std::string& text) {
    const auto open = std::find_if(p.requests.begin(), p.requests.end(), [](const auto& r) { return !r.answered; });
    if (open == p.requests.end())
        throw Error("no request of the Panel is waiting for an answer; record one with --asked DATE",
                    {.field = "--answered"});
    open->answered = calendar::require_iso_date(text, "--answered");
}

void print_response(Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto& p = *c.panel_response;
    ctx.out << c.id << ": the Panel's response of " << calendar::format_iso_date(p.received) << ": "
            << model::name_of(p.says) << "\n";
    if (p.national_review)
        ctx.out << "national review decided by the Panel on " << calendar::format_iso_date(p.national_review->decided)
                << " (its report is the Panel's)\n";
    // Free text, which may name people: only with --show-names.
    if (const auto note = personal(ctx, p.note); note && !note->empty())
        ctx.out << "note: " << terminal_safe(*note) << "\n";
    // What each request asks is free text: beneath its row, only with --show-names.
    Table t{.rows = {{"REQUEST", "ASKED", "ANSWERED", "DUE", "STATUS"}}, .flexible = {{4, 12}}, .note_indent = 2};
    const auto cal = ctx.calendar(folder.config.region);
    for (const auto& d : rules::case_deadlines(c, folder.config, cal, ctx.today())) {
        if (d.rule->id != "answer-panel-request" || d.status == rules::Status::not_applicable) continue;
        const auto& r = p.requests[std::stoul(d.subject.substr(d.subject.find('-') + 1)) - 1];
        t.rows.push_back({d.subject, calendar::format_iso_date(r.asked),
                          r.answered ? calendar::format_iso_date(*r.answered) : "-", due_text(d), status_and_note(d)});
        auto& notes = t.notes.emplace_back();
        if (const auto about = personal(ctx, r.about); about && !about->empty()) notes.push_back("about: " + *about);
    }
    if (t.rows.size() > 1)
        for (const auto& text : render_table(t, ctx.table_width())) ctx.out << text;
}

bool records_something(const PanelResponseArgs& a) {
    return a.received || a.says || a.note || !a.asked.empty() || a.answered || a.national_review || a.scope ||
           a.participation;
}

// --format json: the response as recorded, or null when none is (schemas/panel-response.schema.json).
void print_response_json(Context& ctx, const std::string& id) {
    const auto folder = ctx.open_folder();
    store::Diagnostics strict;
    const auto c = store::load_case(folder, id, strict);
    const auto deadlines = rules::case_deadlines(c, folder.config, ctx.calendar(folder.config.region), ctx.today());
    Json doc = report_document("cspr-panel-response", 1, ctx.today());
    doc.add("case", c.id);
    doc.add("response", c.panel_response ? panel_response_json(ctx, *c.panel_response, deadlines) : Json());
    ctx.out << doc.dump();
}

void run_panel_response(Context& ctx, const PanelResponseArgs& a) {
    if (ctx.format() == "json") {
        if (records_something(a))
            throw Error("is for the response as recorded (cspr panel-response ID --format json); recording prints "
                        "a table",
                        {.field = "--format"});
        return print_response_json(ctx, a.id);
    }
    CaseChange change(ctx, a.id);
    model::Case& c = change.after();
    if (!c.panel_response && !a.received)
        throw Error("required: the day the Panel's response came (then --says)", {.field = "--received"});
    if (c.panel_response && (a.received || a.says))
        throw Error("already recorded in panel-response.yaml; a recorded response is changed by editing that file "
                    "under review",
                    {.field = a.received ? "--received" : "--says"});
    if (!c.panel_response) {
        if (!a.says)
            throw Error("required: what the Panel said; one of " + model::one_of<model::PanelSays>(),
                        {.field = "--says"});
        c.panel_response = model::PanelResponse{c.id,
                                                calendar::require_iso_date(*a.received, "--received"),
                                                option_choice<model::PanelSays>(*a.says, "--says"),
                                                a.note.value_or(""),
                                                {},
                                                {}};
    } else if (a.asked.empty() && !a.answered && !a.national_review && !a.scope && !a.participation) {
        print_response(ctx, change.folder(), c);
        return;
    }
    if (a.national_review) {
        if (c.panel_response->national_review)
            throw Error("already recorded in panel-response.yaml; edit that file under review",
                        {.field = "--national-review"});
        c.panel_response->national_review =
            model::NationalReview{calendar::require_iso_date(*a.national_review, "--national-review"),
                                  a.scope.value_or(""),
                                  a.participation.value_or(""),
                                  {}};
    } else if (a.scope || a.participation) {
        throw Error("give them with --national-review DATE, the day the Panel decided",
                    {.field = a.scope ? "--scope" : "--participation"});
    }
    for (const auto& text : a.asked) c.panel_response->requests.push_back(new_request(text));
    if (a.answered) answer(*c.panel_response, *a.answered);
    change.save(store::kPanelResponseFile, store::format_panel_response(*c.panel_response),
                "panel-response " + c.id + ": " + std::string(model::name_of(c.panel_response->says)));
    print_response(ctx, change.folder(), c);
}

}  // namespace

void setup_panel_response(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<PanelResponseArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_option("--received", a->received, "The day the Panel's response to the rapid review came");
    sub.add_option("--says", a->says, "What the Panel said: " + model::either<model::PanelSays>());
    sub.add_option("--note", a->note, "More of what the Panel said (free text, kept in the file)");
    sub.add_option("--asked", a->asked,
                   "DATE or DATE=WHAT: the Panel asked for more information (repeat; WHAT is free text)");
    sub.add_option("--answered", a->answered, "The day the partners answered the oldest open request");
    sub.add_option("--national-review", a->national_review, "The day the Panel decided to carry out a national review");
    sub.add_option("--scope", a->scope, "With --national-review: the agreed scope (free text)");
    sub.add_option("--participation", a->participation,
                   "With --national-review: how the partners and their agencies take part (free text)");
    sub.add_flag("--show-names", ctx.show_names, "Show the recorded free text (hidden by default)");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr panel-response NDSCP-2025-001 --received 2025-04-08 --says more-information \
      --asked "2025-04-08=The school's chronology"
  cspr panel-response NDSCP-2025-001 --answered 2025-04-22
  cspr panel-response NDSCP-2025-004 --national-review 2025-10-02 --scope "Children harmed in custody" \
      --participation "Each agency gives its records and a practitioner for interview"
  cspr panel-response NDSCP-2025-001
  cspr panel-response NDSCP-2025-001 --format json   # null when no response is recorded

The partners answer each request within )" +
                          table_timescale("answer-panel-request") +
                          R"( (rule answer-panel-request; a local rule: cspr.yaml
may change or switch it off). How long the Panel takes is its own timescale: the rule panel-response
(about 10 days, Kent's procedure) is off unless cspr.yaml switches it on, and never fails the nightly
check. A decision citing "the Panel considered and concluded a local review may be more appropriate"
needs a response that says suggests-local-review.)");
    sub.callback([&ctx, a] { run_panel_response(ctx, *a); });
}

}  // namespace cspr::cli
