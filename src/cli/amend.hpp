// --amend and --reason: how a recorded fact is changed, the same way in decide, rapid-review and
// publish-check. A record keeps each earlier value in its `amendments` list: a mistyped command
// never overwrites a date the deadlines are judged on without a trace.
#pragma once

#include "app.hpp"

namespace cspr::cli {

struct AmendOptions {
    bool amend = false;
    std::optional<std::string> reason;
};

// Declares --amend and --reason; `record` names what is amended ("decision").
void add_amend_options(CLI::App& sub, AmendOptions& o, std::string_view record);

// Before anything changes: there must be a record (`file` of case `id`) to amend, an amendment
// needs its reason, and --reason goes with --amend.
void check_amend_options(const AmendOptions& o, bool recorded, std::string_view id, std::string_view file);

// The fields of `file` that it is usual to leave out of the comparison: never a recorded fact.
inline const std::vector<std::string> kRecordHeader = {"schema_version", "id", "amendments"};

// A command that changes `changed` (the recorded fields of `file` it alters; empty when it only
// fills in) without --amend is refused, naming them: exit 2, nothing written. With --amend, returns
// the amendment to keep: today, the reason, and the earlier value of each top-level field that
// differs between the texts `before` and `after` (apart from `ignored`).
std::optional<model::Amendment> amend_or_refuse(const AmendOptions& o, std::string_view file,
                                                const std::vector<std::string>& changed, std::string_view before,
                                                std::string_view after, const std::vector<std::string>& ignored,
                                                calendar::Date today);

// The fields an amendment changed, "meeting, sent_to_panel": for commit messages, which never carry
// the reason (free text).
std::string amended_fields(const model::Amendment& a);

// "2 times, last on 2025-12-01", for summaries (show, rapid-review...); empty when never amended.
std::string amended_text(const std::vector<model::Amendment>& amendments);

}  // namespace cspr::cli
