// The case files: each kind read into its model value and written back in canonical form.
// The order of keys here is the order in files, and docs/case-files.md is the specification.
#include <fmt/format.h>

#include "field_write.hpp"
#include "length_limits.hpp"
#include "map_reader.hpp"
#include "yaml_write.hpp"

namespace cspr::store {

namespace {

// ---- cspr.yaml ----

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

// ---- cases/ids.yaml ----

// A case's year is the year its referral was received, a date-time cspr reads only from 1900 to 2199
// (calendar::parse_london_datetime). Every year in that range has four digits, so the year that
// format_ids writes reads back as the same year ("0999" would be written 999, which does not read).
constexpr int kFirstIdYear = 1900;
constexpr int kLastIdYear = 2199;

}  // namespace

void Diagnostics::report(const Error& problem) {
    if (mode_ == Mode::strict) throw problem;
    problems_.push_back(problem);
}

// The lengths are read as written and checked against the unit's limit, so that no value is cut
// down (4294967301 to 5); the other rows are read from the table. A figure is length and unit
// together, and an override says something: a figure, or `enabled` (the schema says the same).
void read_special(MapReader& m, model::TimescaleOverride& o) {
    const DocNode& node = *m.field().node;
    const bool has_length = node.find("length") != nullptr, has_unit = node.find("unit") != nullptr;
    if (has_length != has_unit) m.report_missing(has_length ? "unit" : "length");
    if (!has_length && !has_unit && node.is_map() && !node.find("enabled"))
        m.report(m.field(), "gives no timescale: give length and unit, or enabled");
    const auto length = m.integer("length", Need::optional);
    if (length && *length < 0) m.report(length_field(m), "must not be negative");
    o.unit = m.choice<model::Unit>("unit", Need::optional, model::unit_from_name, model::one_of<model::Unit>());
    if (length) o.length = checked_length(m, *length, o.unit);
    TableReader rest(m, /*form=*/false, /*skip=*/{"length", "unit"});
    fields(rest, o);
}

model::Config parse_config(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Config c;
    TableReader reader(m);
    fields(reader, c);
    return c;
}

std::string format_config(const model::Config& c) {
    YamlWriter w("schemas/cspr.schema.json", model::kSchemaVersion);
    TableWriter writer(w);
    fields(writer, c);
    return w.str();
}

model::Referral parse_referral(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Referral r;
    TableReader reader(m);
    fields(reader, r);
    return r;
}

model::Referral parse_referral_form(std::string_view text, const std::string& file) {
    Diagnostics strict;
    return parse_referral_form(text, file, strict);
}

model::Referral parse_referral_form(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    m.text("schema_version", Need::optional);  // a form may carry it; it is not an unknown key
    model::Referral r;
    TableReader reader(m, /*form=*/true);  // the ID is allocated by refer, whatever the form says
    fields(reader, r);
    return r;
}

std::string format_referral(const model::Referral& r) {
    YamlWriter w(case_schema_path("referral"), model::kSchemaVersion);
    TableWriter writer(w);
    fields(writer, r);
    return w.str();
}

model::Notification parse_notification(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    MapReader m = read_root(text, file, diagnostics);
    check_schema_version(m);
    model::Notification n;
    TableReader reader(m);
    fields(reader, n);
    return n;
}

std::string format_notification(const model::Notification& n) {
    YamlWriter w(case_schema_path("notification"), model::kSchemaVersion);
    TableWriter writer(w);
    fields(writer, n);
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
