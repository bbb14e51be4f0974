// The one way a command changes a recorded fact: refused without --amend --reason, and with them the
// earlier values kept in the record (docs/case-files.md, "Amendments").
#include "amend.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace cspr::cli {

void add_amend_options(CLI::App& sub, AmendOptions& o, std::string_view record) {
    sub.add_flag("--amend", o.amend,
                 fmt::format("Change a recorded {}; the earlier values are kept in the record", record));
    sub.add_option("--reason", o.reason, fmt::format("Why the {} is amended (required with --amend)", record));
}

void check_amend_options(const AmendOptions& o, bool recorded, std::string_view id, std::string_view file) {
    if (o.amend && !recorded)
        throw Error(fmt::format("nothing to amend: {} has no {} yet", id, file), {.field = "--amend"});
    if (o.amend && (!o.reason || o.reason->find_first_not_of(" \t") == std::string::npos))
        throw Error("an amendment needs its reason, kept in the record", {.field = "--reason"});
    if (!o.amend && o.reason) throw Error("--reason goes with --amend", {.field = "--reason"});
}

std::optional<model::Amendment> amend_or_refuse(const AmendOptions& o, std::string_view file,
                                                const std::vector<std::string>& changed, std::string_view before,
                                                std::string_view after, const std::vector<std::string>& ignored,
                                                calendar::Date today) {
    if (!o.amend) {
        if (changed.empty()) return std::nullopt;
        // Field names only: the values are case data, never quoted in an error.
        throw Error(fmt::format("{} is a record: changing {} takes --amend --reason TEXT", file,
                                fmt::join(changed, ", ")),
                    {.field = "ID"});
    }
    auto previous = store::changed_fields(before, after, ignored);
    if (previous.empty())
        throw Error(fmt::format("nothing to amend: the values given are those in {}", file), {.field = "--amend"});
    return model::Amendment{today, *o.reason, std::move(previous), {}};
}

std::string amended_fields(const model::Amendment& a) {
    std::string fields;
    for (const auto& p : a.previous) fields += (fields.empty() ? "" : ", ") + p.first;
    return fields;
}

std::string amended_text(const std::vector<model::Amendment>& amendments) {
    if (amendments.empty()) return "";
    return fmt::format("{} {}, last on {}", amendments.size(), amendments.size() == 1 ? "time" : "times",
                       calendar::format_iso_date(amendments.back().date));
}

}  // namespace cspr::cli
