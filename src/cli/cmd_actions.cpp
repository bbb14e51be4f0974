// cspr actions: the actions arising from a review's recommendations, each with an owner agency, a due
// date, a status and evidence. An overdue action is an overdue deadline (rule action-due).
// Re-dating or dropping an action takes it out of the overdue count, so both need --reason and are
// kept in the action's history (with original_due): slippage stays visible to a scrutineer.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "app.hpp"
#include "case_change.hpp"
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

struct ActionsArgs {
    std::string id;
    std::optional<std::string> add, update, owner, due, status, completed, evidence, reason;
};

model::ActionStatus require_status(const std::string& text) {
    return option_choice<model::ActionStatus>(text, "--status");
}

// Text an action needs (what it carries out, who owns it): empty or only spaces says nothing.
void require_text(const std::string& text, const char* option) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error("must not be empty", {.field = option});
}

// A hand-edited reference past the last number is refused where it is (actions.yaml:LINE:
// actions[N].ref; check_case says the same without the line), before any arithmetic on it.
void refuse_refs_past_limit(const store::CaseFolder& folder, const model::Actions& a) {
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const auto number = rules::action_number(a.actions[i].ref);
        if (!number || *number <= rules::kMaxActionNumber) continue;
        const std::string field = "actions[" + std::to_string(i) + "].ref";
        throw locate_problems(folder, a.id,
                              {{std::string(store::kActionsFile), field,
                                "the number is past R" + std::to_string(rules::kMaxActionNumber) +
                                    ", the last reference cspr numbers"}})
            .front();
    }
}

// The highest number so far plus one (refuse_refs_past_limit has run: none is past the last).
std::string next_ref(const model::Actions& a) {
    long highest = 0;
    for (const auto& x : a.actions) highest = std::max(highest, rules::action_number(x.ref).value_or(0));
    if (highest >= rules::kMaxActionNumber)
        throw Error("R" + std::to_string(highest) + " is taken, the last reference cspr numbers", {.field = "--add"});
    return "R" + std::to_string(highest + 1);
}

void add_action(model::Actions& list, const ActionsArgs& a) {
    require_text(*a.add, "--add");
    if (!a.owner) throw Error("required with --add: the agency responsible", {.field = "--owner"});
    require_text(*a.owner, "--owner");
    if (!a.due) throw Error("required with --add: when it is due, YYYY-MM-DD", {.field = "--due"});
    if (a.reason) throw Error("only with --update: the reason for a new --due or --status", {.field = "--reason"});
    if (a.status && *a.status == "dropped")
        throw Error("a new action cannot start dropped: add it, then --update REF --status dropped --reason TEXT",
                    {.field = "--status"});
    model::Action x;
    x.ref = next_ref(list);
    x.recommendation = *a.add;
    x.owner = *a.owner;
    x.due = calendar::require_iso_date(*a.due, "--due");
    if (a.status) x.status = require_status(*a.status);
    if (a.completed) x.completed = calendar::require_iso_date(*a.completed, "--completed");
    if (a.evidence) x.evidence = *a.evidence;
    list.actions.push_back(std::move(x));
}

// "; it has R1, R2 and R3": for a reference that is not there, the ones that are (a guess from one
// letter off would name the wrong action: R9 is one edit from R1).
std::string refs_held(const model::Actions& list) {
    if (list.actions.empty()) return "; it has none yet (--add TEXT adds R1)";
    std::string refs;
    for (std::size_t i = 0; i < list.actions.size(); ++i)
        refs += (i == 0 ? "" : i + 1 == list.actions.size() ? " and " : ", ") + list.actions[i].ref;
    return "; it has " + refs;
}

// --reason, which a change that hides slippage must give: `why` says which change needs it.
std::string require_reason(const ActionsArgs& a, std::string_view why) {
    if (!a.reason || a.reason->find_first_not_of(" \t\r\n") == std::string::npos)
        throw Error("required " + std::string(why) + ": why (kept in the action's history)", {.field = "--reason"});
    return *a.reason;
}

void record(model::Action& x, std::string field, std::string from, std::string to, const std::string& reason,
            calendar::Date today) {
    x.history.push_back({today, std::move(field), std::move(from), std::move(to), reason, {}});
}

// The first due date is kept in original_due, and every move in the history.
void redate(model::Action& x, calendar::Date due, const ActionsArgs& a, calendar::Date today) {
    if (due == x.due) return;
    const std::string reason = require_reason(a, "to change a due date");
    if (!x.original_due) x.original_due = x.due;
    record(x, "due", calendar::format_iso_date(x.due), calendar::format_iso_date(due), reason, today);
    x.due = due;
}

// True when the last change of status recorded is the drop, with its reason (what validate asks).
bool drop_explained(const model::Action& x) {
    const auto it =
        std::find_if(x.history.rbegin(), x.history.rend(), [](const auto& h) { return h.field == "status"; });
    return it != x.history.rend() && it->to == "dropped" && !it->reason.empty();
}

