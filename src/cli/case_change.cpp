// CaseChange, and the checks every write of a case passes: the case as it would be has no problem,
// and the engine can count all its deadlines.
#include "case_change.hpp"

#include <algorithm>

namespace cspr::cli {

namespace {

model::Case load_strictly(const store::CaseFolder& folder, const std::string& id) {
    store::Diagnostics strict;
    return store::load_case(folder, id, strict);
}

// The calendar the commands of `folder` count on: its region, with any imported feed (as
// Context::calendar gives it).
calendar::Calendar folder_calendar(const store::CaseFolder& folder) {
    const auto root = folder.root.empty() ? store::fs::path(".") : folder.root;
    return calendar::make_calendar(folder.config.region, store::load_holidays({root, store::user_data_folder()}));
}

}  // namespace

CaseChange::CaseChange(const Context& ctx, const std::string& id)
    : ctx_(ctx),
      folder_(ctx.open_folder()),
      lock_(ctx.lock_case(folder_, id)),  // read, change and write as one
      before_(load_strictly(folder_, id)),
      after_(before_) {}

store::fs::path CaseChange::save(std::string_view file, const std::string& content, const std::string& message,
                                 const std::function<std::string()>& report) {
    refuse_case_problems(folder_, &before_, after_, file, ctx_.today());
    const auto repository_lock = ctx_.require_commit_possible(folder_);  // held until committed
    const auto path = store::existing_case_path(folder_, after_.id) / std::string(file);
    const auto remembered = store::remember_files({path});
    const std::string text = report ? report() : std::string();
    store::write_case_file(folder_, path, content);
    ctx_.out << text;
    ctx_.commit_if_asked(folder_, {path}, message, remembered);
    return path;
}

std::vector<rules::Problem> case_problems(const model::Case* recorded, const model::Case& c,
                                          std::string_view writing_file, calendar::Date today) {
    auto problems = rules::check_case(c);
    // A fact this command records may not be dated after today. Facts already on disk are left
    // alone: --as-of may look at an earlier day than some of them.
    const auto already_recorded = recorded ? rules::future_facts(*recorded, today) : std::vector<rules::Problem>{};
    for (auto& p : rules::future_facts(c, today)) {
        const bool already =
            std::any_of(already_recorded.begin(), already_recorded.end(),
                        [&](const rules::Problem& r) { return r.field == p.field && r.message == p.message; });
        if (p.file == writing_file && !already) problems.push_back(std::move(p));
    }
    return problems;
}

void refuse_case_problems(const store::CaseFolder& folder, const model::Case* recorded, const model::Case& c,
                          std::string_view writing_file, calendar::Date today) {
    auto problems = case_problems(recorded, c, writing_file, today);
    for (auto& p : rules::check_case_in_folder(c, folder.config)) problems.push_back(std::move(p));
    if (problems.empty()) return refuse_uncountable_case(folder, c, writing_file, today);  // and every deadline counts
    const auto& first = problems.front();
    if (first.file == writing_file || c.id.empty()) throw Error(first.message, {.field = first.field});
    throw locate_problems(folder, c.id, {first}).front();
}

// A case whose deadlines the engine cannot count (a date past the calendar's end: 2205 typed for
// 2025) would stop `deadlines` and `list` for every case, and the command's own output after its
// write: refused before anything is written, naming the date's field where one is to blame.
void refuse_uncountable_case(const store::CaseFolder& folder, const model::Case& c, std::string_view writing_file,
                             calendar::Date today) {
    const auto cal = folder_calendar(folder);
    try {
        (void)rules::case_deadlines(c, folder.config, cal, today);
    } catch (const Error&) {
        auto outside = rules::outside_calendar(c, cal);
        std::stable_partition(outside.begin(), outside.end(), [&](const auto& p) { return p.file == writing_file; });
        if (outside.empty()) throw;  // a due date past the end, from a date inside it: the engine names the rule
        const auto& first = outside.front();
        if (first.file == writing_file || c.id.empty()) throw Error(first.message, {.field = first.field});
        throw locate_problems(folder, c.id, {first}).front();
    }
}

}  // namespace cspr::cli
