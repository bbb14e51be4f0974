// cspr actions: the actions arising from a review's recommendations, each with an owner agency, a due
// date, a status and evidence. An overdue action is an overdue deadline (rule action-due).
#include <fmt/format.h>

#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

struct ActionsArgs {
    std::string id;
    std::optional<std::string> add, update, owner, due, status, completed, evidence;
};

model::ActionStatus require_status(const std::string& text) {
    if (const auto s = model::action_status_from_name(text)) return *s;
    throw Error("'" + text + "' is not one of open, in-progress, done, dropped", {.field = "--status"});
}

std::string next_ref(const model::Actions& a) {
    int highest = 0;
    for (const auto& x : a.actions)
        if (x.ref.size() > 1 && x.ref[0] == 'R' && x.ref.find_first_not_of("0123456789", 1) == std::string::npos)
            highest = std::max(highest, std::stoi(x.ref.substr(1)));
    return "R" + std::to_string(highest + 1);
}

void add_action(model::Actions& list, const ActionsArgs& a) {
    if (!a.owner) throw Error("required with --add: the agency responsible", {.field = "--owner"});
    if (!a.due) throw Error("required with --add: when it is due, YYYY-MM-DD", {.field = "--due"});
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

void update_action(model::Actions& list, const ActionsArgs& a) {
    const auto it = std::find_if(list.actions.begin(), list.actions.end(), [&](const auto& x) { return x.ref == *a.update; });
    if (it == list.actions.end()) throw Error("no action " + *a.update + " in this case", {.field = "--update"});
    if (a.owner) it->owner = *a.owner;
    if (a.due) it->due = calendar::require_iso_date(*a.due, "--due");
    if (a.status) it->status = require_status(*a.status);
    if (a.completed) it->completed = calendar::require_iso_date(*a.completed, "--completed");
    if (a.evidence) it->evidence = *a.evidence;
}

void print_actions(Context& ctx, const store::CaseFolder& folder, const model::Case& c) {
    if (!c.actions || c.actions->actions.empty()) {
        ctx.out << c.id << ": no actions recorded\n";
        return;
    }
    const auto cal = ctx.calendar(folder.config.region);
    const auto deadlines = rules::case_deadlines(c, folder.config, cal, ctx.today());
    std::vector<std::vector<std::string>> rows = {{"REF", "OWNER", "DUE", "STATUS", "DEADLINE"}};
    for (const auto& x : c.actions->actions) {
        std::string deadline = "-";
        for (const auto& d : deadlines)
            if (d.rule->id == "action-due" && d.subject == x.ref + " " + x.owner) deadline = status_text(d);
        rows.push_back({x.ref, x.owner, calendar::format_iso_date(x.due), std::string(model::action_status_name(x.status)), deadline});
    }
    ctx.out << format_table(rows);
}

void run_actions(Context& ctx, const ActionsArgs& a) {
    if (a.add && a.update) throw Error("give --add or --update, not both", {.field = "--add"});
    const auto folder = ctx.open_folder();
    store::Diagnostics strict;
    const auto lock = ctx.lock_case(folder, a.id);  // read, change and write as one
    model::Case c = store::load_case(folder, a.id, strict);
    if (!a.add && !a.update) {
        if (a.owner || a.due || a.status || a.completed || a.evidence)
            throw Error("say which action: --update REF, or --add TEXT for a new one", {.field = "--update"});
        print_actions(ctx, folder, c);
        return;
    }
    if (!c.actions) c.actions = model::Actions{c.id, {}, {}};
    if (a.add) add_action(*c.actions, a);
    else update_action(*c.actions, a);
    const std::string ref = a.add ? c.actions->actions.back().ref : *a.update;
    const auto& x = *std::find_if(c.actions->actions.begin(), c.actions->actions.end(), [&](const auto& y) { return y.ref == ref; });
    save_step(ctx, folder, c, store::kActionsFile, store::format_actions(*c.actions),
              "actions " + c.id + ": " + ref + (a.add ? " added" : " " + std::string(model::action_status_name(x.status))));
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
    sub.add_option("--status", a->status, "open, in-progress, done or dropped");
    sub.add_option("--completed", a->completed, "When it was done, YYYY-MM-DD");
    sub.add_option("--evidence", a->evidence, "The evidence that it was done");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr actions NDSCP-2025-001
  cspr actions NDSCP-2025-001 --add "Agree an escalation protocol between health visiting and schools" \
      --owner "Northdale Integrated Care Board" --due 2026-01-31
  cspr actions NDSCP-2025-001 --update R1 --status done --completed 2026-01-20 --evidence "Protocol signed off")");
    sub.callback([&ctx, a] { run_actions(ctx, *a); });
}

}  // namespace cspr::cli
