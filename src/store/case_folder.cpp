// The case folder: creating it, finding cases, allocating IDs, writing step files, committing.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <regex>

#include "map_reader.hpp"

extern char** environ;

namespace cspr::store {

namespace {

fs::perms file_mode(const CaseFolder& folder) { return static_cast<fs::perms>(folder.config.permissions.files); }
fs::perms folder_mode(const CaseFolder& folder) { return static_cast<fs::perms>(folder.config.permissions.folders); }

bool is_case_id(std::string_view id) {
    static const std::regex pattern("[A-Z]{2,12}-[0-9]{4}-[0-9]{3," + std::to_string(kCaseNumberDigits) + "}");
    return std::regex_match(id.begin(), id.end(), pattern);
}

fs::path ids_path(const CaseFolder& folder) { return folder.root / "cases" / "ids.yaml"; }

bool is_link(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

// cspr never follows a link under cases/ (kLinkRefused): `path` and each folder between it and cases/.
void refuse_links(const CaseFolder& folder, const fs::path& path) {
    const fs::path cases = folder.root / "cases";
    const auto refuse = [](const fs::path& p) {
        if (is_link(p)) throw Error(std::string(kLinkRefused), {p.string(), 0, ""});
    };
    const fs::path below = path.lexically_relative(cases);
    if (below.empty() || *below.begin() == "..") {  // elsewhere (a test's folder): the file and its folder
        refuse(path);
        if (path.has_parent_path()) refuse(path.parent_path());
        return;
    }
    for (fs::path p = path; p != cases && p.has_parent_path(); p = p.parent_path()) refuse(p);
    refuse(cases);
}

// A folder the team made read-only (a closed case, `chmod 500`) stays read-only: cspr refuses to
// write into it rather than change its mode. Checked on the mode bits too, since root may write anyway.
void require_writable(const fs::path& dir) {
    struct stat info {};
    const fs::path d = dir.empty() ? fs::path(".") : dir;
    if (::stat(d.c_str(), &info) != 0) return;  // the write itself names what is wrong
    if ((info.st_mode & S_IWUSR) != 0 && ::access(d.c_str(), W_OK) == 0) return;
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(info.st_mode & 0777));
    throw Error(std::string("is read-only (mode ") + mode +
                    "); cspr does not change a folder's mode: make it writable "
                    "(chmod u+w) to change what it holds",
                {dir.string(), 0, ""});
}

// Creates `dir` (and missing parents) with cspr.yaml's folder mode; an existing folder keeps its mode.
void make_folder(const CaseFolder& folder, const fs::path& dir) {
    std::error_code ec;
    if (dir.empty() || fs::exists(fs::symlink_status(dir, ec))) return;
    make_folder(folder, dir.parent_path());
    if (fs::create_directory(dir, ec)) fs::permissions(dir, folder_mode(folder), ec);
    if (ec) throw Error("cannot create the folder: " + ec.message(), {dir.string(), 0, ""});
}

// The names under cases/ that are case IDs: folders, and links too when `with_links`.
std::vector<std::string> case_entries(const CaseFolder& folder, bool with_links) {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder.root / "cases", ec)) {
        const std::string name = entry.path().filename().string();
        const auto type = entry.symlink_status(ec).type();
        if ((type == fs::file_type::directory || (with_links && type == fs::file_type::symlink)) && is_case_id(name))
            ids.push_back(name);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Runs a program without a shell and waits for it: its exit code, or -1 when it could not run or
// did not exit. Its standard output goes to `output` when given, else is discarded (cspr's own
// output stays clean); its standard error goes through unless `quiet`.
int run_command(const std::vector<std::string>& args, bool quiet = false, std::string* output = nullptr) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int pipe_fds[2] = {-1, -1};
    if (output && ::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    if (output) ::posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    else ::posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (quiet) ::posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    if (output) {
        ::close(pipe_fds[1]);
        char buffer[4096];
        ssize_t n = 0;
        while (spawned == 0 && ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)))
            if (n > 0) output->append(buffer, static_cast<std::size_t>(n));
        ::close(pipe_fds[0]);
    }
    if (spawned != 0) return -1;
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs a program without a shell and returns its standard output (standard error discarded), or
// nullopt when it fails.
std::optional<std::string> run_capture(const std::vector<std::string>& args) {
    std::string output;
    if (run_command(args, true, &output) != 0) return std::nullopt;
    return output;
}

void run_git(const fs::path& dir, std::vector<std::string> args, const std::string& doing) {
    args.insert(args.begin(), {"git", "-C", dir.string()});
    if (run_command(args) != 0) throw Error("git failed while " + doing, {dir.string(), 0, ""});
}

template <typename Value>
Value read_strict(const fs::path& path, Value (*parse)(std::string_view, const std::string&, Diagnostics&)) {
    Diagnostics strict;
    return parse(read_file(path), path.string(), strict);
}

}  // namespace

