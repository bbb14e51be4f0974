// Whole-file reads and crash-safe writes.
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace cspr::store {

namespace {

[[noreturn]] void fail_io(const fs::path& path, const std::string& doing) {
    throw Error(doing + ": " + std::strerror(errno), {path.string(), 0, ""});
}

void write_all(int fd, std::string_view content, const fs::path& path) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail_io(path, "cannot write");
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

// A test seam for crash safety: with CSPR_TEST_CRASH_AT=N the process kills itself (SIGKILL, no
// clean-up of any kind) at the N-th step of its writes, counted across all of them. The crash test
// walks N through every step and checks that each file is then its old or its new version.
void crash_point() {
    static long remaining = [] {
        const char* text = std::getenv("CSPR_TEST_CRASH_AT");
        return text != nullptr ? std::strtol(text, nullptr, 10) : 0L;
    }();
    if (remaining > 0 && --remaining == 0) ::kill(::getpid(), SIGKILL);
}

void fsync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;  // best effort: the rename itself is already atomic
    ::fsync(fd);
    ::close(fd);
}

// Closes the descriptor on every way out of a read, keeping errno for the error being raised.
struct OpenFile {
    int fd;
    ~OpenFile() {
        const int saved = errno;
        ::close(fd);
        errno = saved;
    }
};

}  // namespace

namespace {

// Both reads: `flags` adds O_NOFOLLOW for a file inside the case folder.
std::optional<std::string> read_opened(const fs::path& path, std::size_t max_bytes, int flags) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        // O_NOFOLLOW answers ELOOP for a link: say so in words (and read nothing through it).
        if (errno == ELOOP && (flags & O_NOFOLLOW) != 0) throw Error(std::string(kLinkRefused), {path.string(), 0, ""});
        fail_io(path, "cannot read");
    }
    const OpenFile file{fd};
    struct stat info {};
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    if (regular && static_cast<std::size_t>(info.st_size) > max_bytes)
        throw Error("is " + megabytes(static_cast<std::size_t>(info.st_size)) + "; files cspr reads here are at most " +
                        megabytes(max_bytes),
                    {path.string(), 0, ""});
    if (S_ISDIR(info.st_mode)) throw Error("is a folder, not a file", {path.string(), 0, ""});
    // `cspr deadlines` reads some 50,000 small files: a regular file is read in one call of its size
    // plus one byte (a short read is its end), so that each costs open, fstat, read and close.
    std::string content;
    std::size_t chunk = regular ? static_cast<std::size_t>(info.st_size) + 1 : 16384;
    for (;;) {
        const std::size_t had = content.size();
        content.resize(had + chunk);
        const ssize_t n = ::read(fd, content.data() + had, chunk);
        if (n < 0 && errno == EINTR) {
            content.resize(had);
            continue;
        }
        if (n < 0) fail_io(path, "cannot read");
        content.resize(had + static_cast<std::size_t>(n));
        if (content.size() > max_bytes)  // a pipe, or a file that grew while read: the limit all the same
            throw Error("is over " + std::to_string(max_bytes >> 20) + " MB", {path.string(), 0, ""});
        if (n == 0 || (regular && static_cast<std::size_t>(n) < chunk)) break;
        chunk = 16384;
    }
    return content;
}

}  // namespace

std::optional<std::string> read_file_if_exists(const fs::path& path, std::size_t max_bytes) {
    return read_opened(path, max_bytes, 0);
}

std::optional<std::string> read_case_file_if_exists(const fs::path& path, std::size_t max_bytes) {
    return read_opened(path, max_bytes, O_NOFOLLOW);
}

std::string read_file(const fs::path& path, std::size_t max_bytes) {
    if (auto content = read_file_if_exists(path, max_bytes)) return std::move(*content);
    errno = ENOENT;
    fail_io(path, "cannot read");
}

void write_file_atomically(const fs::path& path, std::string_view content, fs::perms mode) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    // Hidden, and named after the file, so that a leftover from a crash is recognisable.
    std::string temp_name(1, '.');
    temp_name += path.filename().string();
    temp_name += ".tmp-XXXXXX";
    std::string temp = (folder / temp_name).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail_io(path, "cannot create a temporary file beside it");
    crash_point();
    try {
        write_all(fd, content.substr(0, content.size() / 2), path);
        crash_point();
        write_all(fd, content.substr(content.size() / 2), path);
        crash_point();
        if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) fail_io(path, "cannot set permissions");
        if (::fsync(fd) != 0) fail_io(path, "cannot flush to disk");
        crash_point();
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    ::close(fd);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        fail_io(path, "cannot replace");
    }
    crash_point();
    fsync_folder(folder);
    crash_point();
}

}  // namespace cspr::store
