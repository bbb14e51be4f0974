// cspr init: create a case folder.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

struct InitArgs {
    std::string dir = ".";
    std::string partnership, code, local_authority;
    std::string region = std::string(calendar::region_name(calendar::kDefaultRegion));
    std::optional<std::string> group;
    bool no_git = false;
};

// At a terminal, with no --group: ask, as git asks for what it needs. Blank is "only me".
std::optional<std::string> ask_group(Context& ctx) {
    if (::isatty(STDIN_FILENO) != 1 || ::isatty(STDOUT_FILENO) != 1) return std::nullopt;
    // On stderr, as git's prompts: stdout may be gathered for the pager.
    ctx.err << "The team's group, to share the case folder with (blank: only you): " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line) || line.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
    return line.substr(line.find_first_not_of(" \t"));
}

// The files init writes (store::init_case_folder), remembered as they were before it.
std::vector<store::fs::path> init_files(const store::fs::path& root) {
    std::vector<store::fs::path> files;
    for (const auto& [name, text] : store::embedded_schemas()) files.push_back(root / "schemas" / name);
    files.push_back(root / "cases" / "ids.yaml");
    files.push_back(root / store::kCaseFolderMarker);
    files.push_back(root / ".gitignore");
    return files;
}

void run_init(Context& ctx, const InitArgs& a) {
    model::Config config;
    config.partnership = a.partnership;
    config.code = a.code;
    config.local_authority = a.local_authority;
    config.region = calendar::require_region(a.region);
    const bool code_ok =
        config.code.size() >= 2 && config.code.size() <= 12 &&
        std::all_of(config.code.begin(), config.code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!code_ok) throw Error("'" + config.code + "' must be 2 to 12 capital letters, e.g. NDSCP", {.field = "--code"});
    if (config.partnership.empty()) throw Error("must not be empty", {.field = "--partnership"});
    if (config.local_authority.empty()) throw Error("must not be empty", {.field = "--local-authority"});
    const auto group = a.group ? a.group : ask_group(ctx);
    // Checked before anything is written; the team reads and writes, nobody else.
    const std::optional<unsigned> gid = group ? std::optional(store::require_team_group(*group)) : std::nullopt;
    if (gid) config.permissions = {0660, 0770};

    const store::fs::path root = a.dir;
    // The folder may not exist yet: ask git about the nearest part of the path that does.
    store::fs::path probe = root.empty() ? store::fs::path(".") : root;
    std::error_code ec;
    while (!store::fs::exists(probe, ec) && probe.has_parent_path() && probe.parent_path() != probe)
        probe = probe.parent_path();
    if (!store::fs::exists(probe, ec)) probe = ".";
    const bool had_git = store::inside_git_repository(probe);
    if (ctx.commit && !had_git && a.no_git)
        throw Error("cannot commit: the folder is not in a git repository and --no-git says not to make one; nothing "
                    "was written",
                    {.field = "--commit"});
    const bool make_git = !had_git && !a.no_git;
    // A repository init makes starts with a first commit of what it wrote, when git knows who is
    // committing; otherwise init says how to make it.
    const bool identity = store::git_identity_known(probe);
    if (make_git && identity) ctx.commit = true;
    if (ctx.commit && !identity)
        throw Error("cannot commit: git does not know who you are (git config user.name and user.email); nothing was "
                    "written",
                    {.field = "--commit"});
    const bool root_existed = store::fs::exists(root, ec);
    const auto before = store::remember_files(init_files(root));
    const auto written = store::init_case_folder(root, config);
    if (gid) store::give_to_group(root, written, *gid);
    if (make_git) store::git_init(root);
    store::CaseFolder folder{root, config};
    try {
        // A commit that fails (a hook refuses it) puts the files back and unstages them; the
        // repository and folder that init made go too: exit 2 changes nothing.
        ctx.commit_if_asked(folder, written, "init " + config.code + ": case folder for " + config.partnership, before);
    } catch (const Error&) {
        if (make_git) store::fs::remove_all(root / ".git", ec);
        if (!root_existed) store::fs::remove(root, ec);  // only when empty
        throw;
    }
    ctx.out << "created case folder " << root.string() << " for " << config.partnership << " (" << config.code << ")\n";
    if (make_git) ctx.out << "initialised a git repository in " << root.string() << "\n";
    if (make_git && !identity)
        ctx.out << "no first commit: git does not know who you are (git config user.name and user.email); then "
                   "git add -A && git commit -m 'init'\n";
    if (group) ctx.out << "shared with group " << *group << ": files 0660, folders 0770 (cspr.yaml permissions)\n";
}

}  // namespace

void setup_init(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<InitArgs>();
    sub.add_option("DIR", a->dir, "Folder to create (default: here)");
    sub.add_option("--partnership", a->partnership, "The partnership's name")->required();
    sub.add_option("--code", a->code, "Short code used in case IDs: 2-12 capital letters, e.g. NDSCP")->required();
    sub.add_option("--local-authority", a->local_authority, "The local authority with the duty to notify")->required();
    sub.add_option("--region", a->region,
                   "Bank-holiday calendar: england-and-wales (default), scotland, northern-ireland");
    sub.add_flag("--no-git", a->no_git, "Do not run git init, even outside a git repository");
    sub.add_option("--group", a->group,
                   "The team's group: it owns the folder, reads and writes (asked at a terminal; default: only you)");
    add_commit_flag(sub, ctx);
    add_examples(sub, R"(  cspr init cases --partnership "Northdale Safeguarding Children Partnership" \
      --code NDSCP --local-authority "Northdale Council"
  cspr init . --partnership "..." --code NDSCP --local-authority "..." --no-git

Creates cspr.yaml, schemas/, cases/ and a .gitignore (forms/ and drafts/ stay out of git). Outside a
git repository it also runs git init and makes the first commit.)");
    sub.callback([&ctx, a] { run_init(ctx, *a); });
}

}  // namespace cspr::cli
