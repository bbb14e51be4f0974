// cspr list: every case, its step and its next open deadline.
#include "app.hpp"

namespace cspr::cli {

namespace {

void run_list(Context& ctx) {
    const auto folder = ctx.open_folder();
    const auto cal = ctx.calendar(folder.config.region);
    const auto today = ctx.today();
    std::vector<std::vector<std::string>> rows = {{"CASE", "STEP", "NEXT DEADLINE", "RULE", "STATUS"}};
    for (const auto& loaded : store::load_cases(folder, store::list_case_ids(folder), store::Diagnostics::Mode::strict)) {
        const auto& c = loaded.value;
        const auto& id = c.id;
        const auto deadlines = rules::case_deadlines(c, folder.config, cal, today);
        auto next = std::find_if(deadlines.begin(), deadlines.end(), [](const rules::Deadline& d) {
            return d.status == rules::Status::pending || d.status == rules::Status::overdue;
        });
        if (next == deadlines.end())  // nothing running: say what is waiting, and why
            next = std::find_if(deadlines.begin(), deadlines.end(), [](const rules::Deadline& d) { return d.status == rules::Status::paused; });
        if (next == deadlines.end()) rows.push_back({id, std::string(model::current_step(c)), "-", "-", "-"});
        else rows.push_back({id, std::string(model::current_step(c)), due_text(*next),
                             std::string(next->rule->id) + (next->subject.empty() ? "" : " (" + next->subject + ")"),
                             status_and_note(*next)});
    }
    if (rows.size() == 1) {
        ctx.out << "no cases yet (cspr refer records the first)\n";
        return;
    }
    ctx.out << format_table(rows);
}

}  // namespace

void setup_list(CLI::App& sub, Context& ctx) {
    add_examples(sub, R"(  cspr list
  cspr --as-of 2025-03-12 list

Cases are named by ID only. The next deadline is the earliest one not yet met.)");
    sub.callback([&ctx] { run_list(ctx); });
}

}  // namespace cspr::cli
