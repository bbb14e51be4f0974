// The cases a report over the whole folder covers (deadlines, list). The nightly check is mailed
// to people who act on it: one unreadable file must not hide every other case's overdue deadlines
// (issue 13, first-use 33), so a bad case is left out and named, and the rest are reported.
#include <fmt/format.h>

#include <algorithm>

#include "app.hpp"

namespace cspr::cli {

namespace {

// One line per bad file, as validate prints it (validate lists every problem of the file).
void name_bad_files(const Context& ctx, const std::vector<Error>& problems) {
    std::vector<std::string> named;
    for (const auto& e : problems) {
        const std::string& file = e.where().file;
        if (!file.empty() && std::find(named.begin(), named.end(), file) != named.end()) continue;
        named.push_back(file);
        ctx.err << "cspr: " << e.what() << "\n";
    }
}

}  // namespace

std::vector<CaseReport> report_cases(Context& ctx, const store::CaseFolder& folder, const std::vector<std::string>& ids,
                                     const calendar::Calendar& cal) {
    const calendar::Date today = ctx.today();  // a bad --as-of is a usage error, not a bad case
    std::vector<CaseReport> out;
    std::vector<std::string> left_out;
    for (auto& loaded : store::load_cases(folder, ids, store::Diagnostics::Mode::collect)) {
        std::vector<Error> problems = std::move(loaded.problems);
        if (problems.empty()) {
            try {
                auto deadlines = rules::case_deadlines(loaded.value, folder.config, cal, today);
                out.push_back({std::move(loaded.value), std::move(deadlines)});
                continue;
            } catch (const Error& e) {
                problems.push_back(e);  // a date the calendar cannot count from
            }
        }
        name_bad_files(ctx, problems);
        left_out.push_back(loaded.value.id);
    }
    if (!left_out.empty()) {
        std::string list;
        for (const auto& id : left_out) list += (list.empty() ? "" : ", ") + id;
        ctx.err << fmt::format("cspr: left out of this report: {} (every other case is in it; 'cspr validate' lists "
                               "every problem)\n",
                               list);
        ctx.exit_code = kExitError;
    }
    return out;
}

}  // namespace cspr::cli
