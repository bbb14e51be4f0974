#include "cspr/field_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cspr/field_tables.hpp"

namespace cspr::model {

bool valid_code(std::string_view code) {
    return code.size() >= 2 && code.size() <= 12 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void check_code(const std::string& code, Complaints& out) {
    if (!code.empty() && !valid_code(code)) out.value_is(" must be 2 to 12 capital letters");
}

void check_action_ref(const std::string& ref, Complaints& out) {
    const bool ok = ref.size() >= 2 && ref[0] == 'R' && ref.find_first_not_of("0123456789", 1) == std::string::npos;
    if (!ref.empty() && !ok) out.value_is(" is not an action reference: R and a number, e.g. R1");
}

void check_criteria(const std::vector<std::string>& criteria, Complaints& out) {
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        // Never quoted: a criterion is free text typed by hand, which may hold a name.
        if (!find_criterion(criteria[i]))
            out.at(i, "the value is not a criterion of the referral form (see docs/case-files.md)");
        else if (std::find(criteria.begin(), criteria.begin() + static_cast<long>(i), criteria[i]) !=
                 criteria.begin() + static_cast<long>(i))
            out.at(i, "the value is listed twice");
    }
}

std::string format_change(const ActionChange& c) { return c.field + ": " + c.from + " -> " + c.to; }

// The text a reader of the file sees, split into its parts so that `cspr validate` can compare them
// with the action.
std::string parse_change(std::string_view text, ActionChange& c) {
    const auto colon = text.find(": "), arrow = text.find(" -> ");
    bool ok = colon != std::string_view::npos && arrow != std::string_view::npos && arrow > colon;
    if (ok) {
        c.field = text.substr(0, colon);
        c.from = text.substr(colon + 2, arrow - colon - 2);
        c.to = text.substr(arrow + 4);
        if (c.field == "due") ok = calendar::parse_iso_date(c.from) && calendar::parse_iso_date(c.to);
        else ok = c.field == "status" && from_name<ActionStatus>(c.from) && from_name<ActionStatus>(c.to);
    }
    return ok ? "" : " is not 'due: YYYY-MM-DD -> YYYY-MM-DD' or 'status: OLD -> NEW'";
}

namespace {

// A mode such as "0640": octal, within `allowed` (owner and group bits only), with all of `required`.
std::string parse_mode(std::string_view text, int& mode, int fallback, int required, int allowed, std::string_view key,
                       std::string_view what) {
    int parsed = 0;
    const bool octal = text.size() >= 3 && text.size() <= 4 &&
                       std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '7'; });
    if (octal) parsed = std::stoi(std::string(text), nullptr, 8);
    if (!octal || parsed > 0777) return fmt::format(" is not a mode; expected octal such as \"{:04o}\"", fallback);
    if ((parsed & 0007) != 0)
        return fmt::format(" would give every account on the machine access to {}; give a group access instead, e.g. "
                           "\"{:04o}\"",
                           what, parsed & 0770);
    if ((parsed & required) != required || (parsed & ~allowed) != 0)
        return fmt::format(": {} need at least {:04o} and at most {:04o}", key, required, allowed);
    mode = parsed;
    return "";
}

std::string format_mode(int mode, int fallback) { return mode == fallback ? "" : fmt::format("{:04o}", mode); }

}  // namespace

std::string format_files_mode(const int& mode) { return format_mode(mode, Permissions{}.files); }
std::string parse_files_mode(std::string_view text, int& mode) {
    return parse_mode(text, mode, Permissions{}.files, 0600, 0660, "files", "case files");
}
std::string format_folders_mode(const int& mode) { return format_mode(mode, Permissions{}.folders); }
std::string parse_folders_mode(std::string_view text, int& mode) {
    return parse_mode(text, mode, Permissions{}.folders, 0700, 0770, "folders", "case folders");
}

}  // namespace cspr::model
