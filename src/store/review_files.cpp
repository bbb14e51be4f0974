// The files of the later steps: rapid-review.yaml, decision.yaml, publication.yaml, actions.yaml,
// and lateness.yaml (why a step was late).
// Key order here is the order in files; docs/case-files.md is the specification.
#include <algorithm>

#include "field_write.hpp"
#include "map_reader.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

namespace {

// A record's file, or its --from form (no schema_version or id needed).
template <class Record>
Record read_record(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    MapReader m = read_root(text, file, d);
    if (form) m.text("schema_version", Need::optional);  // a form may carry it; it is not an unknown key
    else check_schema_version(m);
    Record r;
    TableReader reader(m, form);
    fields(reader, r);
    return r;
}

template <class Record>
std::string write_record(std::string_view kind, const Record& r) {
    YamlWriter w(case_schema_path(kind), model::kSchemaVersion);
    TableWriter writer(w);
    fields(writer, r);
    return w.str();
}

bool is_empty(const DocNode& n) {
    return n.is_null() || (n.is_scalar() && n.scalar.empty()) || (n.is_sequence() && n.items.empty()) ||
           (n.is_map() && n.entries.empty());
}

// Adds `path` (and below it) to `out` for each value recorded in `old` that `now` changes or removes.
// Lists are compared item by item: a list grown at its end only adds.
void find_changes(const DocNode& old, const DocNode* now, const std::string& path, std::vector<std::string>& out) {
    if (is_empty(old)) return;  // filling in is not a change
    if (!now || is_empty(*now)) {
        out.push_back(path);
    } else if (old.is_map() && now->is_map()) {
        for (const auto& [key, value] : old.entries)
            find_changes(value, now->find(key.scalar), path + "." + key.scalar, out);
    } else if (old.is_sequence() && now->is_sequence()) {
        for (std::size_t i = 0; i < old.items.size(); ++i)
            find_changes(old.items[i], i < now->items.size() ? &now->items[i] : nullptr,
                         path + "[" + std::to_string(i) + "]", out);
    } else if (flow_text(old) != flow_text(*now)) {
        out.push_back(path);
    }
}

}  // namespace

model::RapidReview parse_rapid_review(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::RapidReview>(text, file, d, form);
}
std::string format_rapid_review(const model::RapidReview& r) { return write_record("rapid-review", r); }

model::Decision parse_decision(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::Decision>(text, file, d, form);
}
std::string format_decision(const model::Decision& x) { return write_record("decision", x); }

// available_until is derived by the rules engine (keep-available) and rewritten by every
// publish-check write; it is kept as read so that a file round-trips, never used to count.
model::Publication parse_publication(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::Publication>(text, file, d, form);
}
std::string format_publication(const model::Publication& p) { return write_record("publication", p); }

model::Actions parse_actions(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::Actions>(text, file, d, form);
}
std::string format_actions(const model::Actions& a) { return write_record("actions", a); }

model::PanelResponse parse_panel_response(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::PanelResponse>(text, file, d, form);
}
std::string format_panel_response(const model::PanelResponse& p) { return write_record("panel-response", p); }

model::Lateness parse_lateness(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    return read_record<model::Lateness>(text, file, d, form);
}
std::string format_lateness(const model::Lateness& l) { return write_record("lateness", l); }

// ---- amendments ----

std::vector<std::string> changed_recorded_values(std::string_view before, std::string_view after,
                                                 std::string_view blank, const std::vector<std::string>& ignored) {
    const DocNode old_root = parse_document(before, "");
    const DocNode new_root = parse_document(after, "");
    const DocNode blank_root = parse_document(blank, "");
    std::vector<std::string> changed;
    for (const auto& [key, value] : old_root.entries) {
        if (std::find(ignored.begin(), ignored.end(), key.scalar) != ignored.end()) continue;
        // A value every new record holds (national_importance: false) is no answer yet.
        const DocNode* as_new = blank_root.find(key.scalar);
        if (as_new && flow_text(*as_new) == flow_text(value)) continue;
        find_changes(value, new_root.find(key.scalar), key.scalar, changed);
    }
    return changed;
}

}  // namespace cspr::store