// Dropping needs a reason; any other change of status is recorded when one is given. An action
// dropped without one (before reasons were asked, or by hand) gets it the same way: "dropped -> dropped".
void change_status(model::Action& x, model::ActionStatus status, const ActionsArgs& a, calendar::Date today) {
    const bool unexplained = status == model::ActionStatus::dropped && x.status == status && !drop_explained(x);
    if (status == x.status && !unexplained) return;
    if (status == model::ActionStatus::dropped) require_reason(a, "to drop an action");
    if (a.reason)
        record(x, "status", std::string(model::action_status_name(x.status)),
               std::string(model::action_status_name(status)), require_reason(a, "to record a change of status"),
               today);
    x.status = status;
}

void update_action(model::Actions& list, const ActionsArgs& a, calendar::Date today) {
    const auto it =
        std::find_if(list.actions.begin(), list.actions.end(), [&](const auto& x) { return x.ref == *a.update; });
    if (it == list.actions.end())
        throw Error("no action " + *a.update + " in this case" + refs_held(list), {.field = "--update"});
    const std::size_t recorded = it->history.size();
    if (a.owner) {
        require_text(*a.owner, "--owner");
        it->owner = *a.owner;
    }
    if (a.due) redate(*it, calendar::require_iso_date(*a.due, "--due"), a, today);
    if (a.status) change_status(*it, require_status(*a.status), a, today);
    if (a.completed) it->completed = calendar::require_iso_date(*a.completed, "--completed");
    if (a.evidence) it->evidence = *a.evidence;
    if (a.reason && it->history.size() == recorded)
        throw Error("gives the reason for a change of --due or --status, and this command changes neither",
                    {.field = "--reason"});
}

// A dropped action has no deadline: it is not counted as overdue, and says whether it has its reason.
std::string dropped_text(const model::Action& x) {
    return drop_explained(x) ? "not counted; reason recorded" : "not counted; no reason recorded";
}

// Reasons are free text, which may name people: shown only with --show-names, like names elsewhere.
std::string reason_text(const Context& ctx, const std::string& reason) {
    auto one_line = personal(ctx, reason);
    if (!one_line) return "recorded (--show-names shows it)";
    // One row of the table; no control character reaches the terminal.
    std::replace_if(
        one_line->begin(), one_line->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; },
        ' ');
    return *one_line;
}

// Every recorded re-dating and change of status, oldest first per action: the slippage in full.
void print_history(Context& ctx, const model::Actions& actions) {
    Table t{.rows = {{"REF", "RECORDED", "CHANGE", "REASON"}}, .flexible = {{2, 16}, {3, 16}}};
    for (const auto& x : actions.actions)
        for (const auto& h : x.history)
            t.rows.push_back(
                {x.ref, format_date(h.recorded), h.field + ": " + h.from + " -> " + h.to, reason_text(ctx, h.reason)});
    if (t.rows.size() == 1) return;
    ctx.out << "\nHistory:\n";
    for (const auto& lines : render_table(t, ctx.table_width())) ctx.out << lines;
}

// The deadline of action x (rule action-due), when it has one.
const rules::Deadline* deadline_of(const std::vector<rules::Deadline>& deadlines, const model::Action& x) {
    for (const auto& d : deadlines)
        if (d.rule->id == "action-due" && d.subject == x.ref + " " + x.owner) return &d;
    return nullptr;
}

// An action's clock, its status as cspr deadlines --format json gives it.
Json json_deadline(const rules::Deadline* d) {
    if (d == nullptr) return {};
    return Json::object().add("status", status_token(*d)).add("late", d->late).add("note", json_text_or_null(d->note));
}

void print_actions_json(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& deadlines) {
    Json actions = Json::array();
    for (const auto& x : c.actions ? c.actions->actions : std::vector<model::Action>{}) {
        Json history = Json::array();
        for (const auto& h : x.history)
            history.push(Json::object()
                             .add("recorded", json_date(h.recorded))
                             .add("field", h.field)
                             .add("from", h.from)
                             .add("to", h.to)
                             .add("reason", json_personal(ctx, h.reason)));
        actions.push(Json::object()
                         .add("ref", x.ref)
                         .add("recommendation", x.recommendation)
                         .add("owner", x.owner)
                         .add("due", json_date(x.due))
                         .add("original_due", json_date_or_null(x.original_due))
                         .add("status", model::action_status_name(x.status))
                         .add("completed", json_date_or_null(x.completed))
                         .add("evidence", json_personal(ctx, x.evidence))
                         .add("deadline", json_deadline(deadline_of(deadlines, x)))
                         .add("history", std::move(history)));
    }
    ctx.out
        << report_document("cspr-actions", 1, ctx.today()).add("case", c.id).add("actions", std::move(actions)).dump();
}

void print_actions_csv(Context& ctx, const model::Case& c, const std::vector<rules::Deadline>& deadlines) {
    ctx.out << csv_start(ctx) << "case,ref,owner,due,status,completed,deadline,recommendation\n";
    if (!c.actions) return;
    for (const auto& x : c.actions->actions) {
        const rules::Deadline* d = deadline_of(deadlines, x);
        ctx.out << csv_field(c.id) << "," << csv_field(x.ref) << "," << csv_field(x.owner) << ","
                << calendar::format_iso_date(x.due) << "," << model::action_status_name(x.status) << ","
                << (x.completed ? calendar::format_iso_date(*x.completed) : "") << ","
                << csv_field(d                                          ? status_and_note(*d)
                             : x.status == model::ActionStatus::dropped ? dropped_text(x)
                                                                        : "")
                << "," << csv_field(x.recommendation) << "\n";
    }
}

