// The command table, global options, and the one place errors are caught and turned into exit codes.
#include "app.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <utility>
#include <vector>

#include "cspr/error.hpp"

namespace cspr::cli {

namespace {

// The formats of each row are the only record of what --format a command takes (checked in
// check_format, before the command runs); a row without any takes no --format.
constexpr Command kCommands[] = {
    {"init", "Create a case folder: cspr.yaml, schemas/ and cases/", setup_init},
    {"refer", "Record a referral; allocates the case ID", setup_refer},
    {"notify", "Record the notification decision and who was told when", setup_notify},
    {"rapid-review", "Record the rapid review: returns, meeting, findings, sign-off, sent to the Panel",
     setup_rapid_review},
    {"panel-response",
     "Record the Panel's response to the rapid review, its requests and the answers",
     setup_panel_response,
     {"table", "json"}},
    {"decide", "Record the partners' decision on a local review (--amend to change it)", setup_decide},
    {"publish-check", "May we publish on that date? Checks the report and the timescales; records publication",
     setup_publish_check},
    {"actions", "Add and update the actions arising from the review", setup_actions, {"table", "json", "csv"}},
    {"late",
     "Record why a late step was late (one reason per step), or list a case's late steps",
     setup_late,
     {"table", "json", "csv"}},
    {"deadlines",
     "Every open deadline of every case; exit 1 when something is overdue (the nightly check)",
     setup_deadlines,
     {"table", "json", "csv", "ics"}},
    {"stats", "Timeliness per year, as the Panel's annual report counts it", setup_stats, {"table", "json", "csv"}},
    {"list", "Every case with its step and next deadline", setup_list, {"table", "json", "csv"}},
    {"show", "One case: what is recorded, steps done, deadlines", setup_show, {"table", "json"}},
    {"validate",
     "Check every case file against the schemas and the cross-file rules",
     setup_validate,
     {"table", "json", "csv"}},
    {"rules", "The table of timescales, with sources", setup_rules, {"table", "json", "csv", "markdown"}},
    {"doctor", "Remove what an interrupted write left behind (temporary files, empty case folders)", setup_doctor},
    {"help", "The help of a command: cspr help deadlines, cspr help calendar add", setup_help},
    {"dev-generate", "", setup_dev_generate},
    {"dev-fields", "", setup_dev_fields},
    {"dev-docs", "", setup_dev_docs},
    {"calendar",
     "UK working-day calendar: holidays, add, between, is-working-day, import",
     setup_calendar,
     {},
     calendar_commands},
};

// From `from`, the first word that is neither an option nor an option's value (a command name), and
// where it is. `app` and the root know which options take a value.
std::optional<std::pair<std::string, std::size_t>> command_word(const std::vector<std::string>& args, std::size_t from,
                                                                const CLI::App& app) {
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return std::nullopt;
        if (!a.starts_with("-")) return std::pair{a, i};
        if (a.find('=') != std::string::npos) continue;
        const CLI::Option* o = app.get_option_no_throw(a);
        for (const CLI::App* up = app.get_parent(); o == nullptr && up != nullptr; up = up->get_parent())
            o = up->get_option_no_throw(a);
        if (o != nullptr && o->get_expected_min() > 0) ++i;  // its value is the next word
    }
    return std::nullopt;
}

}  // namespace

std::span<const Command> subcommands_of(const Command& c) {
    return c.subcommands ? c.subcommands() : std::span<const Command>{};
}

// "'lsit' is not a cspr command; did you mean 'list'?", for a command of `rows` under `parent`.
std::string unknown_command(const std::string& word, const std::string& parent, std::span<const Command> rows) {
    const Command* best = nullptr;
    std::size_t best_distance = 3;
    for (const Command& c : rows) {
        const std::size_t d = rules::edit_distance(word, c.name);
        if (d < best_distance && !c.summary.empty()) best = &c, best_distance = d;
    }
    std::string message = "'" + word + "' is not a cspr " + (parent.empty() ? "" : parent + " ") + "command";
    if (best != nullptr) return message + "; did you mean '" + std::string(best->name) + "'?";
    return message + "; see 'cspr " + (parent.empty() ? "" : parent + " ") + "--help'";
}

