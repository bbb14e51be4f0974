// A team's shared case folder (cspr init --group): the group that owns it, checked before anything
// is written, and given the folder and the files init wrote, with the set-group-ID bit on folders so
// that what the team adds later belongs to the group too.
#include <grp.h>
#include <sys/stat.h>  // chmod
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace cspr::store {

namespace {

bool member_of(gid_t gid) {
    if (getegid() == gid) return true;
    const int n = getgroups(0, nullptr);
    std::vector<gid_t> groups(static_cast<std::size_t>(std::max(n, 0)));
    const int got = getgroups(n, groups.data());
    return got > 0 && std::find(groups.begin(), groups.begin() + got, gid) != groups.begin() + got;
}

}  // namespace

unsigned require_team_group(const std::string& name) {
    const group* g = getgrnam(name.c_str());
    if (g == nullptr)
        throw Error("'" + name + "' is not a group on this machine (getent group lists them)", {.field = "--group"});
    if (!member_of(g->gr_gid))
        throw Error("you are not in group '" + name + "' (id -nG lists yours): cspr could not give it the folder",
                    {.field = "--group"});
    return g->gr_gid;
}

void give_to_group(const fs::path& root, const std::vector<fs::path>& files, unsigned gid) {
    std::vector<fs::path> folders = {root, root / "cases", root / "schemas"};
    for (const auto& path : folders) {
        if (::chown(path.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(gid)) != 0)
            throw Error("cannot give the folder to the group: " + std::string(std::strerror(errno)),
                        {path.string(), 0, ""});
        ::chmod(path.c_str(), 02770);  // the team reads and writes; what it adds is the group's
    }
    for (const auto& path : files)
        if (::chown(path.c_str(), static_cast<uid_t>(-1), static_cast<gid_t>(gid)) != 0)
            throw Error("cannot give the file to the group: " + std::string(std::strerror(errno)),
                        {path.string(), 0, ""});
}

}  // namespace cspr::store
