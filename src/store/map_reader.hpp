// Reading one YAML mapping into model fields, reporting each problem with file, line and field.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cspr/fields.hpp"
#include "cspr/model.hpp"
#include "cspr/store.hpp"
#include "yaml_read.hpp"

namespace cspr::store {

using Need = model::Need;

// How an error shows a field's value: quoted, or "the value" for a personal field (the child, the
// family, the referrer, the agencies), whose contents never appear in an error.
std::string shown(const struct Field& f, const std::string& value);

// Wraps a mapping node. Every accessor reports a problem to `diagnostics` (which throws in strict
// mode) and returns a neutral value, so that `cspr validate` can go on and list every problem.
// Keys that no accessor asked for are the file's unknown keys: extras() returns them for rewriting.
class MapReader {
public:
    MapReader(Field field, Diagnostics& diagnostics);

    std::string text(const std::string& key, Need need);
    std::optional<calendar::Date> date(const std::string& key, Need need);
    std::optional<calendar::DateTime> date_time(const std::string& key, Need need);
    std::optional<bool> boolean(const std::string& key, Need need);
    std::optional<long long> integer(const std::string& key, Need need);
    std::vector<std::string> text_list(const std::string& key, Need need);
    // A value from a fixed set of spellings, e.g. "current" for CpPlan::current.
    template <typename Enum>
    std::optional<Enum> choice(const std::string& key, Need need, std::optional<Enum> (*from_name)(std::string_view),
                               std::string_view allowed) {
        const auto field = get(key, need);
        if (!field) return std::nullopt;
        const std::string value = scalar(*field);
        if (auto e = from_name(value)) return e;
        report(*field, shown(*field, value) + " is not one of " + std::string(allowed));
        return std::nullopt;
    }
    // A nested mapping; an empty reader (every key missing) when it is absent or not a mapping.
    MapReader map(const std::string& key, Need need);
    // The items of a list of mappings.
    std::vector<MapReader> map_list(const std::string& key, Need need);
    // Entries of a mapping whose keys are data (rule ids, years), in file order.
    std::vector<std::pair<std::string, Field>> entries();
    // A reader over a nested mapping found through entries().
    MapReader nested(const Field& f) const { return MapReader(f, *diagnostics_); }

    model::Extras extras() const;
    const Field& field() const { return field_; }
    void report(const Field& at, const std::string& message) const;
    void report_missing(const std::string& key) const;

private:
    std::optional<Field> get(const std::string& key, Need need);
    std::string scalar(const Field& f) const;

    Field field_;
    Diagnostics* diagnostics_;
    bool valid_ = true;
    std::set<std::string> asked_;
};

// The root mapping of a case file; a syntax error or a root that is not a mapping is reported and
// gives an empty reader.
MapReader read_root(std::string_view text, const std::string& file, Diagnostics& diagnostics);
// Reads `schema_version` and refuses any but model::kSchemaVersion.
void check_schema_version(MapReader& m);
// The editor's schema path written at the top of a file in cases/<ID>/.
std::string case_schema_path(std::string_view kind);

// The YAML text of any node in flow style, such that reading it back gives the same value.
std::string flow_text(const DocNode& node);

// The 1-based line of the first comment in `text`, ignoring the editor's schema line at the top.
std::optional<int> first_comment_line(std::string_view text);
// The first tag or merge key, which a rewrite would change, with what it is; nullopt when none.
std::optional<std::pair<int, std::string>> first_unkept_syntax(std::string_view text);

}  // namespace cspr::store