namespace {

// CLI11 says only "A subcommand is required" for a misspelt one, at any depth; say what was meant.
void check_command_name(const std::vector<std::string>& args, const CLI::App& root) {
    std::span<const Command> rows = commands();
    std::string path;
    const CLI::App* app = &root;
    for (std::size_t from = 0; !rows.empty();) {
        const auto word = command_word(args, from, *app);
        if (!word) return;
        const auto row =
            std::find_if(rows.begin(), rows.end(), [&](const Command& c) { return c.name == word->first; });
        if (row == rows.end()) throw Error(unknown_command(word->first, path, rows));
        path += (path.empty() ? "" : " ") + std::string(row->name);
        app = app->get_subcommand(std::string(row->name));
        rows = subcommands_of(*row);
        from = word->second + 1;
    }
}

std::string top_level_footer() {
    return R"(
Examples:
  cspr calendar add 2024-12-20 5          # 5 working days after 20 Dec 2024: 2024-12-31
  cspr calendar holidays --year 2012
  cspr --as-of 2025-03-04 calendar is-working-day 2025-03-04

Exit codes (every command): 0 success; 1 the answer is "no" (overdue, a check failed, not a
working day); 2 usage or data error.)";
}

// How the deepest command parsed is called: "cspr calendar add", or "cspr".
std::string called(const CLI::App& root) {
    const std::string name = parsed_command(root).second;
    return name.empty() ? "cspr" : "cspr " + name;
}

// `cspr` or `cspr calendar` with no command after it: the commands it takes, as git lists its
// own; nullopt when the missing piece is something else (an argument, an option).
std::optional<std::string> missing_command(const CLI::App& root) {
    const CLI::App* at = parsed_command(root).first;
    const std::string name = called(root);
    // Hidden commands (the developers' dev-*) have no group.
    const auto shown = at->get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
    if (at->get_require_subcommand_min() == 0 || shown.empty()) return std::nullopt;
    std::string out = name + ": a command is required; one of:\n";
    for (const CLI::App* sub : shown) out += fmt::format("  {:<16}{}\n", sub->get_name(), sub->get_description());
    return out + "See '" + name + " --help' for the options, and 'cspr help COMMAND' for a command's.\n";
}

// "table, json, csv"
std::string comma_list(std::span<const std::string_view> names) {
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    return list;
}

// Every format some command offers, in table order, without repeats: for the help of --format.
void collect_formats(std::span<const Command> rows, std::vector<std::string_view>& found) {
    for (const Command& c : rows) {
        for (auto f : c.formats.list())
            if (std::find(found.begin(), found.end(), f) == found.end()) found.push_back(f);
        collect_formats(subcommands_of(c), found);
    }
}

void add_global_options(CLI::App& app, Context& ctx) {
    app.add_option("--cases", ctx.global.cases,
                   "Case folder (default: $CSPR_CASES, else the nearest parent holding cspr.yaml)")
        ->type_name("DIR");
    app.add_option("--as-of", ctx.global.as_of, "Use this date (YYYY-MM-DD) as today, for reproducible runs")
        ->type_name("DATE");
    std::vector<std::string_view> formats;
    collect_formats(commands(), formats);
    app.add_option("--format", ctx.global.format,
                   "Output format, where the command offers a choice (its --help says which): " + comma_list(formats))
        ->type_name("FORMAT");
    app.add_flag("--no-pager", ctx.global.no_pager, "Do not send long output through $PAGER (less) on a terminal");
}

// The global options as the top-level help gives them, for every command's --help: they work
// before or after the command name (fallthrough), so a user reading one command's help sees them.
std::string global_options_text(const CLI::App& root) {
    std::string text = "\n\nGlobal options (before or after the command name; 'cspr --help'):";
    for (const CLI::Option* o : root.get_options()) {
        if (o->get_name() == "--help" || o->get_name() == "--version") continue;
        const std::string name = o->get_name() + " " + o->get_type_name();
        text += "\n  " + name + std::string(name.size() < 20 ? 20 - name.size() : 1, ' ') + o->get_description();
    }
    return text;
}

