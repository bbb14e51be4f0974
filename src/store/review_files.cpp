// The files of the later steps: rapid-review.yaml, decision.yaml, publication.yaml, actions.yaml.
// Key order here is the order in files; docs/case-files.md is the specification.
#include <algorithm>

#include "map_reader.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

namespace {

MapReader open_record(std::string_view text, const std::string& file, Diagnostics& d, bool form, std::string& id) {
    MapReader m = read_root(text, file, d);
    if (form) {
        m.text("schema_version", Need::optional);
        m.text("id", Need::optional);
    } else {
        check_schema_version(m);
        id = m.text("id", Need::required);
    }
    return m;
}

std::optional<model::Route> read_route(MapReader& m, const std::string& key, Need need) {
    return m.choice<model::Route>(key, need, model::route_from_name, model::route_names());
}

std::array<model::PartnerSign, 3> read_partners(MapReader& parent, const std::string& key, Need need) {
    std::array<model::PartnerSign, 3> out;
    MapReader m = parent.map(key, need);
    for (model::Partner p : model::kPartners) {
        MapReader s = m.map(std::string(model::partner_key(p)), Need::optional);
        auto& sign = out[static_cast<std::size_t>(p)];
        sign.name = s.text("name", Need::optional);
        sign.date = s.date("date", Need::optional);
        sign.extra = s.extras();
    }
    return out;
}

void write_partners(YamlWriter& w, std::string_view key, const std::array<model::PartnerSign, 3>& signs) {
    w.begin_map(key);
    for (model::Partner p : model::kPartners) {
        const auto& s = signs[static_cast<std::size_t>(p)];
        if (s.name.empty() && !s.date && s.extra.empty()) {
            w.empty_map(model::partner_key(p));
            continue;
        }
        w.begin_map(model::partner_key(p));
        w.optional_text("name", s.name);
        w.optional_date("date", s.date);
        w.extras(s.extra);
        w.end_map();
    }
    w.end_map();
}

template <std::size_t N>
std::array<model::Answer, N> read_answers(MapReader& parent, const std::string& key,
                                          const std::array<model::Question, N>& questions) {
    std::array<model::Answer, N> out;
    MapReader m = parent.map(key, Need::required);
    for (std::size_t i = 0; i < N; ++i) {
        MapReader a = m.map(std::string(questions[i].key), Need::required);
        out[i].applies = a.boolean("applies", Need::required).value_or(false);
        out[i].note = a.text("note", Need::required);
        out[i].extra = a.extras();
    }
    return out;
}

template <std::size_t N>
void write_answers(YamlWriter& w, std::string_view key, const std::array<model::Answer, N>& answers,
                   const std::array<model::Question, N>& questions) {
    w.begin_map(key);
    for (std::size_t i = 0; i < N; ++i) {
        w.begin_map(questions[i].key);
        w.boolean("applies", answers[i].applies);
        w.text("note", answers[i].note);
        w.extras(answers[i].extra);
        w.end_map();
    }
    w.end_map();
}

// `amendments`: the earlier values kept when a recorded value was changed (--amend), in the same
// shape in every record that has them.
std::vector<model::Amendment> read_amendments(MapReader& m) {
    std::vector<model::Amendment> out;
    for (auto& item : m.map_list("amendments", Need::optional)) {
        model::Amendment a;
        a.date = item.date("date", Need::required).value_or(calendar::Date{});
        a.reason = item.text("reason", Need::required);
        MapReader previous = item.map("previous", Need::required);
        for (const auto& [key, field] : previous.entries()) a.previous.emplace_back(key, flow_text(*field.node));
        a.extra = item.extras();
        out.push_back(std::move(a));
    }
    return out;
}

void write_amendments(YamlWriter& w, const std::vector<model::Amendment>& amendments) {
    if (amendments.empty()) return;  // absent, not `[]`: a record never amended stays as it was
    w.begin_list("amendments");
    for (const auto& a : amendments) {
        w.begin_item();
        w.date("date", a.date);
        w.text("reason", a.reason);
        w.begin_map("previous");
        w.extras(a.previous);  // earlier values, already YAML text
        w.end_map();
        w.extras(a.extra);
    }
    w.end_list();
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
        for (const auto& [key, value] : old.entries) find_changes(value, now->find(key.scalar), path + "." + key.scalar, out);
    } else if (old.is_sequence() && now->is_sequence()) {
        for (std::size_t i = 0; i < old.items.size(); ++i)
            find_changes(old.items[i], i < now->items.size() ? &now->items[i] : nullptr, path + "[" + std::to_string(i) + "]", out);
    } else if (flow_text(old) != flow_text(*now)) {
        out.push_back(path);
    }
}

}  // namespace

