// Shared by the subcommand files: the context a command runs in and the table of commands.
#pragma once

#include <CLI/CLI.hpp>

#include <array>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"
#include "cspr/cli.hpp"
#include "cspr/error.hpp"
#include "cspr/rules.hpp"
#include "cspr/store.hpp"

namespace cspr::cli {

// Options that every subcommand accepts, before or after its name.
struct GlobalOptions {
    std::optional<std::string> cases;
    std::optional<std::string> as_of;
    std::optional<std::string> format;
    bool no_pager = false;  // acted on before the run (main.cpp, pager_for); declared here for --help
};

struct Context {
    std::ostream& out;
    std::ostream& err;
    const Environment& env;
    GlobalOptions global;
    int exit_code = kExitOk;
    bool commit = false;         // --commit on a writing command
    bool show_names = false;     // --show-names: read only through personal() and shows_personal()
    bool excel = false;          // --excel: CSV starts with a byte-order mark, for Excel
    std::string checked_format;  // --format or the command's default, once checked against its row
    bool wide = false;           // --wide: a table as wide as its cells, with every column
    // Set by --edit while a form is checked: refuse_form_problems puts the problems here instead of
    // printing them, so that they can be written into the form (edit_form.cpp).
    std::vector<Error>* form_problems = nullptr;

    // The width a table should fit: none with --wide, else the terminal's (Environment::columns).
    std::size_t table_width() const { return wide ? 0 : env.columns; }

    // --as-of, else today in London.
    calendar::Date today() const;
    // The case folder if one is given or found; nullopt otherwise.
    std::optional<store::fs::path> case_folder() const;
    // The case folder, or an error saying how to name one.
    store::fs::path require_case_folder() const;
    // The calendar of `region` with any imported feed applied.
    calendar::Calendar calendar(calendar::Region region) const;
    // The case folder, opened (cspr.yaml read and checked).
    store::CaseFolder open_folder() const;
    // Holds a case's lock while it is read and rewritten.
    std::unique_ptr<store::FolderLock> lock_case(const store::CaseFolder& folder, const std::string& id) const;
    // Before a write: when a commit will be asked for, the folder must be in a git repository and
    // git must know who commits, so that nothing is written and then left uncommitted. Then takes
    // the repository's lock (and waits for git's index.lock), to be held until the commit is done:
    // cspr's writers never race for git's index. Null when no commit is asked for.
    [[nodiscard]] std::unique_ptr<store::FolderLock> require_commit_possible(const store::CaseFolder& folder) const;
    // Commits `files` when --commit was given or cspr.yaml says git.commit: true. When the commit
    // fails, puts the files back as `before` remembers them (and unstages them), then throws: exit 2
    // means nothing changed.
    void commit_if_asked(const store::CaseFolder& folder, const std::vector<store::fs::path>& files,
                         const std::string& message, const std::vector<store::FileBefore>& before = {}) const;
    // --format, already checked against the running command's row (or its default).
    const std::string& format() const;
};

// The --format values a command offers, its default first; none when it has one fixed output.
class Formats {
public:
    constexpr Formats() = default;
    constexpr Formats(std::initializer_list<std::string_view> names) {
        if (names.size() > names_.size()) throw std::logic_error("too many formats for one command");
        for (std::string_view n : names) names_[count_++] = n;
    }
    std::span<const std::string_view> list() const { return {names_.data(), count_}; }

private:
    std::array<std::string_view, 4> names_{};
    std::size_t count_ = 0;
};

// One row per subcommand, like git's commands[] and ninja's kTools[]: the single place a command is
// named, and the formats it prints. `setup` declares its options on `sub` and sets the callback that
// runs it; a command made of subcommands (calendar) names their table in `subcommands`, and each of
// them is set up after it, as a subcommand of it.
struct Command {
    std::string_view name;
    std::string_view summary;
    void (*setup)(CLI::App& sub, Context& ctx);
    Formats formats = {};
    std::span<const Command> (*subcommands)() = nullptr;
};
std::span<const Command> commands();
std::span<const Command> calendar_commands();  // cmd_calendar.cpp
std::span<const Command> subcommands_of(const Command& c);
// "'lsit' is not a cspr command; did you mean 'list'?": `word` among `rows`, the commands of
// `parent` ("" for the top level, "calendar" for its commands).
std::string unknown_command(const std::string& word, const std::string& parent, std::span<const Command> rows);
// "; did you mean 'within'?" when `typed` is a slip from one of `known`, else "" (suggest.cpp).
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& known);
// After CLI11 found arguments it did not expect: "unknown option '--withn' for deadlines; did you
// mean '--within'?" for the first word that looks like an option and is none of the command's (nor
// a global one); nullopt when every such word is known (suggest.cpp).
std::optional<std::string> unknown_option(const CLI::App& root, const std::vector<std::string>& args);
// The deepest command CLI11 parsed, and its name as the user typed it ("calendar add"; "" for none)
// (suggest.cpp).
std::pair<const CLI::App*, std::string> parsed_command(const CLI::App& root);
// A message's field named as the user typed the option: "--told panel" for "--sent panel" when the
// command line said --told (an alias), so that an error never names an option not typed (suggest.cpp).
std::string option_as_typed(const CLI::App& root, const std::vector<std::string>& args, const std::string& field);

