// The checks and text forms of single rows of the field tables (field_tables.hpp): what a value
// must be beyond its type, declared beside the row that uses it. No I/O: a check only complains.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cspr/fields.hpp"

namespace cspr::model {

// cspr.yaml `code`: 2 to 12 capital letters.
bool valid_code(std::string_view code);
void check_code(const std::string& code, Complaints& out);

// actions.yaml `actions[].ref`: R and a number, as `cspr actions` allocates them.
void check_action_ref(const std::string& ref, Complaints& out);

// referral.yaml `criteria`: each a criterion of the referral form, at most once.
void check_criteria(const std::vector<std::string>& criteria, Complaints& out);

// actions.yaml `history[].change`: "due: 2026-03-31 -> 2027-03-31" or "status: in-progress -> dropped".
std::string format_change(const ActionChange& c);
std::string parse_change(std::string_view text, ActionChange& c);
inline constexpr Codec<ActionChange> kChangeCodec{format_change, parse_change,
                                                  "^(due: [0-9]{4}-[0-9]{2}-[0-9]{2} -> "
                                                  "[0-9]{4}-[0-9]{2}-[0-9]{2}|status: (open|in-progress|done|dropped) "
                                                  "-> "
                                                  "(open|in-progress|done|dropped))$"};

// cspr.yaml `permissions`: octal modes, owner and group bits only; "" for the default (left out).
std::string format_files_mode(const int& mode);
std::string parse_files_mode(std::string_view text, int& mode);
std::string format_folders_mode(const int& mode);
std::string parse_folders_mode(std::string_view text, int& mode);
inline constexpr Codec<int> kFilesMode{format_files_mode, parse_files_mode, "^0?6[0246]0$"};
inline constexpr Codec<int> kFoldersMode{format_folders_mode, parse_folders_mode, "^0?7[0-7]0$"};

}  // namespace cspr::model