// ---- rapid-review.yaml ----

model::RapidReview parse_rapid_review(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    model::RapidReview r;
    MapReader m = open_record(text, file, d, form, r.id);
    for (auto& item : m.map_list("returns", Need::optional)) {
        model::AgencyReturn a;
        a.agency = item.text("agency", Need::required);
        a.requested = item.date("requested", Need::optional);
        a.returned = item.date("returned", Need::optional);
        a.summary = item.text("summary", Need::optional);
        a.extra = item.extras();
        r.returns.push_back(std::move(a));
    }
    r.meeting = m.date("meeting", Need::optional);
    r.facts = m.text("facts", Need::optional);
    r.immediate_actions = m.text("immediate_actions", Need::optional);
    r.learning_shared = m.text("learning_shared", Need::optional);
    r.potential_for_improvement = m.text("potential_for_improvement", Need::optional);
    r.recommended_route = read_route(m, "recommended_route", Need::optional);
    r.national_importance = m.boolean("national_importance", Need::optional).value_or(false);
    r.national_importance_note = m.text("national_importance_note", Need::optional);
    r.sign_off = read_partners(m, "sign_off", Need::optional);
    r.sent_to_panel = m.date("sent_to_panel", Need::optional);
    r.amendments = read_amendments(m);
    r.extra = m.extras();
    return r;
}

std::string format_rapid_review(const model::RapidReview& r) {
    YamlWriter w(case_schema_path("rapid-review"), model::kSchemaVersion);
    w.text("id", r.id);
    if (r.returns.empty()) {
        w.empty_list("returns");
    } else {
        w.begin_list("returns");
        for (const auto& a : r.returns) {
            w.begin_item();
            w.text("agency", a.agency);
            w.optional_date("requested", a.requested);
            w.optional_date("returned", a.returned);
            w.optional_text("summary", a.summary);
            w.extras(a.extra);
        }
        w.end_list();
    }
    w.optional_date("meeting", r.meeting);
    w.optional_text("facts", r.facts);
    w.optional_text("immediate_actions", r.immediate_actions);
    w.optional_text("learning_shared", r.learning_shared);
    w.optional_text("potential_for_improvement", r.potential_for_improvement);
    if (r.recommended_route) w.text("recommended_route", model::route_name(*r.recommended_route));
    w.boolean("national_importance", r.national_importance);
    w.optional_text("national_importance_note", r.national_importance_note);
    write_partners(w, "sign_off", r.sign_off);
    w.optional_date("sent_to_panel", r.sent_to_panel);
    write_amendments(w, r.amendments);
    w.extras(r.extra);
    return w.str();
}

// ---- decision.yaml ----

model::Decision parse_decision(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    model::Decision x;
    MapReader m = open_record(text, file, d, form, x.id);
    x.date = m.date("date", Need::required).value_or(calendar::Date{});
    x.outcome = read_route(m, "outcome", Need::required).value_or(model::Route::no_further_action);
    x.criteria = read_answers(m, "criteria", model::decision_criteria());
    x.circumstances = read_answers(m, "circumstances", model::decision_circumstances());
    x.rationale = m.text("rationale", Need::required);
    x.decided_by = read_partners(m, "decided_by", Need::required);
    x.unanimous = m.boolean("unanimous", Need::required).value_or(false);
    x.family_told = m.date("family_told", Need::optional);
    x.family_note = m.text("family_note", Need::optional);
    for (auto& item : m.map_list("reviewers", Need::optional)) {
        model::Reviewer r{item.text("name", Need::required), item.text("conflict_of_interest", Need::required), {}, {}};
        r.named_on = item.date("named_on", Need::optional);
        r.extra = item.extras();
        x.reviewers.push_back(std::move(r));
    }
    MapReader informed = m.map("informed", Need::optional);
    x.informed_panel = informed.date("panel", Need::optional);
    x.informed_ofsted = informed.date("ofsted", Need::optional);
    x.informed_dfe = informed.date("dfe", Need::optional);
    x.amendments = read_amendments(m);
    x.extra = m.extras();
    return x;
}

