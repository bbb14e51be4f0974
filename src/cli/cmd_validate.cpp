// cspr validate: every problem in the case folder, one line each as path:line: field: message.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "app.hpp"
#include "json_writer.hpp"

namespace cspr::cli {

namespace {

// What validate found, in the order it found it: problems, and notes for the reader (which do not fail
// the check). Printed once at the end, in the format asked for.
struct Finding {
    Error error;
    bool note = false;
};
using Findings = std::vector<Finding>;

// Each of the functions below adds to the findings of the run.
void add_problem(Findings& found, const Error& e) { found.push_back({e, false}); }

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
std::optional<calendar::Calendar> calendar_or_problem(Context& ctx, const store::CaseFolder& folder, Findings& found) {
    try {
        return ctx.calendar(folder.config.region);
    } catch (const Error& e) {
        add_problem(found, e);
        return std::nullopt;
    }
}

// Every deadline of a case must be countable: a date that puts one outside the calendar would stop
// `cspr deadlines` (exit 2), so validate reports it first. A step met late needs a reason.
void check_deadlines(Context& ctx, const store::CaseFolder& folder, const model::Case& c, const calendar::Calendar& cal,
                     Findings& found) {
    try {
        const auto deadlines = rules::case_deadlines(c, folder.config, cal, ctx.today());
        for (const auto& e : locate_problems(folder, c.id, rules::lateness_problems(c, deadlines)))
            add_problem(found, e);
    } catch (const Error& e) {
        add_problem(found, e);
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

// A case folder's own findings, before its cases: cspr.yaml, and without IDs what an interrupted write
// left, links, modes, and cases/ids.yaml.
void check_folder(const store::CaseFolder& folder, const store::Diagnostics& config_problems, bool every_case,
                  Findings& found) {
    for (const auto& e : config_problems.problems()) add_problem(found, e);
    for (const auto& e : misspelt_keys(config_problems.unknown_keys())) add_problem(found, e);
    for (const auto& e : locate_problems(folder, "", rules::check_config(folder.config))) add_problem(found, e);
    if (!every_case) return;
    for (const auto& path : store::leftover_temporary_files(folder))
        add_problem(found, Error("a temporary file left by an interrupted write; 'cspr doctor' removes it",
                                 {path.string(), 0, ""}));
    for (const auto& path : store::cases_without_referral(folder))
        add_problem(found, Error("a case folder with no referral.yaml (an interrupted refer?); 'cspr doctor' "
                                 "removes it if it is empty",
                                 {path.string(), 0, ""}));
    for (const auto& e : path_problem_errors(folder)) add_problem(found, e);
    for (const auto& e : store::case_id_problems(folder)) add_problem(found, e);  // every refer reads it
}

void check_cases(Context& ctx, const store::CaseFolder& folder, const std::vector<std::string>& ids,
                 const std::optional<calendar::Calendar>& cal, Findings& found) {
    for (const auto& loaded : store::load_cases(folder, ids, store::Diagnostics::Mode::collect)) {
        for (const auto& e : loaded.problems) add_problem(found, e);
        for (const auto& e : misspelt_keys(loaded.unknown_keys)) add_problem(found, e);  // kept, but never read
        if (!loaded.problems.empty()) continue;  // cross-file rules need files that read cleanly
        auto broken = rules::check_case(loaded.value);
        for (auto& p : rules::check_case_in_folder(loaded.value, folder.config)) broken.push_back(std::move(p));
        const auto problems = locate_problems(folder, loaded.value.id, broken);
        for (const auto& e : problems) add_problem(found, e);
        if (problems.empty() && cal) check_deadlines(ctx, folder, loaded.value, *cal, found);
        // Notes are for the reader and do not fail the check: a divergence that needs explaining.
        for (const auto& e : locate_problems(folder, loaded.value.id, rules::case_notes(loaded.value)))
            found.push_back({e, true});
    }
}

constexpr int kValidateFormatVersion = 1;

Json finding_json(const Error& e) {
    const Location& at = e.where();
    return Json::object()
        .add("file", json_text_or_null(at.file))
        .add("line", at.line > 0 ? Json(at.line) : Json())
        .add("field", json_text_or_null(at.field.empty() ? "" : counted_from_one(at.field)))
        .add("message", e.message());
}

void print_findings(Context& ctx, const Findings& found, std::size_t cases, std::size_t problems) {
    const auto& format = ctx.format();
    if (format == "json") {
        Json listed = Json::array(), notes = Json::array();
        for (const auto& f : found) (f.note ? notes : listed).push(finding_json(f.error));
        Json doc = report_document("cspr-validate", kValidateFormatVersion, ctx.today());
        doc.add("problems", std::move(listed)).add("notes", std::move(notes));
        doc.add("counts",
                Json::object().add("cases", cases).add("problems", problems).add("notes", found.size() - problems));
        ctx.out << doc.dump();
    } else if (format == "csv") {
        ctx.out << csv_start(ctx) << "kind,file,line,field,message\n";
        for (const auto& f : found) {
            const Location& at = f.error.where();
            ctx.out << (f.note ? "note," : "problem,") << csv_field(at.file) << ","
                    << (at.line > 0 ? std::to_string(at.line) : "") << ","
                    << csv_field(at.field.empty() ? "" : counted_from_one(at.field)) << ","
                    << csv_field(f.error.message()) << "\n";
        }
    } else {
        for (const auto& f : found) ctx.out << (f.note ? "note: " : "") << f.error.what() << "\n";
    }
}

void run_validate(Context& ctx, const std::vector<std::string>& wanted) {
    refuse_excel_unless_csv(ctx);
    const auto root = ctx.require_case_folder();
    store::Diagnostics config_problems(store::Diagnostics::Mode::collect);
    const auto config_path = root / store::kCaseFolderMarker;
    store::CaseFolder folder{root, read_config(config_path, config_problems)};
    Findings found;
    check_folder(folder, config_problems, wanted.empty(), found);
    const auto cal = calendar_or_problem(ctx, folder, found);
    const auto ids = wanted.empty() ? store::list_case_ids(folder) : wanted;
    check_cases(ctx, folder, ids, cal, found);
    const auto count =
        static_cast<std::size_t>(std::count_if(found.begin(), found.end(), [](const Finding& f) { return !f.note; }));
    print_findings(ctx, found, ids.size(), count);
    ctx.err << "validate: " << ids.size() << (ids.size() == 1 ? " case, " : " cases, ") << count
            << (count == 1 ? " problem" : " problems") << "\n";
    if (count > 0) ctx.exit_code = kExitNo;
}

}  // namespace

void setup_validate(CLI::App& sub, Context& ctx) {
    auto ids = std::make_shared<std::vector<std::string>>();
    sub.add_option("ID", *ids, "Cases to check (default: all)");
    add_excel_flag(sub, ctx);
    add_examples(sub, R"(  cspr validate
  cspr validate NDSCP-2025-001 NDSCP-2025-002
  cspr validate --format json | jq -r '.problems[] | .file + ": " + .message'

Prints every problem as path:line: field: message, and exits 1 if there is any: each file that
cannot be read (cspr.yaml and an imported bank-holiday feed included), each broken rule, and each
deadline that cannot be counted on the calendar (named by case and rule), and each unknown key one
or two edits from a key cspr knows there (a typo such as confirmed_in_writng, kept but never read;
any other unknown key is kept silently). Lines starting "note:"
are for the reader and do not count: a decision that differs from the rapid review's recommended
route, or was made with no rapid review. Without IDs, also: what an interrupted write left (never
the files of a write still in progress), each symbolic link under cases/ (never followed), and each
file or folder there more open than cspr.yaml's permissions, as a git clone leaves them
('cspr doctor --fix' tightens them). --format json gives the problems and the notes as objects
(file, line, field, message; schemas/validate.schema.json), csv one row each; the exit code is the same.)");
    sub.callback([&ctx, ids] { run_validate(ctx, *ids); });
}

}  // namespace cspr::cli