const std::string_view kGitignore =
    "# Written by cspr init. What is not yet a record stays out of the repository: forms being filled\n"
    "# in and reports being drafted hold names before anyone has reviewed them, and a write that was\n"
    "# interrupted leaves a temporary file ('cspr doctor' removes it).\n"
    "/forms/\n"
    "/drafts/\n"
    ".*.tmp-*\n";

std::vector<fs::path> init_case_folder(const fs::path& root, const model::Config& config) {
    const fs::path config_path = root / kCaseFolderMarker;
    std::error_code ec;
    if (fs::exists(config_path, ec))
        throw Error("already a case folder (cspr.yaml exists)", {config_path.string(), 0, ""});
    fs::create_directories(root / "cases", ec);
    fs::create_directories(root / "schemas", ec);
    if (ec) throw Error("cannot create folders: " + ec.message(), {root.string(), 0, ""});
    const CaseFolder folder{root, config};
    fs::permissions(root / "cases", folder_mode(folder), ec);
    std::vector<fs::path> written;
    for (const auto& [name, text] : embedded_schemas()) {  // public documents: readable by anyone
        write_file_atomically(root / "schemas" / name, text,
                              file_mode(folder) | fs::perms::group_read | fs::perms::others_read);
        written.push_back(root / "schemas" / name);
    }
    write_file_atomically(ids_path(folder), format_ids({}), file_mode(folder));
    written.push_back(ids_path(folder));
    if (!fs::exists(root / ".gitignore", ec)) {
        write_file_atomically(root / ".gitignore", std::string(kGitignore), file_mode(folder));
        written.push_back(root / ".gitignore");
    }
    // Last: cspr.yaml marks the folder complete (an init cut short is finished by running it again).
    write_file_atomically(config_path, format_config(config), file_mode(folder));
    written.push_back(config_path);
    return written;
}

CaseFolder open_case_folder(const fs::path& root) {
    const fs::path config_path = root / kCaseFolderMarker;
    std::error_code ec;
    if (!fs::is_regular_file(config_path, ec))
        throw Error("not a case folder (no cspr.yaml); create one with 'cspr init'", {root.string(), 0, ""});
    return {root, read_strict(config_path, parse_config)};
}

fs::path case_path(const CaseFolder& folder, std::string_view id) {
    if (!is_case_id(id))
        throw Error("'" + std::string(id) + "' is not a case ID; expected " + folder.config.code + "-YYYY-NNN, e.g. " +
                        folder.config.code + "-2025-001",
                    {.field = "ID"});
    return folder.root / "cases" / std::string(id);
}