// Adds a subcommand per row under `parent`, and their own subcommands under them.
void add_commands(CLI::App& parent, std::span<const Command> rows, Context& ctx) {
    for (const Command& c : rows) {
        CLI::App* sub = parent.add_subcommand(std::string(c.name), std::string(c.summary));
        if (c.summary.empty()) sub->group("");  // a developer's tool: works, but is not listed
        sub->fallthrough();
        c.setup(*sub, ctx);
        const auto formats = c.formats.list();
        if (!formats.empty())
            sub->footer(sub->get_footer() + "\n\nOutput formats (--format): " + comma_list(formats) +
                        "; the default is " + std::string(formats.front()));
        if (subcommands_of(c).empty()) {
            const CLI::App* root = &parent;
            while (root->get_parent() != nullptr) root = root->get_parent();
            sub->footer(sub->get_footer() + global_options_text(*root));
        }
        add_commands(*sub, subcommands_of(c), ctx);
    }
}

// The row of the command that will run (the deepest one named on the command line) and its full
// name, e.g. "calendar holidays"; nullptr when none was named.
std::pair<const Command*, std::string> chosen_command(const CLI::App& app) {
    const Command* chosen = nullptr;
    std::string name;
    std::span<const Command> rows = commands();
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
        at = at->get_subcommands().front();
        const auto row =
            std::find_if(rows.begin(), rows.end(), [&](const Command& c) { return c.name == at->get_name(); });
        if (row == rows.end()) break;
        chosen = &*row;
        name += (name.empty() ? "" : " ") + std::string(row->name);
        rows = subcommands_of(*row);
    }
    return {chosen, name};
}

