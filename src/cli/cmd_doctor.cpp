// cspr doctor: removes what an interrupted write left behind — temporary files, and case folders
// that hold nothing — and says what it removed; with --fix, also tightens modes more open than
// cspr.yaml allows (a git clone leaves 0644 and 0755). Everything else is reported, not touched.
#include <memory>

#include <fmt/format.h>

#include "app.hpp"

namespace cspr::cli {

namespace {

struct DoctorArgs {
    bool dry_run = false;
    bool fix = false;
};

void keep(Context& ctx, const store::fs::path& path, const std::string& why) {
    ctx.out << "kept " << path.string() << ": " << why << "; look at it\n";
    ctx.exit_code = kExitNo;
}

// Each case's temporary files are removed under that case's lock (cases/ is held by the caller, so no
// referral is being written): another writer's file in progress is never taken for a leftover.
std::size_t remove_temporary_files(Context& ctx, const store::CaseFolder& folder, bool dry_run) {
    std::size_t removed = 0;
    const auto cases = folder.root / "cases";
    for (const auto& path : store::leftover_temporary_files(folder, true)) {
        const auto dir = path.parent_path();
        std::unique_ptr<store::FolderLock> case_lock;
        if (dir != cases && dir != folder.root)
            case_lock = std::make_unique<store::FolderLock>(dir, "case " + dir.filename().string(), store::lock_wait());
        std::error_code ec;
        if (!store::fs::exists(store::fs::symlink_status(path, ec))) continue;  // its writer finished after all
        ctx.out << (dry_run ? "would remove " : "removed ") << path.string()
                << " (temporary file of an interrupted write)\n";
        if (!dry_run) store::fs::remove(path, ec);
        ++removed;
    }
    return removed;
}

std::size_t remove_empty_case_folders(Context& ctx, const store::CaseFolder& folder, bool dry_run) {
    std::size_t removed = 0;
    for (const auto& id : store::list_case_ids(folder))
        if (const auto unreadable = store::unreadable_case_folder(folder, id))
            keep(ctx, unreadable->where().file, unreadable->message());
    std::error_code ec;
    for (const auto& dir : store::cases_without_referral(folder, true)) {
        if (!store::fs::is_empty(dir, ec)) {
            keep(ctx, dir, "it has no referral.yaml but holds other files");
            continue;
        }
        ctx.out << (dry_run ? "would remove " : "removed ") << dir.string()
                << " (empty case folder of an interrupted refer)\n";
        if (!dry_run) store::fs::remove(dir, ec);
        ++removed;
    }
    return removed;
}

// Links are never followed, only named; modes are tightened only when asked (--fix), since a team
// may have opened a folder on purpose: cspr.yaml's permissions are where to say so.
std::size_t check_paths(Context& ctx, const store::CaseFolder& folder, const DoctorArgs& a) {
    std::size_t fixed = 0;
    for (const auto& p : store::path_problems(folder)) {
        if (p.kind == store::PathProblem::Kind::link) {
            keep(ctx, p.path, std::string(store::kLinkRefused));
            continue;
        }
        const auto change = fmt::format("{} from {:03o} to {:03o}", p.path.string(), static_cast<unsigned>(p.mode),
                                        static_cast<unsigned>(p.mode & p.allowed));
        if (!a.fix) {
            ctx.out << "would tighten " << change << " (more open than cspr.yaml's permissions; --fix does it)\n";
            ctx.exit_code = kExitNo;
            continue;
        }
        if (a.dry_run) {
            ctx.out << "would tighten " << change << " (cspr.yaml's permissions)\n";
        } else {
            try {
                store::tighten(p);
            } catch (const Error& e) {
                keep(ctx, p.path, e.message());
                continue;
            }
            ctx.out << "tightened " << change << " (cspr.yaml's permissions)\n";
        }
        ++fixed;
    }
    return fixed;
}

void run_doctor(Context& ctx, const DoctorArgs& a) {
    const auto folder = ctx.open_folder();
    const store::FolderLock lock(folder.root / "cases", "the case folder", store::lock_wait());
    std::size_t done = remove_temporary_files(ctx, folder, a.dry_run);
    done += remove_empty_case_folders(ctx, folder, a.dry_run);
    done += check_paths(ctx, folder, a);
    if (done == 0 && ctx.exit_code == kExitOk) ctx.out << "nothing to clean up\n";
}

}  // namespace

void setup_doctor(CLI::App& sub, Context& ctx) {
    auto a = std::make_shared<DoctorArgs>();
    sub.add_flag("-n,--dry-run", a->dry_run, "Say what would be removed or tightened, change nothing");
    sub.add_flag("--fix", a->fix, "Also tighten files and folders under cases/ to cspr.yaml's permissions");
    add_examples(sub, R"(  cspr doctor --dry-run
  cspr doctor
  cspr doctor --fix        # after a git clone or pull: files 0644 become 0600, folders 0755 become 0700

Removes temporary files left by an interrupted write (.<file>.tmp-XXXXXX) and empty case folders.
A write still in progress is not interrupted: a case's files are looked at under its lock.
Files and folders under cases/ more open than cspr.yaml's permissions are named, and tightened
with --fix (only the bits cspr.yaml does not allow are taken away: a read-only folder stays so).
Symbolic links under cases/ are never followed, only named.
Exit 1 when something needs a person's attention (a case folder with files but no referral.yaml,
one that cannot be read, a link, or a mode left open without --fix).)");
    sub.callback([&ctx, a] { run_doctor(ctx, *a); });
}

}  // namespace cspr::cli
