// cspr late: why a late step was late (lateness.yaml), one reason per step; without a rule, the
// case's late steps and their reasons.
#include <algorithm>
#include <memory>

#include "app.hpp"
#include "case_change.hpp"
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

struct LateArgs {
    std::string id;
    std::optional<std::string> rule, subject, reason, by, note;
};

// The case's late steps, as the engine counts them today: a step not yet late, or a timescale kept for
// information (the Panel's, another authority's), has nothing of ours to explain.
std::vector<rules::Deadline> late_steps(const Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    auto deadlines = rules::case_deadlines(c, folder.config, ctx.calendar(folder.config.region), ctx.today());
    std::erase_if(deadlines,
                  [](const rules::Deadline& d) { return !d.late || d.rule->period || rules::informational(d); });
    return deadlines;
}

std::string subject_of(const rules::Deadline& d) {
    return d.subject.empty() ? "-" : std::string(rules::subject_key(d.subject));
}

void print_late_steps(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& steps) {
    if (steps.empty()) {
        ctx.out << c.id << ": no late steps\n";
        return;
    }
    std::vector<std::vector<std::string>> rows = {{"RULE", "WHO", "DUE", "STATUS", "REASON", "NOTE"}};
    for (const auto& d : steps) {
        std::string note = "-";
        if (const auto* r = rules::find_late_reason(c, d.rule->id, d.subject); r && !r->note.empty())
            note = personal(ctx, r->note).value_or("(hidden: --show-names)");
        rows.push_back({std::string(d.rule->id), subject_of(d), due_text(d), status_text(d),
                        d.late_reason.empty() ? "no reason recorded" : d.late_reason, note});
    }
    ctx.out << format_table(rows);
}

// For scripts: the late steps of a case, each with its reason (the note only with --show-names).
void print_late_json(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& steps) {
    Json late = Json::array();
    for (const auto& d : steps) {
        const auto* r = rules::find_late_reason(c, d.rule->id, d.subject);
        late.push(Json::object()
                      .add("rule", d.rule->id)
                      .add("subject", d.subject.empty() ? Json() : Json(rules::subject_key(d.subject)))
                      .add("due", json_date(d.due))
                      .add("status", status_token(d))
                      .add("reason", r ? Json(model::name_of(r->reason)) : Json())
                      .add("note", json_personal(ctx, r ? std::string_view(r->note) : std::string_view())));
    }
    ctx.out << report_document("cspr-late", 1, ctx.today()).add("case", c.id).add("late", std::move(late)).dump();
}

// The late step of `rule` that `subject` names; the subject may be left out when the rule has one.
const rules::Deadline& choose_step(const std::vector<rules::Deadline>& steps, const LateArgs& a) {
    const rules::Rule* rule = rules::find_rule(*a.rule);
    if (!rule) throw Error(rules::unknown_rule(*a.rule), {.field = "RULE"});
    if (const std::string why = rules::no_late_reason_because(*rule); !why.empty()) throw Error(why, {.field = "RULE"});
    std::vector<const rules::Deadline*> of_rule;
    for (const auto& d : steps)
        if (d.rule == rule) of_rule.push_back(&d);
    std::string subjects;
    for (const auto* d : of_rule) subjects += (subjects.empty() ? "" : ", ") + subject_of(*d);
    if (of_rule.empty()) throw Error("no step of " + *a.rule + " is late in this case", {.field = "RULE"});
    if (!a.subject && of_rule.size() > 1)
        throw Error("which one? " + *a.rule + " is late for " + subjects, {.field = "SUBJECT"});
    for (const auto* d : of_rule)
        if (!a.subject || rules::subject_key(d->subject) == *a.subject) return *d;
    throw Error("'" + *a.subject + "' is not late for " + *a.rule + "; late: " + subjects, {.field = "SUBJECT"});
}

std::string require_text(const std::optional<std::string>& value, std::string_view option, std::string_view what) {
    if (!value || value->find_first_not_of(" \t") == std::string::npos)
        throw Error("required: " + std::string(what), {.field = std::string(option)});
    return *value;
}