std::string format_decision(const model::Decision& x) {
    YamlWriter w(case_schema_path("decision"), model::kSchemaVersion);
    w.text("id", x.id);
    w.date("date", x.date);
    w.text("outcome", model::route_name(x.outcome));
    write_answers(w, "criteria", x.criteria, model::decision_criteria());
    write_answers(w, "circumstances", x.circumstances, model::decision_circumstances());
    w.text("rationale", x.rationale);
    write_partners(w, "decided_by", x.decided_by);
    w.boolean("unanimous", x.unanimous);
    w.optional_date("family_told", x.family_told);
    w.optional_text("family_note", x.family_note);
    if (!x.reviewers.empty()) {
        w.begin_list("reviewers");
        for (const auto& r : x.reviewers) {
            w.begin_item();
            w.text("name", r.name);
            w.text("conflict_of_interest", r.conflict_of_interest);
            w.optional_date("named_on", r.named_on);
            w.extras(r.extra);
        }
        w.end_list();
    }
    if (x.informed_panel || x.informed_ofsted || x.informed_dfe) {
        w.begin_map("informed");
        w.optional_date("panel", x.informed_panel);
        w.optional_date("ofsted", x.informed_ofsted);
        w.optional_date("dfe", x.informed_dfe);
        w.end_map();
    }
    write_amendments(w, x.amendments);
    w.extras(x.extra);
    return w.str();
}

// ---- publication.yaml ----

model::Publication parse_publication(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    model::Publication p;
    MapReader m = open_record(text, file, d, form, p.id);
    p.publish_on = m.date("publish_on", Need::optional);
    p.full_report = m.boolean("full_report", Need::optional).value_or(true);
    p.justification = m.text("justification", Need::optional);
    MapReader copies = m.map("copies", Need::optional);
    p.copy_panel = copies.date("panel", Need::optional);
    p.copy_secretary_of_state = copies.date("secretary_of_state", Need::optional);
    p.copy_ofsted = copies.date("ofsted", Need::optional);
    MapReader not_sent = m.map("copies_not_sent", Need::optional);
    p.not_sent_panel = not_sent.text("panel", Need::optional);
    p.not_sent_secretary_of_state = not_sent.text("secretary_of_state", Need::optional);
    p.not_sent_ofsted = not_sent.text("ofsted", Need::optional);
    MapReader delay = m.map("delay", Need::optional);
    if (delay.field().node->is_map()) {
        model::Delay dl;
        dl.reason = delay.choice<model::DelayReason>("reason", Need::required, model::delay_from_name,
                                                     "criminal-investigation, inquest, prosecution, other")
                        .value_or(model::DelayReason::other);
        dl.note = delay.text("note", Need::optional);
        dl.panel_and_sos_told = delay.date("panel_and_sos_told", Need::optional);
        dl.extra = delay.extras();
        p.delay = dl;
    }
    p.published = m.date("published", Need::optional);
    p.national = m.boolean("national", Need::optional).value_or(false);
    // Derived by the rules engine (keep-available) and rewritten by every publish-check write; kept
    // as read so that a file round-trips, never used to count.
    p.available_until = m.date("available_until", Need::optional);
    p.amendments = read_amendments(m);
    p.extra = m.extras();
    return p;
}

std::string format_publication(const model::Publication& p) {
    YamlWriter w(case_schema_path("publication"), model::kSchemaVersion);
    w.text("id", p.id);
    w.optional_date("publish_on", p.publish_on);
    w.boolean("full_report", p.full_report);
    w.optional_text("justification", p.justification);
    if (p.copy_panel || p.copy_secretary_of_state || p.copy_ofsted) {
        w.begin_map("copies");
        w.optional_date("panel", p.copy_panel);
        w.optional_date("secretary_of_state", p.copy_secretary_of_state);
        w.optional_date("ofsted", p.copy_ofsted);
        w.end_map();
    }
    if (!p.not_sent_panel.empty() || !p.not_sent_secretary_of_state.empty() || !p.not_sent_ofsted.empty()) {
        w.begin_map("copies_not_sent");
        w.optional_text("panel", p.not_sent_panel);
        w.optional_text("secretary_of_state", p.not_sent_secretary_of_state);
        w.optional_text("ofsted", p.not_sent_ofsted);
        w.end_map();
    }
    if (p.delay) {
        w.begin_map("delay");
        w.text("reason", model::delay_name(p.delay->reason));
        w.optional_text("note", p.delay->note);
        w.optional_date("panel_and_sos_told", p.delay->panel_and_sos_told);
        w.extras(p.delay->extra);
        w.end_map();
    }
    w.optional_date("published", p.published);
    w.boolean("national", p.national);
    // Computed by the rules engine (keep-available) before a write; a reader's convenience only.
    w.optional_date("available_until", p.available_until);
    write_amendments(w, p.amendments);
    w.extras(p.extra);
    return w.str();
}

