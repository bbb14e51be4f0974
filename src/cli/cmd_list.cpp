// cspr list: every case, its step and its next open deadline.
#include "app.hpp"
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

// The table fits the terminal: STATUS and RULE wrap; beneath a row, the deadline's note and the
// command to run next.
void run_list(Context& ctx) {
    const auto folder = ctx.open_folder();
    const auto cal = ctx.calendar(folder.config.region);
    Table t{.rows = {{"CASE", "STEP", "NEXT DEADLINE", "STATUS", "RULE"}},
            .flexible = {{2, 14}, {3, 12}, {4, 12}},
            .note_indent = 2};
    // A case with a file that cannot be read is named on stderr and left out (exit 2); the rest are listed.
    for (const auto& report : report_cases(ctx, folder, store::list_case_ids(folder), cal)) {
        const auto& c = report.value;
        const rules::Deadline* next = next_deadline(report.deadlines);
        auto& notes = t.notes.emplace_back();
        if (next && !next->note.empty()) notes.push_back(next->note);
        if (const auto to_do = next_step(c)) notes.push_back("next: " + to_do->command);
        if (next == nullptr) t.rows.push_back({c.id, std::string(model::current_step(c)), "-", "-", "-"});
        else
            t.rows.push_back({c.id, std::string(model::current_step(c)), due_text(*next), status_text(*next),
                              std::string(next->rule->id) + (next->subject.empty() ? "" : " (" + next->subject + ")")});
    }
    if (t.rows.size() == 1 && ctx.exit_code == kExitOk) {
        ctx.out << "no cases yet (cspr refer records the first)\n";
        return;
    }
    for (const auto& lines : render_table(t, ctx.table_width())) ctx.out << lines;
}

}  // namespace

void setup_list(CLI::App& sub, Context& ctx) {
    add_examples(sub, R"(  cspr list
  cspr --as-of 2025-03-12 list

Cases are named by ID only. The next deadline is the earliest one not yet met; beneath each case,
its note and the command to run next. On a terminal the table fits its width (--wide: one line a row). A case with a file
cspr cannot read is left out and named on stderr (one line per bad file), and the exit code is 2;
every other case is listed.)");
    add_wide_flag(sub, ctx);
    sub.callback([&ctx] { run_list(ctx); });
}

}  // namespace cspr::cli