// The one check of --format, run after parsing and before any command runs, so that a refusal
// changes nothing: the command's row says what it prints, and nothing else is accepted.
void check_format(const CLI::App& app, Context& ctx) {
    const auto [row, name] = chosen_command(app);
    if (row == nullptr) return;
    const auto offered = row->formats.list();
    if (!ctx.global.format) {
        if (!offered.empty()) ctx.checked_format = std::string(offered.front());
        return;
    }
    const std::string& chosen = *ctx.global.format;
    if (offered.empty()) throw Error(name + " has one output format and takes no --format", {.field = "--format"});
    if (std::find(offered.begin(), offered.end(), chosen) == offered.end())
        throw Error("unknown format '" + chosen + "'; " + name + " prints " + comma_list(offered) +
                        did_you_mean(chosen, std::vector<std::string>(offered.begin(), offered.end())),
                    {.field = "--format"});
    ctx.checked_format = chosen;
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

void add_examples(CLI::App& sub, std::string_view examples) { sub.footer("\nExamples:\n" + std::string(examples)); }

calendar::Date Context::today() const {
    if (global.as_of) return calendar::require_iso_date(*global.as_of, "--as-of");
    return calendar::london_date(env.now);
}

std::optional<store::fs::path> Context::case_folder() const {
    const std::string env_cases = env.cases_env.value_or("");
    auto folder = store::find_case_folder(global.cases, env.cases_env ? env_cases.c_str() : nullptr, env.cwd);
    // Found by walking up from here: name it relative to here, so that messages stay short.
    if (folder && !global.cases && !env.cases_env) {
        const auto relative = folder->lexically_relative(env.cwd);
        if (!relative.empty()) folder = relative == "." ? store::fs::path() : relative;
    }
    return folder;
}

store::fs::path Context::require_case_folder() const {
    if (auto folder = case_folder()) return *folder;
    throw Error("no case folder here; name one with --cases DIR or $CSPR_CASES, or create one with 'cspr init'");
}

calendar::Calendar Context::calendar(calendar::Region region) const {
    auto folder = case_folder();
    if (folder && folder->empty()) folder = ".";
    const auto table = store::load_holidays({folder, store::user_data_folder()});
    return calendar::make_calendar(region, table);
}

const std::string& Context::format() const {
    // Only a command whose row offers formats may ask; the row is where they are declared.
    if (checked_format.empty()) throw std::logic_error("format() called by a command whose row declares no formats");
    return checked_format;
}

store::CaseFolder Context::open_folder() const {
    store::CaseFolder folder = store::open_case_folder(require_case_folder());
    const auto problems = rules::check_config(folder.config);
    if (!problems.empty()) throw locate_problems(folder, "", problems).front();
    return folder;
}

std::unique_ptr<store::FolderLock> Context::lock_case(const store::CaseFolder& folder, const std::string& id) const {
    return std::make_unique<store::FolderLock>(store::existing_case_path(folder, id), "case " + id, store::lock_wait());
}

std::unique_ptr<store::FolderLock> Context::require_commit_possible(const store::CaseFolder& folder) const {
    if (!commit && !folder.config.git_commit) return nullptr;
    const auto root = folder.root.empty() ? store::fs::path(".") : folder.root;
    const std::string field = commit ? "--commit" : "git.commit";
    if (!store::inside_git_repository(root))
        throw Error("cannot commit: the case folder is not in a git repository (run git init, or drop --commit / "
                    "git.commit)",
                    {.field = field});
    if (!store::git_identity_known(root))
        throw Error("cannot commit: git does not know who you are (git config user.name and user.email); nothing was "
                    "written",
                    {.field = field});
    return store::lock_git_repository(root, store::lock_wait());
}

void Context::commit_if_asked(const store::CaseFolder& folder, const std::vector<store::fs::path>& files,
                              const std::string& message, const std::vector<store::FileBefore>& before) const {
    if (!commit && !folder.config.git_commit) return;
    bool committed = false;
    try {
        committed = store::git_commit(folder.root, files, message);
    } catch (const Error& e) {
        if (before.empty()) throw;
        store::restore_files(before);
        store::git_unstage(folder.root, files);
        throw Error(e.message() + "; the files were put back as they were: nothing changed", e.where());
    }
    if (committed) out << "committed: " << message << "\n";
    else out << "nothing to commit: the files were already as written\n";
}

Environment process_environment() {
    Environment env;
    std::error_code ec;
    env.cwd = std::filesystem::current_path(ec);
    if (const char* cases = std::getenv("CSPR_CASES")) env.cases_env = cases;
    env.now = std::chrono::system_clock::now();
    const char* no_colour = std::getenv("NO_COLOR");
    env.colour = ::isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || *no_colour == '\0');
    return env;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Environment& env) {
    Context ctx{out, err, env, {}};
    CLI::App app{"cspr: statutory timescales for child safeguarding practice reviews in England", "cspr"};
    app.set_version_flag("--version", "cspr " CSPR_VERSION);
    app.require_subcommand(1);
    app.footer(top_level_footer());
    add_global_options(app, ctx);
    add_commands(app, commands(), ctx);
    // Runs once every option is parsed, before the chosen command's callback.
    app.parse_complete_callback([&app, &ctx] { check_format(app, ctx); });
    try {
        check_command_name(args, app);
        std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them backwards
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e, out, err);
        if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr)
            if (const auto message = unknown_option(app, args)) {
                err << "cspr: " << *message << "\n";
                return kExitError;
            }
        if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr)
            if (const auto message = missing_command(app)) {
                err << *message;
                return kExitError;
            }
        err << "cspr: " << e.what() << " (see '" << called(app) << " --help')\n";
        return kExitError;
    } catch (const Error& e) {
        Location where = e.where();
        where.field = option_as_typed(app, args, where.field);
        err << "cspr: " << format_error(where, e.message()) << "\n";
        return kExitError;
    } catch (const std::exception& e) {  // a library's own failure: still one line, still exit 2
        err << "cspr: " << e.what() << "\n";
        return kExitError;
    }
    return ctx.exit_code;
}

}  // namespace cspr::cli
