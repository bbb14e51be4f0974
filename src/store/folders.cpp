// Finding the case folder and the user's data folder, and the holiday data in force.
#include <cstdlib>

#include "cspr/error.hpp"
#include "cspr/store.hpp"

namespace cspr::store {

namespace {

fs::path existing_folder(const std::string& given, const std::string& source) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) throw Error("no such folder '" + given + "'", {.field = source});
    return fs::path(given);
}

void overlay_file(calendar::HolidayTable& table, const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return;
    table = calendar::overlay(table, parse_holiday_feed(read_file(file), file.string()));
}

}  // namespace

std::optional<fs::path> find_case_folder(const std::optional<std::string>& flag, const char* env, const fs::path& cwd) {
    if (flag) return existing_folder(*flag, "--cases");
    if (env != nullptr && *env != '\0') return existing_folder(env, "CSPR_CASES");
    std::error_code ec;
    for (fs::path dir = cwd;; dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / kCaseFolderMarker, ec)) return dir;
        if (dir == dir.parent_path()) return std::nullopt;
    }
}

std::optional<fs::path> user_data_folder() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') return fs::path(xdg) / "cspr";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return fs::path(home) / ".local" / "share" / "cspr";
    return std::nullopt;
}

calendar::HolidayTable load_holidays(const CalendarSources& sources) {
    calendar::HolidayTable table = calendar::embedded_holidays();
    if (sources.user_folder) overlay_file(table, *sources.user_folder / kHolidayFileName);
    if (sources.case_folder) overlay_file(table, *sources.case_folder / kHolidayFileName);
    return table;
}

}  // namespace cspr::store