fs::path existing_case_path(const CaseFolder& folder, std::string_view id) {
    fs::path dir = case_path(folder, id);
    refuse_links(folder, dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw Error("no case " + std::string(id) + " in " + (folder.root / "cases").string() + " (see 'cspr list')",
                    {.field = "ID"});
    return dir;
}

std::vector<std::string> list_case_ids(const CaseFolder& folder) {
    if (is_link(folder.root / "cases")) return {};  // validate reports it (path_problems)
    return case_entries(folder, false);             // a linked case is reported by validate, never read
}

model::Case load_case(const CaseFolder& folder, std::string_view id, Diagnostics& diagnostics) {
    model::Case c;
    c.id = std::string(id);
    if (const fs::path named = case_path(folder, id); is_link(named)) {  // a problem of the case, for validate
        diagnostics.report(Error(std::string(kLinkRefused), {named.string(), 0, ""}));
        return c;
    }
    const fs::path dir = existing_case_path(folder, id);
    bool unreadable = false;
    const auto load = [&](std::string_view file, auto parse, auto& slot) {
        const fs::path path = dir / file;
        if (unreadable) return;
        try {
            const auto text = read_case_file_if_exists(path);
            if (!text) return;
            slot = parse(*text, path.string(), diagnostics);
        } catch (const Error& e) {
            // A folder that cannot be read is one problem, named as such, not one per file.
            const auto folder_problem = unreadable_case_folder(folder, id);
            unreadable = folder_problem.has_value();
            diagnostics.report(folder_problem ? *folder_problem : e);  // a read error, in collecting mode
        }
        if (slot && !slot->id.empty() && slot->id != id)
            diagnostics.report(Error("says " + slot->id + " but the file is in the folder of " + std::string(id),
                                     {path.string(), 0, "id"}));
    };
    load(kReferralFile, parse_referral, c.referral);
    load(kNotificationFile, parse_notification, c.notification);
    const auto step = [](auto parse) {
        return [parse](std::string_view text, const std::string& file, Diagnostics& d) {
            return parse(text, file, d, false);
        };
    };
    load(kRapidReviewFile, step(parse_rapid_review), c.rapid_review);
    load(kPanelResponseFile, step(parse_panel_response), c.panel_response);
    load(kDecisionFile, step(parse_decision), c.decision);
    load(kPublicationFile, step(parse_publication), c.publication);
    load(kActionsFile, step(parse_actions), c.actions);
    load(kLatenessFile, step(parse_lateness), c.lateness);
    return c;
}

std::vector<LoadedCase> load_cases(const CaseFolder& folder, const std::vector<std::string>& ids,
                                   Diagnostics::Mode mode) {
    std::vector<LoadedCase> out(ids.size());
    std::vector<std::exception_ptr> failures(ids.size());
    std::atomic<std::size_t> next{0};
    // Each thread parses whole files of its own: no YAML node is ever shared between threads.
    const auto work = [&] {
        for (std::size_t i = next++; i < ids.size(); i = next++) {
            try {
                Diagnostics diagnostics(mode);
                out[i].value = load_case(folder, ids[i], diagnostics);
                out[i].problems = diagnostics.problems();
                out[i].unknown_keys = diagnostics.unknown_keys();
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), ids.size() / 64 + 1);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return out;
}

// The last number allocated per year, as cases/ids.yaml records it (empty when there is no such file).
std::map<int, int> read_ids(const CaseFolder& folder) {
    refuse_links(folder, ids_path(folder));
    const auto text = read_case_file_if_exists(ids_path(folder));
    if (!text) return {};
    Diagnostics strict;
    return parse_ids(*text, ids_path(folder).string(), strict);
}

std::string next_case_id(const CaseFolder& folder, int year) {
    // Folders count too (and links, which are refused), so an ID is never reused even if ids.yaml was
    // lost or edited back.
    const std::string prefix = folder.config.code + "-" + std::to_string(year) + "-";
    int next = read_ids(folder)[year];
    for (const auto& id : case_entries(folder, true))
        if (id.starts_with(prefix)) next = std::max(next, std::stoi(id.substr(prefix.size())));
    if (next >= kMaxCaseNumber)  // the next would not fit the ID pattern, nor read back from ids.yaml
        throw Error(prefix.substr(0, prefix.size() - 1) + " has used every case number up to " +
                        std::to_string(kMaxCaseNumber) + "; nothing was written",
                    {ids_path(folder).string(), 0, ""});
    char number[16];
    std::snprintf(number, sizeof number, "%03d", next + 1);
    return prefix + number;
}

void record_case_id(const CaseFolder& folder, std::string_view id) {
    // CODE-YYYY-NNN, as next_case_id made it.
    const std::size_t dash = id.rfind('-');
    const int year = std::stoi(std::string(id.substr(dash - 4, 4)));
    const int number = std::stoi(std::string(id.substr(dash + 1)));
    auto last = read_ids(folder);
    last[year] = std::max(last[year], number);
    make_folder(folder, folder.root / "cases");
    require_writable(folder.root / "cases");
    write_file_atomically(ids_path(folder), format_ids(last), file_mode(folder));
}

std::string allocate_case_id(const CaseFolder& folder, int year) {
    std::string id = next_case_id(folder, year);
    record_case_id(folder, id);
    return id;
}

void write_case_file(const CaseFolder& folder, const fs::path& path, std::string_view content) {
    refuse_links(folder, path);
    if (const auto read = read_case_file_if_exists(path)) {
        const std::string& old = *read;
        if (const auto line = first_comment_line(old))
            throw Error("holds a comment that rewriting would lose; make it a key of its own (note: ..., which cspr "
                        "keeps) or "
                        "delete it, then run the command again",
                        {path.string(), *line, ""});
        if (const auto unkept = first_unkept_syntax(old))
            throw Error("holds " + unkept->second +
                            " that rewriting would change; write the value out in full, then run the "
                            "command again",
                        {path.string(), unkept->first, ""});
    }
    require_readable(path, content);  // what cspr writes it must read back (aliases written out in full)
    // Only a new folder gets cspr.yaml's mode: one the team closed (500) or opened to a group by hand
    // keeps its mode (`cspr doctor --fix` is the way to tighten, and says so).
    make_folder(folder, path.parent_path());
    require_writable(path.parent_path());
    write_file_atomically(path, content, file_mode(folder));
}

bool inside_git_repository(const fs::path& dir) {
    return run_command({"git", "-C", dir.string(), "rev-parse", "--is-inside-work-tree"}, true) == 0;
}

bool git_identity_known(const fs::path& dir) {
    return run_command({"git", "-C", dir.empty() ? "." : dir.string(), "var", "GIT_COMMITTER_IDENT"}, true) == 0;
}

std::unique_ptr<FolderLock> lock_git_repository(const fs::path& root, std::chrono::milliseconds wait) {
    const fs::path dir = root.empty() ? fs::path(".") : root;
    const auto answer =
        run_capture({"git", "-C", dir.string(), "rev-parse", "--absolute-git-dir", "--git-path", "index.lock"});
    std::string git_dir, index_lock;
    if (answer) {
        const auto end = answer->find('\n');
        git_dir = answer->substr(0, end);
        if (end != std::string::npos) index_lock = answer->substr(end + 1, answer->find('\n', end + 1) - end - 1);
    }
    if (git_dir.empty() || index_lock.empty())
        throw Error("cannot commit: git cannot find the repository of the case folder", {dir.string(), 0, ""});
    const fs::path index_lock_path = fs::path(index_lock).is_absolute() ? fs::path(index_lock) : dir / index_lock;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    auto lock = std::make_unique<FolderLock>(git_dir, "the git repository", wait);
    std::error_code ec;
    while (fs::exists(index_lock_path, ec)) {
        if (std::chrono::steady_clock::now() >= deadline) {
            throw Error("git's index is locked by another git command, or by one that crashed (then delete the file); "
                        "waited " +
                            wait_text(wait) + " (CSPR_LOCK_WAIT sets how long); nothing was written",
                        {index_lock_path.string(), 0, ""});
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return lock;
}

void git_unstage(const fs::path& root, const std::vector<fs::path>& files) {
    std::vector<std::string> reset = {"git", "-C", root.empty() ? "." : root.string(), "reset", "-q", "--"};
    for (const auto& f : files) reset.push_back(root.empty() ? f.string() : f.lexically_relative(root).string());
    run_command(reset, true);
}

std::vector<FileBefore> remember_files(const std::vector<fs::path>& paths) {
    std::vector<FileBefore> before;
    for (const auto& path : paths) {
        FileBefore& b = before.emplace_back();
        b.path = path;
        b.content = read_case_file_if_exists(path);
        std::error_code ec;
        if (b.content) b.mode = fs::status(path, ec).permissions() & fs::perms::mask;
        const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
        b.folder_existed = fs::is_directory(parent, ec);
    }
    return before;
}

void restore_files(const std::vector<FileBefore>& before) {
    for (auto b = before.rbegin(); b != before.rend(); ++b) {
        try {
            std::error_code ec;
            if (b->content) {
                write_file_atomically(b->path, *b->content, b->mode);
            } else {
                fs::remove(b->path, ec);
                if (!b->folder_existed && !b->path.parent_path().empty())
                    fs::remove(b->path.parent_path(), ec);  // only if empty
            }
        } catch (...) {
            // best effort: the caller reports the failure that brought it here
        }
    }
}

void git_init(const fs::path& dir) { run_git(dir, {"init", "-q"}, "creating a repository"); }

bool git_commit(const fs::path& root, const std::vector<fs::path>& files, const std::string& message) {
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(root.empty() ? f.string() : f.lexically_relative(root).string());
    std::vector<std::string> add = {"add", "--"};
    add.insert(add.end(), paths.begin(), paths.end());
    run_git(root, add, "staging " + std::to_string(paths.size()) + " file(s)");
    // Writing what was already there changes nothing: then there is nothing to commit, and no error.
    std::vector<std::string> unchanged = {"git",     "-C", root.empty() ? "." : root.string(), "diff", "--cached",
                                          "--quiet", "--"};
    unchanged.insert(unchanged.end(), paths.begin(), paths.end());
    if (run_command(unchanged, true) == 0) return false;
    std::vector<std::string> commit = {"commit", "-q", "-m", message, "--"};
    commit.insert(commit.end(), paths.begin(), paths.end());
    run_git(root, commit, "committing");
    return true;
}

}  // namespace cspr::store
