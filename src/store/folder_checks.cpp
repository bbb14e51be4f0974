// Checks on the case folder itself rather than its files' content: what an interrupted write left
// behind (never another writer's work in progress), symbolic links, and modes more open than cspr.yaml
// allows. `cspr validate` reports them; `cspr doctor` mends what it can.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <algorithm>
#include <regex>

#include "cspr/store.hpp"

namespace cspr::store {

namespace {

fs::perms file_mode(const CaseFolder& folder) { return static_cast<fs::perms>(folder.config.permissions.files); }
fs::perms folder_mode(const CaseFolder& folder) { return static_cast<fs::perms>(folder.config.permissions.folders); }

// True only when `path` is known not to exist: a folder that cannot be searched answers EACCES instead.
bool surely_absent(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) != 0 && errno == ENOENT;
}

// Walks a folder under cases/ without following links; `depth` bounds a hand-made tree of folders.
void walk(const CaseFolder& folder, const fs::path& dir, int depth, std::vector<PathProblem>& out) {
    const auto check = [&](const fs::path& path, fs::perms mode, fs::perms allowed) {
        if ((mode & ~allowed & fs::perms::all) != fs::perms::none)
            out.push_back({PathProblem::Kind::too_open, path, mode & fs::perms::all, allowed});
    };
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const fs::path path = dir / entry.path().filename();
        const auto status = entry.symlink_status(ec);
        if (status.type() == fs::file_type::symlink) {
            out.push_back({PathProblem::Kind::link, path});
        } else if (status.type() == fs::file_type::directory) {
            check(path, status.permissions(), folder_mode(folder));
            if (depth < 8) walk(folder, path, depth + 1, out);
        } else if (status.type() == fs::file_type::regular) {
            check(path, status.permissions(), file_mode(folder));
        }
    }
}

}  // namespace

std::vector<fs::path> temporary_files_in(const fs::path& dir) {
    static const std::regex temporary(R"(\..+\.tmp-[A-Za-z0-9]{6})");
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec))
        if (entry.symlink_status(ec).type() == fs::file_type::regular &&
            std::regex_match(entry.path().filename().string(), temporary))
            found.push_back(dir / entry.path().filename());
    std::sort(found.begin(), found.end());
    return found;
}

// A file seen in a folder is another writer's work while the folder's lock is held (a case's, or
// cases/ during a referral, which writes into a new case folder without a lock of its own). Asked
// after the file was seen: if no one holds the lock and the file is still there, its writer is gone.
std::vector<fs::path> leftover_temporary_files(const CaseFolder& folder, bool cases_locked) {
    const fs::path cases = folder.root / "cases";
    const auto referral_written = [&] { return !cases_locked && folder_lock_held(cases); };
    const auto in_flight = [&](const fs::path& dir) {
        if (dir == folder.root || dir == folder.root / "schemas") return false;  // no lock: init and calendar import
        if (dir == cases) return referral_written();
        return folder_lock_held(dir) || (surely_absent(dir / kReferralFile) && referral_written());
    };
    std::vector<fs::path> found;
    const auto scan = [&](const fs::path& dir) {
        for (auto& path : temporary_files_in(dir)) {
            std::error_code ec;
            if (!in_flight(dir) && fs::exists(fs::symlink_status(path, ec))) found.push_back(std::move(path));
        }
    };
    scan(folder.root);
    scan(folder.root / "schemas");  // init writes the schemas: a crash there leaves one too
    scan(cases);
    for (const auto& id : list_case_ids(folder)) scan(cases / id);
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<fs::path> cases_without_referral(const CaseFolder& folder, bool cases_locked) {
    std::vector<fs::path> found;
    // Only a folder that truly lacks it: an unreadable one is reported as such (unreadable_case_folder).
    const auto missing = [](const fs::path& dir) { return surely_absent(dir / kReferralFile); };
    for (const auto& id : list_case_ids(folder)) {
        const fs::path dir = folder.root / "cases" / id;
        // A referral being written (cases/ locked) is not an interrupted one; asked again after.
        if (missing(dir) && (cases_locked || !folder_lock_held(folder.root / "cases")) && missing(dir))
            found.push_back(dir);
    }
    return found;
}

std::optional<Error> unreadable_case_folder(const CaseFolder& folder, std::string_view id) {
    const fs::path dir = folder.root / "cases" / std::string(id);
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
        ::close(fd);
        return std::nullopt;
    }
    if (errno == ENOENT || errno == ELOOP || errno == ENOTDIR) return std::nullopt;  // reported otherwise
    return Error(std::string("cannot read: ") + std::strerror(errno), {dir.string(), 0, ""});
}

std::vector<PathProblem> path_problems(const CaseFolder& folder) {
    const fs::path cases = folder.root / "cases";
    std::vector<PathProblem> out;
    std::error_code ec;
    const auto status = fs::symlink_status(cases, ec);
    if (status.type() == fs::file_type::symlink) return {{PathProblem::Kind::link, cases}};
    if (status.type() != fs::file_type::directory) return {};
    if ((status.permissions() & ~folder_mode(folder) & fs::perms::all) != fs::perms::none)
        out.push_back({PathProblem::Kind::too_open, cases, status.permissions() & fs::perms::all, folder_mode(folder)});
    walk(folder, cases, 0, out);
    std::sort(out.begin(), out.end(), [](const PathProblem& a, const PathProblem& b) { return a.path < b.path; });
    return out;
}

void tighten(const PathProblem& problem) {
    // Through a descriptor opened without following links, so that a path swapped for a link since
    // it was seen is not followed either.
    const int fd = ::open(problem.path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    const bool done = fd >= 0 && ::fchmod(fd, static_cast<mode_t>(problem.mode & problem.allowed)) == 0;
    const int saved = errno;
    if (fd >= 0) ::close(fd);
    if (!done)
        throw Error(std::string("cannot tighten its mode: ") + std::strerror(saved), {problem.path.string(), 0, ""});
}

}  // namespace cspr::store
