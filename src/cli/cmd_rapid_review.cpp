// cspr rapid-review: the safeguarding partners' rapid review (Working Together 2018 ch. 4; the
// Panel's guidance for safeguarding partners), recorded as it happens.
#include <fmt/format.h>

#include <memory>

#include "amend.hpp"
#include "app.hpp"
#include "case_change.hpp"
#include "cspr/field_docs.hpp"

namespace cspr::cli {

namespace {

struct RapidReviewArgs {
    std::string id;
    bool print_template = false;
    bool edit = false;
    AmendOptions amendment;
    std::optional<std::string> from, meeting, facts, immediate_actions, learning, improvement, route, national,
        national_note, signed_on, sent;
    std::vector<std::string> requested, returned, summaries, signs;
};

// The --template form, made from the field tables (store/form_template.cpp); --from refuses a form
// that still holds what it leaves to be filled in.
const std::string& blank_form() {
    static const std::string text = store::form_template(*model::find_file_kind("rapid-review"));
    return text;
}

model::AgencyReturn& agency_return(model::RapidReview& r, const std::string& agency) {
    for (auto& a : r.returns)
        if (rules::same_agency(a.agency, agency)) return a;  // keeps the spelling first recorded
    r.returns.push_back({agency, std::nullopt, std::nullopt, "", {}});
    return r.returns.back();
}

// A return or summary comes from an agency that was asked: an unknown name is a typo, not a new agency.
model::AgencyReturn& asked_return(model::RapidReview& r, const std::string& agency, std::string_view option) {
    std::vector<std::string> asked;
    for (auto& x : r.returns) {
        if (rules::same_agency(x.agency, agency) && x.requested) return x;
        if (x.requested) asked.push_back(x.agency);
    }
    const auto nearest = rules::nearest_name(agency, asked);
    throw Error("'" + agency + "' was never asked for a return" +
                    (nearest ? "; did you mean '" + *nearest + "'?"
                             : " (record the request first with --requested AGENCY=DATE)"),
                {.field = std::string(option)});
}

void apply_options(model::RapidReview& r, const RapidReviewArgs& a) {
    for (const auto& text : a.requested) {
        const auto [agency, day] = split_assignment(text, "--requested", "\"Northdale Police=2025-03-11\"");
        agency_return(r, agency).requested = calendar::require_iso_date(day, "--requested " + agency);
    }
    for (const auto& text : a.returned) {
        const auto [agency, day] = split_assignment(text, "--returned", "\"Northdale Police=2025-03-17\"");
        asked_return(r, agency, "--returned").returned = calendar::require_iso_date(day, "--returned " + agency);
    }
    for (const auto& text : a.summaries) {
        const auto [agency, summary] =
            split_assignment(text, "--summary", "\"Northdale Police=Two call-outs in 2024\"");
        asked_return(r, agency, "--summary").summary = summary;
    }
    if (a.meeting) r.meeting = calendar::require_iso_date(*a.meeting, "--meeting");
    if (a.facts) r.facts = *a.facts;
    if (a.immediate_actions) r.immediate_actions = *a.immediate_actions;
    if (a.learning) r.learning_shared = *a.learning;
    if (a.improvement) r.potential_for_improvement = *a.improvement;
    if (a.route) r.recommended_route = option_choice<model::Route>(*a.route, "--recommended-route");
    if (a.national) r.national_importance = require_yes_no(*a.national, "--national-importance");
    if (a.national_note) r.national_importance_note = *a.national_note;
    if (!a.signs.empty() && !a.signed_on)
        throw Error("give the date of the sign-off with --signed-on YYYY-MM-DD", {.field = "--sign"});
    for (const auto& text : a.signs) {
        const auto [who, name] = split_assignment(text, "--sign", "police=\"Frankie Pretend\"");
        const auto partner = model::partner_from_name(who);
        if (!partner)
            throw Error("'" + who + "' is not a safeguarding partner; expected local-authority, police or icb",
                        {.field = "--sign"});
        r.sign_off[static_cast<std::size_t>(*partner)] = {name,
                                                          calendar::require_iso_date(*a.signed_on, "--signed-on"),
                                                          {}};
    }
    if (a.sent) r.sent_to_panel = calendar::require_iso_date(*a.sent, "--sent-to-panel");
}

void print_summary(Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto& r = *c.rapid_review;
    ctx.out << c.id << ": rapid review " << (model::is_complete(r) ? "complete" : "in progress") << "\n";
    std::size_t asked = 0, back = 0;
    for (const auto& x : r.returns) {
        asked += x.requested ? 1 : 0;
        back += x.returned ? 1 : 0;
    }
    ctx.out << fmt::format("  returns       {} requested, {} returned\n", asked, back);
    ctx.out << "  meeting       " << (r.meeting ? calendar::format_iso_date(*r.meeting) : "-") << "\n";
    ctx.out << "  route         " << (r.recommended_route ? model::route_name(*r.recommended_route) : "-") << "\n";
    for (model::Partner p : model::kPartners) {
        const auto& s = r.sign_off[static_cast<std::size_t>(p)];
        std::string who(model::partner_key(p));
        std::replace(who.begin(), who.end(), '_', '-');  // as the --sign option spells it
        ctx.out << fmt::format("  sign-off      {:<16}{}\n", who,
                               s.date ? calendar::format_iso_date(*s.date) : "not yet");
    }
    if (!r.amendments.empty()) ctx.out << "  amended       " << amended_text(r.amendments) << "\n";
    const auto cal = ctx.calendar(folder.config.region);
    for (const auto& d : rules::case_deadlines(c, folder.config, cal, ctx.today()))
        if (d.rule->id == "rapid-review" && d.status != rules::Status::not_applicable)
            ctx.out << fmt::format("  to the Panel  due {}, {} ({} from {}; {})\n", due_text(d), status_text(d),
                                   rules::describe_length(d.length, d.unit), calendar::format_iso_date(d.start.day),
                                   d.override_reason.empty() ? std::string(d.rule->source)
                                                             : "local: " + d.override_reason);
}

void run_rapid_review(Context& ctx, const RapidReviewArgs& a) {
    if (a.print_template) {
        ctx.out << blank_form();
        return;
    }
    CaseChange change(ctx, a.id);
    const auto& folder = change.folder();
    model::Case& c = change.after();
    check_amend_options(a.amendment, c.rapid_review.has_value(), a.id, store::kRapidReviewFile);
    const std::optional<model::RapidReview>& before = change.before().rapid_review;
    std::optional<Form> form;  // its problems are collected and reported together (forms.cpp)
    if (a.from) {
        form = read_form(*a.from, blank_form());
        c.rapid_review = store::parse_rapid_review(form->text, form->path, form->problems, true);
        if (before) c.rapid_review->amendments = before->amendments;  // a form is not a way to lose them
    } else if (!c.rapid_review) {
        c.rapid_review = model::RapidReview{};
    }
    c.rapid_review->id = c.id;
    apply_options(*c.rapid_review, a);
    if (form) refuse_form_problems(ctx, *form, &change.before(), c, store::kRapidReviewFile);
    std::string message = "rapid-review " + c.id + ": " + (before ? "updated" : "recorded");
    if (a.sent) message = "rapid-review " + c.id + ": sent to the Panel " + *a.sent;
    if (before) {
        // A recorded value (a return's date, the meeting, sent_to_panel...) changes only by amendment.
        const std::string old_text = store::format_rapid_review(*before),
                          new_text = store::format_rapid_review(*c.rapid_review);
        const auto changed =
            store::changed_recorded_values(old_text, new_text, store::format_rapid_review({.id = c.id}), kRecordHeader);
        if (auto amendment = amend_or_refuse(a.amendment, store::kRapidReviewFile, changed, old_text, new_text,
                                             kRecordHeader, ctx.today())) {
            c.rapid_review->amendments.push_back(std::move(*amendment));
            message = "rapid-review " + c.id + ": amended " + amended_fields(c.rapid_review->amendments.back());
        }
    }
    change.save(store::kRapidReviewFile, store::format_rapid_review(*c.rapid_review), message);
    print_summary(ctx, folder, c);
}

}  // namespace

void setup_rapid_review(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<RapidReviewArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001");
    sub.add_flag("--template", a->print_template, "Print a blank, commented rapid review form for --from");
    sub.add_option("--from", a->from, "The whole record from a YAML form (see --template); options apply over it");
    sub.add_flag("--edit", a->edit,
                 "Fill in the form in $VISUAL or $EDITOR (as git commit does), kept in forms/ until it records; with "
                 "--amend it starts from the record as it stands");
    sub.add_option("--requested", a->requested, "AGENCY=DATE: information requested from an agency (repeat)");
    sub.add_option("--returned", a->returned, "AGENCY=DATE: the agency's return received (repeat)");
    sub.add_option("--summary", a->summaries, "AGENCY=TEXT: what the return says (repeat)");
    sub.add_option("--meeting", a->meeting, "The rapid review meeting, YYYY-MM-DD");
    sub.add_option("--facts", a->facts, "The facts of the case");
    sub.add_option("--immediate-actions", a->immediate_actions, "Actions taken for children's safety");
    sub.add_option("--learning-shared,--learning", a->learning, "Learning shared now");
    sub.add_option("--potential-for-improvement,--improvement", a->improvement,
                   "The potential for identifying improvements");
    sub.add_option("--recommended-route,--route", a->route,
                   "Recommended route: local-cspr, national-review, single-agency-review, ...");
    sub.add_option("--national-importance", a->national,
                   "May raise issues complex or of national importance: yes or no");
    sub.add_option("--national-importance-note,--national-note", a->national_note, "Why, or why not");
    sub.add_option("--sign", a->signs, "PARTNER=NAME: a partner's sign-off (local-authority, police, icb; repeat)");
    sub.add_option("--signed-on", a->signed_on, "The date of the sign-offs given with --sign");
    sub.add_option("--sent-to-panel,--sent", a->sent,
                   "The day the completed review went to the Panel (meets rule rapid-review)");
    add_amend_options(sub, a->amendment, "rapid review");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr rapid-review NDSCP-2025-001 --requested "Northdale Police=2025-03-11" \
      --requested "Northdale Health Visiting=2025-03-11"
  cspr rapid-review NDSCP-2025-001 --returned "Northdale Police=2025-03-17" --meeting 2025-03-24
  cspr rapid-review NDSCP-2025-001 --recommended-route local-cspr --national-importance no \
      --sign local-authority="Dana Fabricated" --sign police="Frankie Pretend" --sign icb="Eden Notreal" \
      --signed-on 2025-03-25
  cspr rapid-review NDSCP-2025-001 --sent-to-panel 2025-03-28
  cspr rapid-review NDSCP-2025-001 --amend --reason "Sent on the 27th, not the 28th" --sent-to-panel 2025-03-27
  cspr rapid-review --template > review.yaml;  cspr rapid-review NDSCP-2025-001 --from review.yaml

Due within )" + table_timescale("rapid-review") +
                          R"( of the day the case was notified to the Panel (rule rapid-review:
'cspr rules' gives its source and this folder's figure). It is complete only with all three
partners' sign-off, and goes to the Panel only for a case notified to it. A recorded value is
changed only with --amend --reason, which keeps the earlier value in rapid-review.yaml.)");
    sub.callback([&ctx, a] {
        if (a->id.empty() && !a->print_template) throw Error("required (or --template)", {.field = "ID"});
        if (a->edit && !a->print_template)
            edit_then_run(ctx, "rapid-review-" + a->id,
                          starting_form(ctx, a->id, "rapid-review", a->amendment.amend, blank_form()), *a,
                          run_rapid_review);
        else run_rapid_review(ctx, *a);
    });
}

}  // namespace cspr::cli
