// cspr list: every case, its step and its next open deadline.
#include "app.hpp"
#include "next_step.hpp"

namespace cspr::cli {

namespace {

void run_list(Context& ctx) {
    const auto folder = ctx.open_folder();
    const auto cal = ctx.calendar(folder.config.region);
    std::vector<std::vector<std::string>> rows = {{"CASE", "STEP", "NEXT", "NEXT DEADLINE", "RULE", "STATUS"}};
    // A case with a file that cannot be read is named on stderr and left out (exit 2); the rest are listed.
    for (const auto& report : report_cases(ctx, folder, store::list_case_ids(folder), cal)) {
        const auto& c = report.value;
        const auto& id = c.id;
        const auto& deadlines = report.deadlines;
        auto next = std::find_if(deadlines.begin(), deadlines.end(), [](const rules::Deadline& d) {
            return d.status == rules::Status::pending || d.status == rules::Status::overdue;
        });
        if (next == deadlines.end())  // nothing running: say what is waiting, and why
            next = std::find_if(deadlines.begin(), deadlines.end(),
                                [](const rules::Deadline& d) { return d.status == rules::Status::paused; });
        const auto to_do = next_step(c);
        const std::string brief = to_do ? to_do->brief : "-";
        if (next == deadlines.end()) rows.push_back({id, std::string(model::current_step(c)), brief, "-", "-", "-"});
        else
            rows.push_back({id, std::string(model::current_step(c)), brief, due_text(*next),
                            std::string(next->rule->id) + (next->subject.empty() ? "" : " (" + next->subject + ")"),
                            status_and_note(*next)});
    }
    if (rows.size() == 1 && ctx.exit_code == kExitOk) {
        ctx.out << "no cases yet (cspr refer records the first)\n";
        return;
    }
    ctx.out << format_table(rows);
}

}  // namespace

void setup_list(CLI::App& sub, Context& ctx) {
    add_examples(sub, R"(  cspr list
  cspr --as-of 2025-03-12 list

Cases are named by ID only. The next deadline is the earliest one not yet met. A case with a file
cspr cannot read is left out and named on stderr (one line per bad file), and the exit code is 2;
every other case is listed.)");
    sub.callback([&ctx] { run_list(ctx); });
}

}  // namespace cspr::cli