void record(CaseChange& change, const Context& ctx, const LateArgs& a) {
    model::Case& c = change.after();
    const auto steps = late_steps(ctx, change.folder(), c);
    const rules::Deadline& step = choose_step(steps, a);
    if (!a.reason)
        throw Error("required: why the step was late; one of " + model::one_of<model::LateCause>(),
                    {.field = "--reason"});
    const auto cause = option_choice<model::LateCause>(*a.reason, "--reason");
    model::LateReason entry{std::string(step.rule->id),
                            std::string(rules::subject_key(step.subject)),
                            cause,
                            a.note.value_or(""),
                            require_text(a.by, "--by", "who records the reason"),
                            ctx.today(),
                            {}};
    if (!c.lateness) c.lateness = model::Lateness{c.id, {}, {}};
    auto& reasons = c.lateness->reasons;
    const auto same = std::find_if(reasons.begin(), reasons.end(),
                                   [&](const auto& r) { return r.rule == entry.rule && r.subject == entry.subject; });
    if (same != reasons.end()) {
        entry.extra = same->extra;  // a replaced reason keeps the keys cspr does not know
        *same = entry;
    } else {
        reasons.push_back(entry);
    }
    const std::string what = entry.rule + (entry.subject.empty() ? "" : " (" + entry.subject + ")");
    change.save(store::kLatenessFile, store::format_lateness(*c.lateness),
                "late " + c.id + ": " + what + ": " + std::string(model::name_of(cause)));
    ctx.out << c.id << ": " << what << " " << status_text(step) << ": reason " << model::name_of(cause)
            << " recorded\n";
}

// CSV: a row per late step; the note's column only with --show-names (free text), as deadlines adds
// its child column.
void print_late_csv(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& steps) {
    const bool names = shows_personal(ctx);
    ctx.out << csv_start(ctx) << "case,rule,subject,due,status,reason" << (names ? ",note" : "") << "\n";
    for (const auto& d : steps) {
        const auto* r = rules::find_late_reason(c, d.rule->id, d.subject);
        ctx.out << csv_field(c.id) << "," << csv_field(d.rule->id) << ","
                << csv_field(d.subject.empty() ? "" : rules::subject_key(d.subject)) << "," << due_iso(d) << ","
                << (d.status == rules::Status::overdue  ? "overdue"
                    : d.status == rules::Status::missed ? "missed"
                    : d.status == rules::Status::paused ? "paused"
                                                        : "met-late")
                << "," << csv_field(r ? std::string(model::name_of(r->reason)) : std::string());
        if (names) ctx.out << "," << csv_field(r ? r->note : std::string());
        ctx.out << "\n";
    }
}

void run_late(Context& ctx, const LateArgs& a) {
    refuse_excel_unless_csv(ctx);
    if (!a.rule) {
        if (a.subject || a.reason || a.by || a.note)
            throw Error("say which step: RULE (and SUBJECT when the rule has several)", {.field = "RULE"});
        const auto folder = ctx.open_folder();
        store::Diagnostics strict;
        const auto c = store::load_case(folder, a.id, strict);
        if (ctx.format() == "json") print_late_json(ctx, c, late_steps(ctx, folder, c));
        else if (ctx.format() == "csv") print_late_csv(ctx, c, late_steps(ctx, folder, c));
        else print_late_steps(ctx, c, late_steps(ctx, folder, c));
        return;
    }
    if (ctx.format() != "table")
        throw Error("is for the list of late steps (cspr late ID); recording a reason prints one line",
                    {.field = "--format"});
    CaseChange change(ctx, a.id);
    record(change, ctx, a);
}

}  // namespace

void setup_late(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<LateArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_option("RULE", a->rule, "The rule whose step was late, e.g. notify-panel ('cspr rules')");
    sub.add_option("SUBJECT", a->subject, "For a rule with several clocks: whose, e.g. panel, ofsted, R3");
    sub.add_option("--reason", a->reason, "Why: " + model::either<model::LateCause>());
    sub.add_option("--by", a->by, "Who records the reason (kept in the file, shown only with --show-names)");
    sub.add_option("--note", a->note, "More about the reason (free text, kept in the file)");
    sub.add_flag("--show-names", ctx.show_names, "Show the recorded notes (free text; hidden by default)");
    add_commit_flag(sub, ctx);
    add_excel_flag(sub, ctx);
    add_examples(sub, R"(  cspr late NDSCP-2025-001
  cspr late NDSCP-2025-001 --format json
  cspr late NDSCP-2025-001 --format csv --excel > late.csv
  cspr late NDSCP-2025-001 notify-partners --reason information-awaited --by "Business unit manager"
  cspr late NDSCP-2025-004 decision --reason partner-availability --by "Partnership manager" \
      --note "ICB sign-off delayed by the chief nurse's leave"
  cspr late NDSCP-2025-001 action-due R3 --reason capacity --by "Partnership manager"

A step met late, missed, or overdue can carry one reason; recording another replaces it (git keeps
the old). 'cspr validate' reports a step met late with no reason, 'cspr deadlines' shows
"no reason recorded" beside a late step, and 'cspr stats' counts late steps by reason. A late
publication is explained by a delay told to the Panel and the Secretary of State instead.)");
    sub.callback([&ctx, a] { run_late(ctx, *a); });
}

}  // namespace cspr::cli
