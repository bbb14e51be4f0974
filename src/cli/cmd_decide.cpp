// cspr decide: the safeguarding partners' decision whether to commission a local child safeguarding
// practice review (Working Together 2018 ch. 4 "Decisions on local and national reviews"; reg. 11).
#include <fmt/format.h>

#include <memory>

#include "amend.hpp"
#include "app.hpp"
#include "case_change.hpp"
#include "cspr/field_docs.hpp"

namespace cspr::cli {

namespace {

struct DecideArgs {
    std::string id;
    bool print_template = false;
    bool edit = false;
    AmendOptions amendment;
    std::optional<std::string> from, date, outcome, rationale, unanimous, family_told, family_note, reviewer, conflict,
        named_on;
    std::vector<std::string> informed;
};

// The --template form, made from the field tables (store/form_template.cpp); --from refuses a form
// that still holds what it leaves to be filled in.
const std::string& blank_form() {
    static const std::string text = store::form_template(*model::find_file_kind("decision"));
    return text;
}

std::optional<calendar::Date>* informed_slot(model::Decision& d, const std::string& body) {
    if (body == "panel") return &d.informed_panel;
    if (body == "ofsted") return &d.informed_ofsted;
    if (body == "dfe") return &d.informed_dfe;
    return nullptr;
}

// Facts that come after the decision (who was told when) fill empty fields without --amend; changing
// a recorded value is an amendment.
void apply_options(model::Decision& d, const DecideArgs& a, calendar::Date today) {
    if (a.date) d.date = calendar::require_iso_date(*a.date, "--date");
    if (a.outcome) d.outcome = option_choice<model::Route>(*a.outcome, "--outcome");
    if (a.rationale) d.rationale = *a.rationale;
    if (a.unanimous) d.unanimous = require_yes_no(*a.unanimous, "--unanimous");
    if (a.family_told) d.family_told = calendar::require_iso_date(*a.family_told, "--family-told");
    if (a.family_note) d.family_note = *a.family_note;
    for (const auto& text : a.informed) {
        const auto [body, day] = split_assignment(text, "--informed", "panel=2025-03-31");
        // ofsted-dfe, as notify names the two told by the Panel's one online form, tells both here too.
        const std::vector<std::string> bodies =
            body == "ofsted-dfe" ? std::vector<std::string>{"ofsted", "dfe"} : std::vector<std::string>{body};
        for (const auto& one : bodies) {
            auto* slot = informed_slot(d, one);
            if (!slot)
                throw Error("'" + body + "' is not panel, ofsted, dfe or ofsted-dfe" +
                                did_you_mean(body, {"panel", "ofsted", "dfe", "ofsted-dfe"}),
                            {.field = "--informed"});
            *slot = calendar::require_iso_date(day, "--informed " + body);
        }
    }
    if (a.conflict && !a.reviewer) throw Error("goes with --reviewer NAME", {.field = "--conflict-of-interest"});
    if (a.named_on && !a.reviewer) throw Error("goes with --reviewer NAME", {.field = "--named-on"});
    if (a.reviewer) {
        if (!a.conflict)
            throw Error("required with --reviewer: the reviewer's declaration, e.g. \"None declared\"",
                        {.field = "--conflict-of-interest"});
        if (rules::is_placeholder_name(*a.reviewer))
            throw Error("is a placeholder, not a reviewer's name: add the reviewer once commissioned",
                        {.field = "--reviewer"});
        d.reviewers.push_back(
            {*a.reviewer, *a.conflict, a.named_on ? calendar::require_iso_date(*a.named_on, "--named-on") : today, {}});
    }
}

// A reviewer named after the decision was recorded: the day the name was given is the day it was
// recorded, unless the form says.
void date_new_reviewers(model::Decision& d, const model::Decision& before, calendar::Date today) {
    for (auto& r : d.reviewers) {
        const bool known = std::any_of(before.reviewers.begin(), before.reviewers.end(),
                                       [&](const auto& b) { return b.name == r.name; });
        if (!known && !r.named_on) r.named_on = today;
    }
}

// True when `after` differs from `before` only by facts recorded where `before` had none.
bool fills_in_only(const model::Decision& before, const model::Decision& after) {
    model::Decision filled = before;
    const auto fill = [](auto& slot, const auto& value) {
        if (!slot) slot = value;
    };
    fill(filled.informed_panel, after.informed_panel);
    fill(filled.informed_ofsted, after.informed_ofsted);
    fill(filled.informed_dfe, after.informed_dfe);
    fill(filled.family_told, after.family_told);
    if (filled.family_note.empty()) filled.family_note = after.family_note;
    if (filled.reviewers.empty()) filled.reviewers = after.reviewers;  // the first reviewer, once commissioned
    return filled == after;
}

void print_summary(Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto& d = *c.decision;
    ctx.out << fmt::format("{}: decided {} on {}{}\n", c.id, model::route_name(d.outcome),
                           calendar::format_iso_date(d.date), d.unanimous ? " (unanimous)" : " (not unanimous)");
    const auto cal = ctx.calendar(folder.config.region);
    for (const auto& x : rules::case_deadlines(c, folder.config, cal, ctx.today())) {
        if (x.rule->step != "decide" && x.rule->id != "publish") continue;
        if (x.status == rules::Status::not_applicable) continue;
        ctx.out << fmt::format("  {:<16}{:<8}due {}, {}\n", x.rule->id, x.subject, due_text(x), status_and_note(x));
    }
    if (!d.amendments.empty())
        ctx.out << "  amended " << d.amendments.size() << (d.amendments.size() == 1 ? " time\n" : " times\n");
}

void run_decide(Context& ctx, const DecideArgs& a) {
    if (a.print_template) {
        ctx.out << blank_form();
        return;
    }
    CaseChange change(ctx, a.id);
    const auto& folder = change.folder();
    model::Case& c = change.after();
    check_amend_options(a.amendment, c.decision.has_value(), a.id, store::kDecisionFile);
    const std::optional<model::Decision>& before = change.before().decision;
    std::optional<Form> form;  // its problems are collected and reported together, below
    if (a.from) {
        if (before && !a.amendment.amend)
            throw Error("already recorded in decision.yaml; changing a decision takes --amend --reason TEXT",
                        {.field = "--from"});
        form = read_form(*a.from, blank_form());
        c.decision = store::parse_decision(form->text, form->path, form->problems, true);
        if (before) {
            c.decision->amendments = before->amendments;
            // What happened after the decision stays recorded unless the form says otherwise.
            auto& d = *c.decision;
            if (!d.informed_panel) d.informed_panel = before->informed_panel;
            if (!d.informed_ofsted) d.informed_ofsted = before->informed_ofsted;
            if (!d.informed_dfe) d.informed_dfe = before->informed_dfe;
            if (!d.family_told) d.family_told = before->family_told;
            if (d.family_note.empty()) d.family_note = before->family_note;
        }
    } else if (!c.decision) {
        throw Error("record the decision with --from FILE (see --template): every criterion and circumstance needs an "
                    "answer",
                    {.field = "--from"});
    }
    c.decision->id = c.id;
    apply_options(*c.decision, a, ctx.today());
    if (before) date_new_reviewers(*c.decision, *before, ctx.today());
    if (form) refuse_form_problems(ctx, *form, &change.before(), c, store::kDecisionFile);

    std::string message = "decide " + c.id + ": " + std::string(model::route_name(c.decision->outcome));
    if (before) {
        const std::string old_text = store::format_decision(*before), new_text = store::format_decision(*c.decision);
        const auto previous = store::changed_fields(old_text, new_text, kRecordHeader);
        if (previous.empty()) throw Error("nothing changed", {.field = "ID"});
        // Filling in what happened since (who was told when) is not changing the decision; any
        // other difference is.
        std::vector<std::string> changed;
        if (!fills_in_only(*before, *c.decision))
            for (const auto& p : previous) changed.push_back(p.first);
        if (auto amendment = amend_or_refuse(a.amendment, store::kDecisionFile, changed, old_text, new_text,
                                             kRecordHeader, ctx.today())) {
            c.decision->amendments.push_back(std::move(*amendment));
            message = "decide " + c.id + ": amended (" + *a.amendment.reason + ")";
        } else {
            message = "decide " + c.id + ": recorded who was told";
        }
    }
    change.save(store::kDecisionFile, store::format_decision(*c.decision), message);
    print_summary(ctx, folder, c);
    for (const auto& e : locate_problems(folder, c.id, rules::case_notes(c))) ctx.out << "note: " << e.what() << "\n";
}

}  // namespace

void setup_decide(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<DecideArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001");
    sub.add_flag("--template", a->print_template, "Print a blank, commented decision form for --from");
    sub.add_option("--from", a->from, "The decision record from a YAML form (see --template)");
    sub.add_flag("--edit", a->edit,
                 "Fill in the form in $VISUAL or $EDITOR (as git commit does), kept in forms/ until it records; with "
                 "--amend it starts from the record as it stands");
    add_amend_options(sub, a->amendment, "decision");
    sub.add_option("--date", a->date, "The date of the decision");
    sub.add_option("--outcome", a->outcome, "local-cspr, national-review, single-agency-review, ...");
    sub.add_option("--rationale", a->rationale, "The rationale");
    sub.add_option("--unanimous", a->unanimous, "yes or no");
    sub.add_option("--family-told", a->family_told, "When the family was told the decision");
    sub.add_option("--family-note", a->family_note, "How the family was told, or why not");
    sub.add_option("--informed,--told", a->informed,
                   "BODY=DATE: the Panel, Ofsted or DfE (ofsted-dfe: both) told of a local review (repeat)");
    sub.add_option("--reviewer", a->reviewer, "Add the commissioned reviewer's name (a local review)");
    sub.add_option("--conflict-of-interest", a->conflict, "The reviewer's declaration (required with --reviewer)");
    sub.add_option("--named-on", a->named_on,
                   "When the reviewer's name was given to the Panel, Ofsted and DfE (default: today)");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr decide --template > decision.yaml        # fill it in, then:
  cspr decide NDSCP-2025-001 --from decision.yaml
  cspr decide NDSCP-2025-001 --informed panel=2025-03-31 --informed ofsted=2025-03-31 --informed dfe=2025-03-31
  cspr decide NDSCP-2025-001 --reviewer "Robin Madeup" --conflict-of-interest "None declared" --named-on 2025-04-14
  cspr decide NDSCP-2025-001 --amend --reason "Reviewer replaced after a conflict of interest" --from decision.yaml

A decision may be recorded before a reviewer is commissioned. For a local review, telling the
Panel, Ofsted and DfE is met only with the reviewer's name: on the later of the day each was told
and the day the reviewer was named. 'cspr rules' gives the timescales.)");
    sub.callback([&ctx, a] {
        if (a->id.empty() && !a->print_template) throw Error("required (or --template)", {.field = "ID"});
        if (a->edit && !a->print_template)
            edit_then_run(ctx, "decision-" + a->id,
                          starting_form(ctx, a->id, "decision", a->amendment.amend, blank_form()), *a, run_decide);
        else run_decide(ctx, *a);
    });
}

}  // namespace cspr::cli
