// cspr doctor: removes what an interrupted write left behind — temporary files, and case folders
// that hold nothing — and says what it removed. Everything else is reported by validate, not touched.
#include <memory>

#include "app.hpp"

namespace cspr::cli {

namespace {

void run_doctor(Context& ctx, bool dry_run) {
    const auto folder = ctx.open_folder();
    const store::FolderLock lock(folder.root / "cases", "the case folder", store::lock_wait());
    std::size_t removed = 0;
    std::error_code ec;
    for (const auto& path : store::leftover_temporary_files(folder)) {
        ctx.out << (dry_run ? "would remove " : "removed ") << path.string() << " (temporary file of an interrupted write)\n";
        if (!dry_run) store::fs::remove(path, ec);
        ++removed;
    }
    for (const auto& dir : store::cases_without_referral(folder)) {
        if (!store::fs::is_empty(dir, ec)) {
            ctx.out << "kept " << dir.string() << ": it has no referral.yaml but holds other files; look at it\n";
            ctx.exit_code = kExitNo;
            continue;
        }
        ctx.out << (dry_run ? "would remove " : "removed ") << dir.string() << " (empty case folder of an interrupted refer)\n";
        if (!dry_run) store::fs::remove(dir, ec);
        ++removed;
    }
    if (removed == 0 && ctx.exit_code == kExitOk) ctx.out << "nothing to clean up\n";
}

}  // namespace

void setup_doctor(CLI::App& sub, Context& ctx) {
    auto dry_run = std::make_shared<bool>(false);
    sub.add_flag("-n,--dry-run", *dry_run, "Say what would be removed, remove nothing");
    add_examples(sub, R"(  cspr doctor --dry-run
  cspr doctor

Removes temporary files left by an interrupted write (.<file>.tmp-XXXXXX) and empty case folders.
Exit 1 when something needs a person's attention (a case folder with files but no referral.yaml).)");
    sub.callback([&ctx, dry_run] { run_doctor(ctx, *dry_run); });
}

}  // namespace cspr::cli
