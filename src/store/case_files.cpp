// The case files: each kind read into its model value and written back in canonical form.
// The order of keys here is the order in files, and docs/case-files.md is the specification.
#include <fmt/format.h>

#include "map_reader.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

namespace {

// ---- cspr.yaml ----

// The longest override each unit may have: about a century (a year is taken as 260 working days),
// far past any timescale a partnership sets, and small enough that no due date leaves what date.h and
// std::chrono::system_clock can hold. Hours get 60 years only: an hour clock's due instant goes
// through system_clock, which ends in April 2262, and a referral (whose clock starts at a date-time)
// may be received as late as 2199.
struct LengthLimit {
    long long most;
    std::string_view about;  // how long that is, when the unit does not say it
};

LengthLimit length_limit(model::Unit unit) {
    switch (unit) {
        case model::Unit::working_days: return {26'000, " (about 100 years)"};
        case model::Unit::calendar_days: return {36'600, " (about 100 years)"};
        case model::Unit::hours: return {525'600, " (about 60 years)"};
        case model::Unit::months: return {1'200, " (about 100 years)"};
        case model::Unit::years: return {100, ""};
    }
    return {0, ""};
}

Field length_field(const MapReader& m) { return m.field().child("length", m.field().node->find("length")); }

// The length as the model's int, checked against the unit's limit while it is still a long long, so
// that no value is cut down (4294967301 to 5) or reaches the date arithmetic out of range. A length
// refused here or before, or whose unit is missing or unknown (already reported), reads as 0.
int checked_length(const MapReader& m, long long length, std::optional<model::Unit> unit) {
    if (length < 0 || !unit) return 0;
    const LengthLimit limit = length_limit(*unit);
    if (length > limit.most) {
        m.report(length_field(m), fmt::format("'{}' is too long: at most {} {}{}", length, limit.most,
                                              model::unit_name(*unit), limit.about));
        return 0;
    }
    return static_cast<int>(length);
}

model::TimescaleOverride read_override(MapReader& m) {
    model::TimescaleOverride o;
    const auto length = m.integer("length", Need::required);
    if (length && *length < 0) m.report(length_field(m), "must not be negative");
    const auto unit = m.choice<model::Unit>("unit", Need::required, model::unit_from_name,
                                            "working-days, calendar-days, hours, months, years");
    o.unit = unit.value_or(model::Unit::working_days);
    if (length) o.length = checked_length(m, *length, unit);
    o.reason = m.text("reason", Need::optional);
    o.source = m.text("source", Need::optional);
    o.extra = m.extras();
    return o;
}

// An override that is not a mapping (`notify-panel:` with nothing after it, `notify-panel: 5`) is a
// problem: read as an empty mapping, it would be a silent zero-length timescale.
bool is_override(const MapReader& timescales, const std::string& rule, const Field& value) {
    if (value.node->is_map()) return true;
    Field at = value;
    if (at.line() == 0)  // an empty value may have no line of its own: point at its key
        for (const auto& [key, v] : timescales.field().node->entries)
            if (key.scalar == rule) at = timescales.field().child(rule, &key);
    timescales.report(at, "expected a mapping with length and unit, e.g. {length: 5, unit: working-days}");
    return false;
}

// A mode such as "0640": octal, within `allowed` (owner and group bits only), with all of `required`.
int read_mode(MapReader& m, const std::string& key, int fallback, int required, int allowed, std::string_view what) {
    const std::string text = m.text(key, Need::optional);
    if (text.empty()) return fallback;
    const Field field = m.field().child(key, m.field().node->find(key));
    int mode = 0;
    const bool octal = text.size() >= 3 && text.size() <= 4 &&
                       std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '7'; });
    if (octal) mode = std::stoi(text, nullptr, 8);
    if (!octal || mode > 0777) {
        m.report(field, fmt::format("'{}' is not a mode; expected octal such as \"{:04o}\"", text, fallback));
    } else if ((mode & 0007) != 0) {
        m.report(field, fmt::format("'{}' would give every account on the machine access to {}; give a group "
                                    "access instead, e.g. \"{:04o}\"", text, what, mode & 0770));
    } else if ((mode & required) != required || (mode & ~allowed) != 0) {
        m.report(field, fmt::format("'{}': {} need at least {:04o} and at most {:04o}", text, key, required, allowed));
    } else {
        return mode;
    }
    return fallback;
}

model::Permissions read_permissions(MapReader& m) {
    model::Permissions p;
    p.files = read_mode(m, "files", p.files, 0600, 0660, "case files");
    p.folders = read_mode(m, "folders", p.folders, 0700, 0770, "case folders");
    return p;
}

bool valid_code(std::string_view code) {
    return code.size() >= 2 && code.size() <= 12 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ---- cases/ids.yaml ----

// A case's year is the year its referral was received, a date-time cspr reads only from 1900 to 2199
// (calendar::parse_london_datetime). Every year in that range has four digits, so the year that
// format_ids writes reads back as the same year ("0999" would be written 999, which does not read).
constexpr int kFirstIdYear = 1900;
constexpr int kLastIdYear = 2199;

// ---- referral.yaml ----

model::Referrer read_referrer(MapReader m) {
    model::Referrer r{m.text("name", Need::required), m.text("agency", Need::required), m.text("role", Need::required),
                      m.text("contact", Need::optional), {}};
    r.extra = m.extras();
    return r;
}

model::Child read_child(MapReader m) {
    model::Child c;
    c.name = m.text("name", Need::required);
    c.date_of_birth = m.date("date_of_birth", Need::optional);
    c.date_of_death = m.date("date_of_death", Need::optional);
    c.incident_date = m.date("incident_date", Need::required).value_or(calendar::Date{});
    c.home_address = m.text("home_address", Need::optional);
    c.ethnicity = m.text("ethnicity", Need::optional);
    c.faith = m.text("faith", Need::optional);
    c.disability = m.text("disability", Need::optional);
    c.child_protection_plan = m.choice<model::CpPlan>("child_protection_plan", Need::required, model::cp_plan_from_name,
                                                      "current, previous, never, unknown")
                                  .value_or(model::CpPlan::unknown);
    c.looked_after = m.boolean("looked_after", Need::required).value_or(false);
    c.whereabouts = m.text("whereabouts", Need::optional);
    c.carer = m.text("carer", Need::optional);
    c.extra = m.extras();
    return c;
}

model::FamilyMember read_family_member(MapReader m) {
    model::FamilyMember f;
    f.name = m.text("name", Need::required);
    f.relationship = m.text("relationship", Need::required);
    f.date_of_birth = m.date("date_of_birth", Need::optional);
    f.address = m.text("address", Need::optional);
    f.legal_status = m.text("legal_status", Need::optional);
    f.ethnicity = m.text("ethnicity", Need::optional);
    f.extra = m.extras();
    return f;
}

model::InvolvedAgency read_agency(MapReader m) {
    model::InvolvedAgency a;
    a.name = m.text("name", Need::required);
    a.agency = m.text("agency", Need::required);
    a.contact = m.text("contact", Need::optional);
    a.still_involved = m.boolean("still_involved", Need::optional);
    a.extra = m.extras();
    return a;
}

std::vector<std::string> read_criteria(MapReader& m) {
    auto criteria = m.text_list("criteria", Need::required);
    const DocNode* list = m.field().node->find("criteria");
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        const Field item = m.field().child("criteria", list).item(i, &list->items[i]);
        if (!model::find_criterion(criteria[i]))
            m.report(item, "the value is not a criterion of the referral form (see docs/case-files.md)");  // never quoted: see shown()
        else if (std::find(criteria.begin(), criteria.begin() + static_cast<long>(i), criteria[i]) !=
                 criteria.begin() + static_cast<long>(i))
            m.report(item, "the value is listed twice");
    }
    return criteria;
}

// Everything of a referral but id and schema_version: shared by the file and the --from form.
void read_referral_body(MapReader& m, model::Referral& r) {
    r.received = m.date_time("received", Need::required).value_or(calendar::DateTime{});
    r.confirmed_in_writing = m.date_time("confirmed_in_writing", Need::optional);
    r.referrer = read_referrer(m.map("referrer", Need::required));
    r.child = read_child(m.map("child", Need::required));
    for (auto& f : m.map_list("family", Need::optional)) r.family.push_back(read_family_member(f));
    for (auto& a : m.map_list("agencies", Need::optional)) r.agencies.push_back(read_agency(a));
    r.criteria = read_criteria(m);
    r.narrative = m.text("narrative", Need::required);
    r.extra = m.extras();
}

// ---- notification.yaml ----

model::NotificationTest read_test(MapReader m) {
    model::NotificationTest t;
    t.abuse_or_neglect = m.choice<model::AbuseOrNeglect>("abuse_or_neglect", Need::required, model::abuse_from_name,
                                                        "known, suspected, no")
                             .value_or(model::AbuseOrNeglect::no);
    t.harm = m.choice<model::Harm>("harm", Need::required, model::harm_from_name, "died, seriously-harmed, neither")
                 .value_or(model::Harm::neither);
    t.location = m.choice<model::Location>("location", Need::required, model::location_from_name,
                                           "in-area, resident-harmed-outside-england, neither")
                     .value_or(model::Location::neither);
    t.looked_after = m.boolean("looked_after", Need::required).value_or(false);
    t.care_leaver = m.boolean("care_leaver", Need::optional).value_or(false);
    t.extra = m.extras();
    return t;
}

model::RecipientRecord read_recipient(MapReader m) {
    model::RecipientRecord r;
    r.recipient = m.text("recipient", Need::required);
    r.rule = m.text("rule", Need::required);
    r.sent = m.date("sent", Need::optional);
    r.extra = m.extras();
    return r;
}

}  // namespace

void Diagnostics::report(const Error& problem) {
    if (mode_ == Mode::strict) throw problem;
    problems_.push_back(problem);
}

model::Config parse_config(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Config c;
    c.partnership = m.text("partnership", Need::required);
    c.code = m.text("code", Need::required);
    if (!c.code.empty() && !valid_code(c.code))
        m.report(m.field().child("code", m.field().node->find("code")), "'" + c.code + "' must be 2 to 12 capital letters");
    c.local_authority = m.text("local_authority", Need::required);
    c.region = m.choice<calendar::Region>("region", Need::required, calendar::region_from_name,
                                          "england-and-wales, scotland, northern-ireland")
                   .value_or(calendar::kDefaultRegion);
    MapReader git = m.map("git", Need::optional);
    c.git_commit = git.boolean("commit", Need::optional).value_or(false);
    c.git_extra = git.extras();
    MapReader permissions = m.map("permissions", Need::optional);
    c.permissions = read_permissions(permissions);
    c.permissions_extra = permissions.extras();
    MapReader timescales = m.map("timescales", Need::optional);
    for (const auto& [rule, field] : timescales.entries()) {
        if (!is_override(timescales, rule, field)) continue;
        MapReader reader = timescales.nested(field);
        c.timescales[rule] = read_override(reader);
    }
    c.extra = m.extras();
    return c;
}

std::string format_config(const model::Config& c) {
    YamlWriter w("schemas/cspr.schema.json", model::kSchemaVersion);
    w.text("partnership", c.partnership);
    w.text("code", c.code);
    w.text("local_authority", c.local_authority);
    w.text("region", calendar::region_name(c.region));
    w.begin_map("git");
    w.boolean("commit", c.git_commit);
    w.extras(c.git_extra);
    w.end_map();
    if (c.permissions != model::Permissions{} || !c.permissions_extra.empty()) {
        w.begin_map("permissions");
        if (c.permissions.files != model::Permissions{}.files) w.text("files", fmt::format("{:04o}", c.permissions.files));
        if (c.permissions.folders != model::Permissions{}.folders) w.text("folders", fmt::format("{:04o}", c.permissions.folders));
        w.extras(c.permissions_extra);
        w.end_map();
    }
    if (!c.timescales.empty()) {
        w.begin_map("timescales");
        for (const auto& [rule, o] : c.timescales) {
            w.begin_map(yaml_scalar(rule));  // any id that was read (`"rule: 1"`) must read back
            w.integer("length", o.length);
            w.text("unit", model::unit_name(o.unit));
            w.optional_text("reason", o.reason);
            w.optional_text("source", o.source);
            w.extras(o.extra);
            w.end_map();
        }
        w.end_map();
    }
    w.extras(c.extra);
    return w.str();
}

model::Referral parse_referral(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Referral r;
    r.id = m.text("id", Need::required);
    read_referral_body(m, r);
    return r;
}

model::Referral parse_referral_form(std::string_view text, const std::string& file) {
    Diagnostics strict;
    return parse_referral_form(text, file, strict);
}

model::Referral parse_referral_form(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    m.text("schema_version", Need::optional);  // a form may carry it; it is not an unknown key
    m.text("id", Need::optional);              // the ID is allocated by refer, whatever the form says
    model::Referral r;
    read_referral_body(m, r);
    return r;
}

std::string format_referral(const model::Referral& r) {
    YamlWriter w(case_schema_path("referral"), model::kSchemaVersion);
    w.text("id", r.id);
    w.date_time("received", r.received);
    w.optional_date_time("confirmed_in_writing", r.confirmed_in_writing);
    w.begin_map("referrer");
    w.text("name", r.referrer.name);
    w.text("agency", r.referrer.agency);
    w.text("role", r.referrer.role);
    w.optional_text("contact", r.referrer.contact);
    w.extras(r.referrer.extra);
    w.end_map();
    const auto& c = r.child;
    w.begin_map("child");
    w.text("name", c.name);
    w.optional_date("date_of_birth", c.date_of_birth);
    w.optional_date("date_of_death", c.date_of_death);
    w.date("incident_date", c.incident_date);
    w.optional_text("home_address", c.home_address);
    w.optional_text("ethnicity", c.ethnicity);
    w.optional_text("faith", c.faith);
    w.optional_text("disability", c.disability);
    w.text("child_protection_plan", model::cp_plan_name(c.child_protection_plan));
    w.boolean("looked_after", c.looked_after);
    w.optional_text("whereabouts", c.whereabouts);
    w.optional_text("carer", c.carer);
    w.extras(c.extra);
    w.end_map();
    if (!r.family.empty()) {
        w.begin_list("family");
        for (const auto& f : r.family) {
            w.begin_item();
            w.text("name", f.name);
            w.text("relationship", f.relationship);
            w.optional_date("date_of_birth", f.date_of_birth);
            w.optional_text("address", f.address);
            w.optional_text("legal_status", f.legal_status);
            w.optional_text("ethnicity", f.ethnicity);
            w.extras(f.extra);
        }
        w.end_list();
    }
    if (!r.agencies.empty()) {
        w.begin_list("agencies");
        for (const auto& a : r.agencies) {
            w.begin_item();
            w.text("name", a.name);
            w.text("agency", a.agency);
            w.optional_text("contact", a.contact);
            if (a.still_involved) w.boolean("still_involved", *a.still_involved);
            w.extras(a.extra);
        }
        w.end_list();
    }
    w.text_list("criteria", r.criteria);
    w.text("narrative", r.narrative);
    w.extras(r.extra);
    return w.str();
}

model::Notification parse_notification(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Notification n;
    n.id = m.text("id", Need::required);
    n.aware = m.date("aware", Need::required).value_or(calendar::Date{});
    n.test = read_test(m.map("test", Need::required));
    n.notifiable = m.boolean("notifiable", Need::required).value_or(false);
    n.reasons = m.text_list("reasons", Need::required);
    for (auto& r : m.map_list("recipients", Need::required)) n.recipients.push_back(read_recipient(r));
    n.not_notifiable_route = m.text("not_notifiable_route", Need::optional);
    n.extra = m.extras();
    return n;
}

std::string format_notification(const model::Notification& n) {
    YamlWriter w(case_schema_path("notification"), model::kSchemaVersion);
    w.text("id", n.id);
    w.date("aware", n.aware);
    w.begin_map("test");
    w.text("abuse_or_neglect", model::abuse_name(n.test.abuse_or_neglect));
    w.text("harm", model::harm_name(n.test.harm));
    w.text("location", model::location_name(n.test.location));
    w.boolean("looked_after", n.test.looked_after);
    w.boolean("care_leaver", n.test.care_leaver);
    w.extras(n.test.extra);
    w.end_map();
    w.boolean("notifiable", n.notifiable);
    w.text_list("reasons", n.reasons);
    if (n.recipients.empty()) {
        w.empty_list("recipients");
    } else {
        w.begin_list("recipients");
        for (const auto& r : n.recipients) {
            w.begin_item();
            w.text("recipient", r.recipient);
            w.text("rule", r.rule);
            w.optional_date("sent", r.sent);
            w.extras(r.extra);
        }
        w.end_list();
    }
    w.optional_text("not_notifiable_route", n.not_notifiable_route);
    w.extras(n.extra);
    return w.str();
}

std::map<int, int> parse_ids(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    std::map<int, int> last;
    for (const auto& [year, f] : m.map("last", Need::required).entries()) {
        const auto y = calendar::parse_iso_date(year + "-01-01");
        const std::string value = f.node->is_scalar() ? f.node->scalar : "";
        const bool number = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        if (number && value.size() > static_cast<std::size_t>(kCaseNumberDigits)) {  // the ID pattern's digits
            m.report(f, fmt::format("more than {} digits; case numbers run to {}", kCaseNumberDigits, kMaxCaseNumber));
            continue;
        }
        if (!y || !number || std::stoi(value) < 1) {
            m.report(f, "expected a year mapped to the last number allocated, e.g. \"2025\": 3");
            continue;
        }
        const int year_number = static_cast<int>(date::year_month_day{*y}.year());
        if (year_number < kFirstIdYear || year_number > kLastIdYear) {
            m.report(f, fmt::format("year '{}' is outside {} to {}, the years a referral can be received in", year,
                                    kFirstIdYear, kLastIdYear));
            continue;
        }
        last[year_number] = std::stoi(value);
    }
    return last;
}

std::string format_ids(const std::map<int, int>& last) {
    YamlWriter w("../schemas/ids.schema.json", model::kSchemaVersion);
    if (last.empty()) {
        w.empty_map("last");
        return w.str();
    }
    w.begin_map("last");
    for (const auto& [year, number] : last) w.integer("\"" + std::to_string(year) + "\"", number);
    w.end_map();
    return w.str();
}

}  // namespace cspr::store
