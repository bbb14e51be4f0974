// Advisory locks on folders, and who holds them (from /proc/locks, so that the message can name the
// process instead of saying only "busy").
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "cspr/store.hpp"

namespace cspr::store {

namespace {

// The process holding a flock on the file with this device and inode, or 0 when unknown.
long lock_holder(const struct stat& info) {
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        // "1: FLOCK  ADVISORY  WRITE 12345 08:01:654321 0 EOF"
        std::istringstream in(line);
        std::string id, kind, mode, access, device;
        long pid = 0;
        if (!(in >> id >> kind >> mode >> access >> pid >> device) || kind != "FLOCK") continue;
        const auto last_colon = device.rfind(':');
        if (last_colon == std::string::npos) continue;
        if (std::strtoull(device.c_str() + last_colon + 1, nullptr, 10) == info.st_ino) return pid;
    }
    return 0;
}

// The longest wait CSPR_LOCK_WAIT may ask for: an hour is already far past any real write.
constexpr long kMaxLockWaitSeconds = 3600;

// CSPR_LOCK_WAIT as milliseconds: only plain decimal seconds ("10", "0.5"), so that a typo, a sign,
// hex, an exponent, inf or nan is refused rather than read as some other wait (strtod took them all).
std::chrono::milliseconds parse_lock_wait(std::string_view text) {
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot);
    const auto fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    const auto digits = [](std::string_view s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    };
    const auto bad = [] {
        return Error("must be a number of seconds from 0 to " + std::to_string(kMaxLockWaitSeconds) +
                         ", e.g. 10 or 0.5",
                     {.field = "CSPR_LOCK_WAIT"});
    };
    if (!digits(whole) || (dot != std::string_view::npos && !digits(fraction))) throw bad();
    // Within the range checked digit by digit: no conversion can overflow.
    const auto significant = whole.substr(std::min(whole.find_first_not_of('0'), whole.size()));
    if (significant.size() > 4) throw bad();
    const long seconds = significant.empty() ? 0 : std::stol(std::string(significant));
    long millis = 0;
    for (std::size_t i = 0; i < 3; ++i) millis = millis * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (seconds > kMaxLockWaitSeconds || (seconds == kMaxLockWaitSeconds && millis > 0)) throw bad();
    return std::chrono::milliseconds(seconds * 1000 + millis);
}

}  // namespace

std::chrono::milliseconds lock_wait() {
    if (const char* text = std::getenv("CSPR_LOCK_WAIT"); text != nullptr && *text != '\0')
        return parse_lock_wait(text);
    return std::chrono::seconds(10);
}

std::string wait_text(std::chrono::milliseconds wait) {
    const auto ms = wait.count();
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    std::string fraction = fmt::format("{:03}", ms % 1000);
    while (fraction.back() == '0') fraction.pop_back();
    return std::to_string(ms / 1000) + "." + fraction + " s";
}

FolderLock::FolderLock(const fs::path& folder, const std::string& what, std::chrono::milliseconds wait) {
    const fs::path dir = folder.empty() ? fs::path(".") : folder;
    fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) throw Error("cannot open the folder to lock it", {dir.string(), 0, ""});
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            ::close(fd_);
            throw Error("cannot lock the folder", {dir.string(), 0, ""});
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            struct stat info {};
            const long holder = ::fstat(fd_, &info) == 0 ? lock_holder(info) : 0;
            ::close(fd_);
            throw Error(what + " is being written by " +
                        (holder > 0 ? "process " + std::to_string(holder) : "another process") + "; waited " +
                        wait_text(wait) + " (CSPR_LOCK_WAIT sets how long)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

FolderLock::~FolderLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

bool folder_lock_held(const fs::path& folder) {
    const int fd =
        ::open((folder.empty() ? fs::path(".") : folder).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    // A shared lock conflicts with a writer's exclusive one only; closing gives it straight back.
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

}  // namespace cspr::store
