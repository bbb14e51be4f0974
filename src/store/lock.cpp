// Advisory locks on folders, and who holds them (from /proc/locks, so that the message can name the
// process instead of saying only "busy").
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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

}  // namespace

std::chrono::milliseconds lock_wait() {
    if (const char* text = std::getenv("CSPR_LOCK_WAIT"); text != nullptr && *text != '\0')
        return std::chrono::milliseconds(static_cast<long>(std::strtod(text, nullptr) * 1000));
    return std::chrono::seconds(10);
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
            const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(wait).count();
            throw Error(what + " is being written by " + (holder > 0 ? "process " + std::to_string(holder) : "another process") +
                        "; waited " + std::to_string(seconds) + " s (CSPR_LOCK_WAIT sets how long)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

FolderLock::~FolderLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace cspr::store