// ---- amendments ----

std::vector<std::string> changed_recorded_values(std::string_view before, std::string_view after, std::string_view blank,
                                                 const std::vector<std::string>& ignored) {
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

// ---- actions.yaml ----

namespace {

// "due: 2026-03-31 -> 2027-03-31" or "status: in-progress -> dropped": the text a reader of the file
// sees, split into its parts so that `cspr validate` can compare them with the action.
bool split_change(const std::string& text, model::ActionChange& c) {
    const auto colon = text.find(": "), arrow = text.find(" -> ");
    if (colon == std::string::npos || arrow == std::string::npos || arrow < colon) return false;
    c.field = text.substr(0, colon);
    c.from = text.substr(colon + 2, arrow - colon - 2);
    c.to = text.substr(arrow + 4);
    if (c.field == "due") return calendar::parse_iso_date(c.from) && calendar::parse_iso_date(c.to);
    return c.field == "status" && model::action_status_from_name(c.from) && model::action_status_from_name(c.to);
}

model::ActionChange read_action_change(MapReader& item) {
    model::ActionChange c;
    c.recorded = item.date("recorded", Need::required).value_or(calendar::Date{});
    const std::string change = item.text("change", Need::required);
    if (!change.empty() && !split_change(change, c)) {
        const Field at = item.field().child("change", item.field().node->find("change"));
        item.report(at, shown(at, change) + " is not 'due: YYYY-MM-DD -> YYYY-MM-DD' or 'status: OLD -> NEW'");
    }
    c.reason = item.text("reason", Need::required);
    c.extra = item.extras();
    return c;
}

void write_action_history(YamlWriter& w, const std::vector<model::ActionChange>& history) {
    if (history.empty()) return;  // absent, not `[]`: files written before history stay byte-identical
    w.begin_list("history");
    for (const auto& c : history) {
        w.begin_item();
        w.date("recorded", c.recorded);
        w.text("change", c.field + ": " + c.from + " -> " + c.to);
        w.text("reason", c.reason);
        w.extras(c.extra);
    }
    w.end_list();
}

}  // namespace

model::Actions parse_actions(std::string_view text, const std::string& file, Diagnostics& d, bool form) {
    model::Actions a;
    MapReader m = open_record(text, file, d, form, a.id);
    for (auto& item : m.map_list("actions", Need::required)) {
        model::Action x;
        x.ref = item.text("ref", Need::required);
        x.recommendation = item.text("recommendation", Need::required);
        x.owner = item.text("owner", Need::required);
        x.due = item.date("due", Need::required).value_or(calendar::Date{});
        x.original_due = item.date("original_due", Need::optional);
        x.status = item.choice<model::ActionStatus>("status", Need::required, model::action_status_from_name,
                                                    "open, in-progress, done, dropped")
                       .value_or(model::ActionStatus::open);
        x.completed = item.date("completed", Need::optional);
        x.evidence = item.text("evidence", Need::optional);
        for (auto& change : item.map_list("history", Need::optional)) x.history.push_back(read_action_change(change));
        x.extra = item.extras();
        a.actions.push_back(std::move(x));
    }
    a.extra = m.extras();
    return a;
}

std::string format_actions(const model::Actions& a) {
    YamlWriter w(case_schema_path("actions"), model::kSchemaVersion);
    w.text("id", a.id);
    if (a.actions.empty()) {
        w.empty_list("actions");
    } else {
        w.begin_list("actions");
        for (const auto& x : a.actions) {
            w.begin_item();
            w.text("ref", x.ref);
            w.text("recommendation", x.recommendation);
            w.text("owner", x.owner);
            w.date("due", x.due);
            w.optional_date("original_due", x.original_due);
            w.text("status", model::action_status_name(x.status));
            w.optional_date("completed", x.completed);
            w.optional_text("evidence", x.evidence);
            write_action_history(w, x.history);
            w.extras(x.extra);
        }
        w.end_list();
    }
    w.extras(a.extra);
    return w.str();
}

}  // namespace cspr::store