void setup_calendar(CLI::App& sub, Context& ctx);
void setup_init(CLI::App& sub, Context& ctx);
void setup_refer(CLI::App& sub, Context& ctx);
void setup_notify(CLI::App& sub, Context& ctx);
void setup_list(CLI::App& sub, Context& ctx);
void setup_show(CLI::App& sub, Context& ctx);
void setup_validate(CLI::App& sub, Context& ctx);
void setup_rules(CLI::App& sub, Context& ctx);
void setup_deadlines(CLI::App& sub, Context& ctx);
void setup_stats(CLI::App& sub, Context& ctx);
void setup_dev_generate(CLI::App& sub, Context& ctx);
void setup_dev_fields(CLI::App& sub, Context& ctx);
void setup_doctor(CLI::App& sub, Context& ctx);
void setup_rapid_review(CLI::App& sub, Context& ctx);
void setup_decide(CLI::App& sub, Context& ctx);
void setup_publish_check(CLI::App& sub, Context& ctx);
void setup_actions(CLI::App& sub, Context& ctx);
void setup_late(CLI::App& sub, Context& ctx);
void setup_help(CLI::App& sub, Context& ctx);
void setup_dev_docs(CLI::App& sub, Context& ctx);
void setup_panel_response(CLI::App& sub, Context& ctx);

// ---- Shared by several commands (output.cpp) ----

// --commit, for commands that write.
void add_commit_flag(CLI::App& sub, Context& ctx);
// --excel on a command that prints CSV; csv_start(ctx) is what its CSV starts with (a byte-order mark
// or nothing), and refuses --excel with another format.
void add_excel_flag(CLI::App& sub, Context& ctx);
// --wide on a command whose table fits the terminal by default (Context::table_width).
void add_wide_flag(CLI::App& sub, Context& ctx);
std::string csv_start(const Context& ctx);
void refuse_excel_unless_csv(const Context& ctx);
// "yes"/"no" → bool, or an error naming `what`.
bool require_yes_no(const std::string& text, std::string_view what);
// An option's value as one of an enumeration's spellings, or an error naming the option with them all.
template <model::Spelled Enum>
Enum option_choice(std::string_view value, std::string_view option) {
    if (const auto e = model::from_name<Enum>(value)) return *e;
    const auto names = model::Spelling<Enum>::names();
    throw Error("'" + std::string(value) + "' is not one of " + model::one_of<Enum>() +
                    did_you_mean(value, std::vector<std::string>(names.begin(), names.end())),
                {.field = std::string(option)});
}
// A JSON string literal (UTF-8 kept as it is; quotes, backslashes and controls escaped).
std::string json_string(std::string_view s);
// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text field (the
// default) that starts with = + - @, tab or CR gets a leading ' (no spreadsheet formula), and its
// control bytes are replaced as by terminal_safe; pass text = false for a number such as -5.
std::string csv_field(std::string_view s, bool text = true);
// Text from a case file made safe for a terminal: C0 controls, DEL and C1 controls (U+0080 to
// U+009F) each become '?'. format_table applies it to every cell.
std::string terminal_safe(std::string_view s);
// A fixed-width table: columns padded to their widest cell, two spaces apart, no trailing spaces.
std::string format_table(const std::vector<std::vector<std::string>>& rows);
// A table that can fit a terminal. When it is wider than the width asked for, the flexible columns
// give up width (the widest first, none below its min) and their cells wrap onto more lines, after
// spaces and hyphens. A row's notes (one list per row after the header) go on lines of their own
// beneath the row, from the start of column note_column plus note_indent, wrapped at spaces only.
struct Table {
    struct Flexible {
        std::size_t column;
        std::size_t min;
    };
    std::vector<std::vector<std::string>> rows;  // the header first
    std::vector<std::vector<std::string>> notes;
    std::vector<Flexible> flexible;
    std::size_t note_column = 0;
    std::size_t note_indent = 0;
};
// Each row's lines (each ending in a newline), the header first; width 0: no limit.
std::vector<std::string> render_table(const Table& table, std::size_t width);
// `text` in lines of at most `width` characters, broken after spaces (and hyphens when at_hyphens;
// a longer word is cut); width 0: one line.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width, bool at_hyphens);
// A date as people read it in a table or sentence: "Wed 2025-03-12".
std::string format_date(calendar::Date d);
// The due date of a deadline as people read it: "Tue 2025-03-11", or "Wed 2025-03-05 10:30" for hours.
std::string due_text(const rules::Deadline& d);
// The due date for machines (CSV): "2025-03-11", or "2025-03-05T10:30" for hours.
std::string due_iso(const rules::Deadline& d);
// How a deadline reads to someone planning their week, from the engine's status and the days left:
// "overdue", "due today", "due soon" (within `soon` working days), "met late", "running", ...
std::string_view listing_status(const rules::Deadline& d, int soon);
// A listing status as one token for machines (JSON, CSV, ICS): "met late" is met-late.
std::string token(std::string_view status);
// "met", "met late (2 working days)", "overdue (3 working days)", "5 working days left".
std::string status_text(const rules::Deadline& d);
// status_text, then the deadline's note when it has one: "met; met by the Panel's online form ...".
std::string status_and_note(const rules::Deadline& d);
// The deadlines of a case as a table (due, status, rule, subject, what).
void print_deadline_table(std::ostream& out, const std::vector<rules::Deadline>& deadlines);
// Personal text (a child's name and dates, free-text notes and reasons) reaches the output only
// through here: the value itself with --show-names, else nullopt, which each format prints as hidden
// (a placeholder, a line or a column left out). Escaping for the format is the caller's.
std::optional<std::string> personal(const Context& ctx, std::string_view value);
// Whether personal() shows values: only for a format that has a column of them (a header printed
// even when there is no row to ask), to decide whether the column is there at all.
bool shows_personal(const Context& ctx);

