// GOV.UK's bank-holidays.json, read through yaml-cpp (JSON is YAML) and written back in its shape.
#include <fmt/format.h>

#include "cspr/store.hpp"
#include "yaml_read.hpp"

namespace cspr::store {

namespace {

using calendar::Holiday;
using calendar::Region;

Holiday parse_event(const Field& event) {
    require_map(event);
    const Field date_field = require_key(event, "date");
    const auto date = calendar::parse_iso_date(require_string(date_field));
    if (!date) date_field.fail("'" + require_string(date_field) + "' is not a date; expected YYYY-MM-DD");
    Holiday h{*date, require_string(require_key(event, "title")), require_string(require_key(event, "notes")),
              require_bool(require_key(event, "bunting")), false};
    if (h.title.empty()) require_key(event, "title").fail("must not be empty");
    return h;
}

std::vector<Holiday> parse_division(const Field& division, const std::string& name) {
    require_map(division);
    const Field declared = require_key(division, "division");
    if (require_string(declared) != name)
        declared.fail("says '" + require_string(declared) + "' under the key '" + name + "'");
    const Field events = require_key(division, "events");
    require_sequence(events);
    std::vector<Holiday> out;
    for (std::size_t i = 0; i < events.node->items.size(); ++i) {
        const Field event = events.item(i, &events.node->items[i]);
        Holiday h = parse_event(event);
        if (!out.empty() && h.date <= out.back().date)
            event.fail(calendar::format_iso_date(h.date) +
                       (h.date == out.back().date ? " appears twice" : " is out of date order"));
        out.push_back(std::move(h));
    }
    return out;
}

// JSON string literal: escape what JSON requires and keep everything else (UTF-8) as it is.
std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += {'\\', static_cast<char>(c)};
        else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
    return out + "\"";
}

}  // namespace

calendar::HolidayTable parse_holiday_feed(std::string_view text, const std::string& file_name) {
    const Field root = parse_yaml(text, file_name);
    if (!root.node->is_map())
        root.fail("not a bank-holidays feed: expected an object with england-and-wales, scotland and/or "
                  "northern-ireland");
    require_map(root);
    calendar::HolidayTable table;
    bool any = false;
    for (const auto& [key_node, value] : root.node->entries) {
        const std::string& key = key_node.scalar;
        const Field division = root.child(key, &value);
        const auto region = calendar::region_from_name(key);
        if (!region) division.fail("unknown division; expected england-and-wales, scotland or northern-ireland");
        table.of(*region) = parse_division(division, key);
        any = any || !table.of(*region).empty();
    }
    if (!any) root.fail("not a bank-holidays feed: no events in any division");
    return table;
}

std::string format_holiday_feed(const calendar::HolidayTable& table) {
    std::string out = "{";
    const char* division_separator = "\n";
    for (Region r : calendar::kAllRegions) {
        const auto& events = table.of(r);
        if (events.empty()) continue;
        out += fmt::format("{}  {}: {{\n    \"division\": {},\n    \"events\": [", division_separator,
                           json_string(calendar::region_name(r)), json_string(calendar::region_name(r)));
        const char* event_separator = "\n";
        for (const auto& h : events) {
            out += fmt::format("{}      {{\n        \"title\": {},\n        \"date\": \"{}\",\n        \"notes\": {},\n"
                               "        \"bunting\": {}\n      }}",
                               event_separator, json_string(h.title), calendar::format_iso_date(h.date),
                               json_string(h.notes), h.bunting ? "true" : "false");
            event_separator = ",\n";
        }
        out += "\n    ]\n  }";
        division_separator = ",\n";
    }
    return out + "\n}\n";
}

}  // namespace cspr::store
