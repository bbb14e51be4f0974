// cspr validate: every problem in the case folder, one line each as path:line: field: message.
#include <memory>

#include <fmt/format.h>

#include "app.hpp"

namespace cspr::cli {

namespace {

void print_problem(Context& ctx, const Error& e) { ctx.out << e.what() << "\n"; }

// cspr.yaml that cannot be read (over the size limit, say) is a finding like any other file's, so
// that validate answers 1 for every bad file; the cases are then checked with the default settings.
model::Config read_config(const store::fs::path& path, store::Diagnostics& problems) {
    std::string text;
    try {
        text = store::read_file(path);
    } catch (const Error& e) {
        problems.report(e);
        return {};
    }
    return store::parse_config(text, path.string(), problems);
}

// The calendar the deadlines are counted on; a bank-holiday feed imported into the folder that cannot
// be read is a finding, and the deadlines are then not counted.
std::optional<calendar::Calendar> calendar_or_problem(Context& ctx, const store::CaseFolder& folder,
                                                      std::size_t& count) {
    try {
        return ctx.calendar(folder.config.region);
    } catch (const Error& e) {
        print_problem(ctx, e), ++count;
        return std::nullopt;
    }
}

// Every deadline of a case must be countable: a date that puts one outside the calendar would stop
// `cspr deadlines` (exit 2), so validate reports it first. A step met late needs a reason.
void check_deadlines(Context& ctx, const store::CaseFolder& folder, const model::Case& c, const calendar::Calendar& cal,
                     std::size_t& count) {
    try {
        const auto deadlines = rules::case_deadlines(c, folder.config, cal, ctx.today());
        for (const auto& e : locate_problems(folder, c.id, rules::lateness_problems(c, deadlines)))
            print_problem(ctx, e), ++count;
    } catch (const Error& e) {
        print_problem(ctx, e), ++count;
    }
}

// Links under cases/ (never followed, so their cases are not read) and modes more open than
// cspr.yaml's permissions, as a git clone leaves them.
std::vector<Error> path_problem_errors(const store::CaseFolder& folder) {
    std::vector<Error> out;
    for (const auto& p : store::path_problems(folder)) {
        const std::string message = p.kind == store::PathProblem::Kind::link
                                        ? std::string(store::kLinkRefused)
                                        : fmt::format("mode {:03o} is more open than cspr.yaml's permissions allow "
                                                      "({:03o}); 'cspr doctor --fix' tightens it",
                                                      static_cast<unsigned>(p.mode), static_cast<unsigned>(p.allowed));
        out.emplace_back(message, Location{p.path.string(), 0, ""});
    }
    return out;
}

void run_validate(Context& ctx, const std::vector<std::string>& wanted) {
    const auto root = ctx.require_case_folder();
    store::Diagnostics config_problems(store::Diagnostics::Mode::collect);
    const auto config_path = root / store::kCaseFolderMarker;
    store::CaseFolder folder{root, read_config(config_path, config_problems)};
    std::size_t count = config_problems.problems().size();
    for (const auto& e : config_problems.problems()) print_problem(ctx, e);
    for (const auto& e : misspelt_keys(config_problems.unknown_keys())) print_problem(ctx, e), ++count;
    for (const auto& e : locate_problems(folder, "", rules::check_config(folder.config)))
        print_problem(ctx, e), ++count;

    if (wanted.empty()) {
        for (const auto& path : store::leftover_temporary_files(folder))
            print_problem(ctx, Error("a temporary file left by an interrupted write; 'cspr doctor' removes it",
                                     {path.string(), 0, ""})),
                ++count;
        for (const auto& path : store::cases_without_referral(folder))
            print_problem(ctx, Error("a case folder with no referral.yaml (an interrupted refer?); 'cspr doctor' "
                                     "removes it if it is empty",
                                     {path.string(), 0, ""})),
                ++count;
        for (const auto& e : path_problem_errors(folder)) print_problem(ctx, e), ++count;
        for (const auto& e : store::case_id_problems(folder)) print_problem(ctx, e), ++count;  // every refer reads it
    }
    const auto cal = calendar_or_problem(ctx, folder, count);
    const auto ids = wanted.empty() ? store::list_case_ids(folder) : wanted;
    for (const auto& loaded : store::load_cases(folder, ids, store::Diagnostics::Mode::collect)) {
        for (const auto& e : loaded.problems) print_problem(ctx, e);
        count += loaded.problems.size();
        for (const auto& e : misspelt_keys(loaded.unknown_keys))
            print_problem(ctx, e), ++count;      // kept, but never read
        if (!loaded.problems.empty()) continue;  // cross-file rules need files that read cleanly
        auto found = rules::check_case(loaded.value);
        for (auto& p : rules::check_case_in_folder(loaded.value, folder.config)) found.push_back(std::move(p));
        const auto problems = locate_problems(folder, loaded.value.id, found);
        for (const auto& e : problems) print_problem(ctx, e), ++count;
        if (problems.empty() && cal) check_deadlines(ctx, folder, loaded.value, *cal, count);
        // Notes are for the reader and do not fail the check: a divergence that needs explaining.
        for (const auto& e : locate_problems(folder, loaded.value.id, rules::case_notes(loaded.value)))
            ctx.out << "note: " << e.what() << "\n";
    }
    ctx.err << "validate: " << ids.size() << (ids.size() == 1 ? " case, " : " cases, ") << count
            << (count == 1 ? " problem" : " problems") << "\n";
    if (count > 0) ctx.exit_code = kExitNo;
}

}  // namespace

void setup_validate(CLI::App& sub, Context& ctx) {
    auto ids = std::make_shared<std::vector<std::string>>();
    sub.add_option("ID", *ids, "Cases to check (default: all)");
    add_examples(sub, R"(  cspr validate
  cspr validate NDSCP-2025-001 NDSCP-2025-002

Prints every problem as path:line: field: message, and exits 1 if there is any: each file that
cannot be read (cspr.yaml and an imported bank-holiday feed included), each broken rule, and each
deadline that cannot be counted on the calendar (named by case and rule), and each unknown key one
or two edits from a key cspr knows there (a typo such as confirmed_in_writng, kept but never read;
any other unknown key is kept silently). Lines starting "note:"
are for the reader and do not count: a decision that differs from the rapid review's recommended
route, or was made with no rapid review. Without IDs, also: what an interrupted write left (never
the files of a write still in progress), each symbolic link under cases/ (never followed), and each
file or folder there more open than cspr.yaml's permissions, as a git clone leaves them
('cspr doctor --fix' tightens them).)");
    sub.callback([&ctx, ids] { run_validate(ctx, *ids); });
}

}  // namespace cspr::cli
