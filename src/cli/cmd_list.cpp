// cspr list: every case, its step and its next open deadline.
#include "app.hpp"
#include "json_writer.hpp"
#include "next_step.hpp"

namespace cspr::cli {

namespace {

// The deadline a case waits on: the earliest open one, else a paused one (and why), else none.
const rules::Deadline* next_deadline(const std::vector<rules::Deadline>& deadlines) {
    auto next = std::find_if(deadlines.begin(), deadlines.end(), [](const rules::Deadline& d) {
        return d.status == rules::Status::pending || d.status == rules::Status::overdue;
    });
    if (next == deadlines.end())
        next = std::find_if(deadlines.begin(), deadlines.end(),
                            [](const rules::Deadline& d) { return d.status == rules::Status::paused; });
    return next == deadlines.end() ? nullptr : &*next;
}

// One case as list reports it: its step, the deadline it waits on and the command to run next.
struct Line {
    std::string id;
    std::string step;
    std::optional<rules::Deadline> next;
    std::optional<NextStep> to_do;
};

void print_json(Context& ctx, const store::CaseFolder& folder, const std::vector<Line>& lines) {
    Json cases = Json::array();
    for (const Line& l : lines) {
        Json next;
        if (l.next) {
            const auto& d = *l.next;
            next = Json::object()
                       .add("rule", d.rule->id)
                       .add("subject", json_text_or_null(d.subject))
                       .add("due", json_date(d.due))
                       .add("due_time", d.due_time ? Json(calendar::format_london_datetime(*d.due_time)) : Json())
                       .add("working_days_left", d.working_days_left)
                       .add("status", status_token(d))
                       .add("paused", json_text_or_null(d.paused))
                       .add("late", d.late)
                       .add("note", json_text_or_null(d.note));
        }
        cases.push(Json::object()
                       .add("case", l.id)
                       .add("step", l.step)
                       .add("next_deadline", std::move(next))
                       .add("next_command", l.to_do ? Json(l.to_do->command) : Json()));
    }
    ctx.out << report_document("cspr-list", 1, ctx.today())
                   .add("partnership", folder.config.code)
                   .add("cases", std::move(cases))
                   .dump();
}

void print_csv(Context& ctx, const std::vector<Line>& lines) {
    ctx.out << csv_start(ctx) << "case,step,due,working_days_left,status,rule,subject,note,next_command\n";
    for (const Line& l : lines) {
        ctx.out << csv_field(l.id) << "," << csv_field(l.step) << ",";
        if (l.next)
            ctx.out << due_iso(*l.next) << "," << l.next->working_days_left << "," << status_token(*l.next) << ","
                    << csv_field(std::string(l.next->rule->id)) << "," << csv_field(l.next->subject) << ","
                    << csv_field(l.next->note) << ",";
        else ctx.out << ",,,,,,";
        ctx.out << csv_field(l.to_do ? l.to_do->command : "") << "\n";
    }
}

// The table fits the terminal: STATUS and RULE wrap; beneath a row, the deadline's note and the
// command to run next.
void print_table(Context& ctx, const std::vector<Line>& lines) {
    Table t{.rows = {{"CASE", "STEP", "NEXT DEADLINE", "STATUS", "RULE"}},
            .flexible = {{2, 14}, {3, 12}, {4, 12}},
            .note_indent = 2};
    for (const Line& l : lines) {
        auto& notes = t.notes.emplace_back();
        if (l.next && !l.next->note.empty()) notes.push_back(l.next->note);
        if (l.to_do) notes.push_back("next: " + l.to_do->command);
        if (!l.next) t.rows.push_back({l.id, l.step, "-", "-", "-"});
        else
            t.rows.push_back(
                {l.id, l.step, due_text(*l.next), status_text(*l.next),
                 std::string(l.next->rule->id) + (l.next->subject.empty() ? "" : " (" + l.next->subject + ")")});
    }
    for (const auto& text : render_table(t, ctx.table_width())) ctx.out << text;
}

void run_list(Context& ctx) {
    refuse_excel_unless_csv(ctx);
    const auto folder = ctx.open_folder();
    const auto cal = ctx.calendar(folder.config.region);
    std::vector<Line> lines;
    // A case with a file that cannot be read is named on stderr and left out (exit 2); the rest are listed.
    for (const auto& report : report_cases(ctx, folder, store::list_case_ids(folder), cal)) {
        const rules::Deadline* next = next_deadline(report.deadlines);
        lines.push_back({report.value.id, std::string(model::current_step(report.value)),
                         next ? std::optional(*next) : std::nullopt, next_step(report.value)});
    }
    if (ctx.format() == "json") return print_json(ctx, folder, lines);
    if (ctx.format() == "csv") return print_csv(ctx, lines);
    if (lines.empty() && ctx.exit_code == kExitOk) {
        ctx.out << "no cases yet (cspr refer records the first)\n";
        return;
    }
    print_table(ctx, lines);
}

}  // namespace

void setup_list(CLI::App& sub, Context& ctx) {
    add_examples(sub, R"(  cspr list
  cspr --as-of 2025-03-12 list
  cspr list --format json | jq -r '.cases[] | select(.next_deadline.status == "overdue") | .case'

Cases are named by ID only. The next deadline is the earliest one not yet met; beneath each case,
its note and the command to run next. On a terminal the table fits its width (--wide: one line a row). A case with a file
cspr cannot read is left out and named on stderr (one line per bad file), and the exit code is 2;
every other case is listed.)");
    add_wide_flag(sub, ctx);
    add_excel_flag(sub, ctx);
    sub.callback([&ctx] { run_list(ctx); });
}

}  // namespace cspr::cli
