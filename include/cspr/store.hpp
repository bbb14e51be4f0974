// Everything that touches the disk: reading data files, the case folder, atomic writes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "cspr/calendar.hpp"

namespace cspr::store {

namespace fs = std::filesystem;

// ---- Files -------------------------------------------------------------------------------------

// Reads a whole file; throws cspr::Error naming it when it cannot.
std::string read_file(const fs::path& path);

// Replaces `path` with `content` so that a reader (or a crash) sees the old file or the new one,
// never a mix: write a temporary file beside it, fsync, rename over, fsync the folder.
void write_file_atomically(const fs::path& path, std::string_view content, fs::perms mode = fs::perms::owner_read |
                                                                                          fs::perms::owner_write);

// ---- Bank-holiday feed (GOV.UK's bank-holidays.json) ----------------------------------------

// Parses the GOV.UK feed: top-level keys `england-and-wales`, `scotland`, `northern-ireland`, each
// `{division, events: [{title, date, notes, bunting}]}`. Throws cspr::Error with file, line and
// field for anything else (unknown division, bad date, events out of order, duplicate dates...).
calendar::HolidayTable parse_holiday_feed(std::string_view text, const std::string& file_name);

// Writes a table back in the feed's shape, deterministically (divisions in GOV.UK order).
std::string format_holiday_feed(const calendar::HolidayTable& table);

// ---- Where things live -------------------------------------------------------------------------

inline constexpr std::string_view kCaseFolderMarker = "cspr.yaml";
inline constexpr std::string_view kHolidayFileName = "bank-holidays.json";

// The case folder: `flag` (--cases) if given, else `env` ($CSPR_CASES) if set, else the nearest
// parent of `cwd` holding cspr.yaml. nullopt when none applies. A given folder must exist.
std::optional<fs::path> find_case_folder(const std::optional<std::string>& flag, const char* env,
                                         const fs::path& cwd);

// $XDG_DATA_HOME/cspr, else $HOME/.local/share/cspr.
std::optional<fs::path> user_data_folder();

// Where an imported feed is looked for, most specific last: the user's data folder, then the case
// folder. Each later one overlays the earlier (see calendar::overlay).
struct CalendarSources {
    std::optional<fs::path> case_folder;
    std::optional<fs::path> user_folder;
};

// The holiday table in force: embedded data, overlaid by any imported feed found in `sources`.
calendar::HolidayTable load_holidays(const CalendarSources& sources);

}  // namespace cspr::store