// The table fits the terminal: OWNER and DEADLINE wrap; beneath each action, what it is (the
// recommendation it answers: the review's words, never personal).
void print_actions(Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    const auto cal = ctx.calendar(folder.config.region);
    const auto deadlines = rules::case_deadlines(c, folder.config, cal, ctx.today());
    if (ctx.format() == "json") return print_actions_json(ctx, c, deadlines);
    if (ctx.format() == "csv") return print_actions_csv(ctx, c, deadlines);
    if (!c.actions || c.actions->actions.empty()) {
        ctx.out << c.id << ": no actions recorded\n";
        return;
    }
    Table t{.rows = {{"REF", "OWNER", "DUE", "STATUS", "DEADLINE"}}, .flexible = {{1, 12}, {4, 14}}, .note_column = 1};
    for (const auto& x : c.actions->actions) {
        std::string deadline = x.status == model::ActionStatus::dropped ? dropped_text(x) : "-";
        if (const rules::Deadline* d = deadline_of(deadlines, x)) deadline = status_and_note(*d);
        t.rows.push_back(
            {x.ref, x.owner, format_date(x.due), std::string(model::action_status_name(x.status)), deadline});
        t.notes.push_back({"recommendation: " + x.recommendation});
    }
    for (const auto& lines : render_table(t, ctx.table_width())) ctx.out << lines;
    print_history(ctx, *c.actions);
}

void run_actions(Context& ctx, const ActionsArgs& a) {
    refuse_excel_unless_csv(ctx);
    if (a.add && a.update) throw Error("give --add or --update, not both", {.field = "--add"});
    if (!a.add && !a.update) {
        if (a.owner || a.due || a.status || a.completed || a.evidence || a.reason)
            throw Error("say which action: --update REF, or --add TEXT for a new one", {.field = "--update"});
        // A read, as show is: no lock, so a writer busy with the case does not hold it up.
        const auto folder = ctx.open_folder();
        store::Diagnostics strict;
        return print_actions(ctx, folder, store::load_case(folder, a.id, strict));
    }
    CaseChange change(ctx, a.id);
    const auto& folder = change.folder();
    model::Case& c = change.after();
    if (!c.actions) c.actions = model::Actions{c.id, {}, {}};
    refuse_refs_past_limit(folder, *c.actions);
    if (a.add) add_action(*c.actions, a);
    else update_action(*c.actions, a, ctx.today());
    const std::string ref = a.add ? c.actions->actions.back().ref : *a.update;
    const auto& x = *std::find_if(c.actions->actions.begin(), c.actions->actions.end(),
                                  [&](const auto& y) { return y.ref == ref; });
    change.save(store::kActionsFile, store::format_actions(*c.actions),
                "actions " + c.id + ": " + ref +
                    (a.add ? " added" : " " + std::string(model::action_status_name(x.status))));
    print_actions(ctx, folder, c);
}

}  // namespace

void setup_actions(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<ActionsArgs>();
    sub.add_option("ID", a->id, "The case, e.g. NDSCP-2025-001")->required();
    sub.add_option("--add", a->add, "A new action: the recommendation it carries out");
    sub.add_option("--update", a->update, "The action to change, e.g. R1");
    sub.add_option("--owner", a->owner, "The agency responsible");
    sub.add_option("--due", a->due, "When it is due, YYYY-MM-DD");
    sub.add_option("--status", a->status, model::either<model::ActionStatus>());
    sub.add_option("--completed", a->completed, "When it was done, YYYY-MM-DD");
    sub.add_option("--evidence", a->evidence, "The evidence that it was done");
    sub.add_option("--reason", a->reason,
                   "Why the due date moves or the action is dropped (required for both; kept in its history)");
    sub.add_flag("--show-names", ctx.show_names, "Show the recorded reasons (free text; hidden by default)");
    add_commit_flag(sub, ctx);
    add_wide_flag(sub, ctx);
    add_excel_flag(sub, ctx);
    add_examples(sub, R"(  cspr actions NDSCP-2025-001
  cspr actions NDSCP-2025-001 --format json | jq '.actions[] | select(.deadline.status == "overdue")'
  cspr actions NDSCP-2025-001 --add "Agree an escalation protocol between health visiting and schools" \
      --owner "Northdale Integrated Care Board" --due 2026-01-31
  cspr actions NDSCP-2025-001 --update R1 --status done --completed 2026-01-20 --evidence "Protocol signed off"
  cspr actions NDSCP-2025-001 --update R2 --due 2026-06-30 --reason "Training provider changed; agreed by the board"
  cspr actions NDSCP-2025-001 --update R3 --status dropped --reason "Superseded by the regional protocol")");
    sub.callback([&ctx, a] { run_actions(ctx, *a); });
}

}  // namespace cspr::cli