// ---- Forms given to --from (forms.cpp) ----

// A form read whole, its problems collected as validate collects them (store::Diagnostics in
// collect mode) instead of stopping at the first: pass `problems` to the store's parse_* function.
struct Form {
    std::string path;
    std::string text;
    std::string_view blank;  // the command's --template output, whose leftovers the form must not hold
    store::Diagnostics problems{store::Diagnostics::Mode::collect};
};
Form read_form(const std::string& path, std::string_view blank);
// --edit: opens forms/NAME.yaml under `folder_root` (started from `blank`, or as an earlier edit left
// it) in $VISUAL, $EDITOR or vi, as git commit does; when the editor exits, `record` is given the
// form's path, as --from would be. The form's problems go at its top as comments and the editor
// opens again; a form saved unchanged (kept) or empty (removed) stops with nothing recorded. Once
// recorded, the form is removed: the case file holds what it said.
void edit_form(Context& ctx, const store::fs::path& folder_root, const std::string& name, std::string_view blank,
               const std::function<void(const std::string&)>& record);
// The form --edit starts from: with --amend, the case's recorded file of `kind` as a form
// (store::record_form), so that only what changes is typed; otherwise, or with nothing recorded, `blank`.
std::string starting_form(Context& ctx, const std::string& case_id, std::string_view kind, bool amend,
                          std::string_view blank);
// A command's --edit: refuses --from beside it, then edit_form records with `run`, given the
// command's arguments with --from set to the form, so options given with --edit still override it.
template <class Args>
void edit_then_run(Context& ctx, const std::string& name, std::string_view blank, const Args& a,
                   void (*run)(Context&, const Args&)) {
    if (a.from) throw Error("give --edit or --from, not both", {.field = "--edit"});
    edit_form(ctx, ctx.open_folder().root, name, blank, [&](const std::string& path) {
        Args with_form = a;
        with_form.from = path;
        run(ctx, with_form);
    });
}
// Before recording `writing_file` from a form: every problem at once, each located in the form as
// form.yaml:LINE: field: message (what does not read, the template's leftovers, misspelt keys, and
// the cross-field problems of the record as it would be written). When there is any, each is
// written to ctx.err and the command fails (exit 2) having written nothing. `recorded` is the case as
// on disk (null for a case not yet written), as for refuse_case_problems (case_change.hpp).
void refuse_form_problems(const Context& ctx, const Form& form, const model::Case* recorded, const model::Case& c,
                          std::string_view writing_file);
// An unknown key one or two edits from a key its mapping knows is most likely a typo
// (`confirmed_in_writng:`): a problem naming the key meant. Any other unknown key is kept silently.
std::vector<Error> misspelt_keys(const std::vector<store::Diagnostics::UnknownKey>& unknown);

// ---- Reports over every case: deadlines, list (case_reports.cpp) ----

struct CaseReport {
    model::Case value;
    std::vector<rules::Deadline> deadlines;
};
// The cases of `ids` with their deadlines as of today. One bad file does not blind the report: a case
// with a file that cannot be read (or a deadline that cannot be counted) is left out, each such file
// named on ctx.err in one line, and the exit code set to 2; every other case is reported as usual.
std::vector<CaseReport> report_cases(Context& ctx, const store::CaseFolder& folder, const std::vector<std::string>& ids,
                                     const calendar::Calendar& cal);
// "NAME=VALUE" split at the first '=', or an error naming `option` and showing `example`.
std::pair<std::string, std::string> split_assignment(const std::string& text, std::string_view option,
                                                     std::string_view example);
// Problems found by rules::check_case as one-line errors, with paths and lines.
std::vector<Error> locate_problems(const store::CaseFolder& folder, const std::string& case_id,
                                   const std::vector<rules::Problem>& problems);

// A rule's figure as the table gives it ("5 working days"), for help texts written before any folder
// is open: the help never restates a timescale ('cspr rules' shows a folder's own).
std::string table_timescale(std::string_view rule_id);

// Adds "Examples:" to a command's --help.
void add_examples(CLI::App& sub, std::string_view examples);

}  // namespace cspr::cli
