// ISO dates, month and year arithmetic, region names.
#include <algorithm>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

namespace cspr::calendar {

namespace {

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

constexpr std::array<std::string_view, 3> kRegionNames = {"england-and-wales", "scotland", "northern-ireland"};

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    const date::year_month_day ymd{date::year{to_int(y)}, date::month{static_cast<unsigned>(to_int(m))},
                                   date::day{static_cast<unsigned>(to_int(d))}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

Date require_iso_date(std::string_view text, std::string_view what) {
    if (auto d = parse_iso_date(text)) return *d;
    throw Error("'" + std::string(text) + "' is not a date; expected YYYY-MM-DD, e.g. 2025-03-04",
                {.field = std::string(what)});
}

std::string format_iso_date(Date d) { return date::format("%F", d); }

namespace {

// BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
std::chrono::minutes london_offset(std::chrono::system_clock::time_point t) {
    const int y = static_cast<int>(date::year_month_day{date::floor<date::days>(t)}.year());
    const auto last_sunday = [y](unsigned m) {
        return Date{date::year{y} / date::month{m} / date::Sunday[date::last]};
    };
    const auto bst_start = last_sunday(3) + std::chrono::hours{1};
    const auto bst_end = last_sunday(10) + std::chrono::hours{1};
    return t >= bst_start && t < bst_end ? std::chrono::minutes{60} : std::chrono::minutes{0};
}

}  // namespace

Date london_date(std::chrono::system_clock::time_point t) { return date::floor<date::days>(t + london_offset(t)); }

Date london_date_of(DateTime t) { return london_date(t); }

std::optional<DateTime> parse_london_datetime(std::string_view text) {
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
    const auto day = parse_iso_date(text.substr(0, 10));
    // Instants go through std::chrono::system_clock (nanoseconds), which reaches only 1678 to 2261.
    if (day && (*day < Date{date::year{1900} / 1 / 1} || *day > Date{date::year{2199} / 12 / 31})) return std::nullopt;
    const auto hh = text.substr(11, 2), mm = text.substr(14, 2);
    if (!day || !all_digits(hh) || !all_digits(mm) || to_int(hh) > 23 || to_int(mm) > 59) return std::nullopt;
    const DateTime local = DateTime{*day} + std::chrono::hours{to_int(hh)} + std::chrono::minutes{to_int(mm)};
    for (const auto offset : {std::chrono::minutes{60}, std::chrono::minutes{0}}) {
        const DateTime utc = local - offset;
        if (london_offset(utc) == offset) return utc;
    }
    return std::nullopt;  // in the hour the clocks skip
}

DateTime require_london_datetime(std::string_view text, std::string_view what) {
    if (auto t = parse_london_datetime(text)) return *t;
    throw Error("'" + std::string(text) +
                    "' is not a London date and time; expected YYYY-MM-DDTHH:MM, e.g. "
                    "2025-03-03T10:30",
                {.field = std::string(what)});
}

std::string format_london_datetime(DateTime t) { return date::format("%FT%H:%M", t + london_offset(t)); }

std::string_view weekday_abbrev(Date d) {
    static constexpr std::array<std::string_view, 7> kNames = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return kNames[date::weekday{d}.c_encoding()];
}

Date add_months(Date d, int months) {
    const date::year_month_day ymd{d};
    const date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
    const date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
    return Date{ym / std::min(ymd.day(), last)};
}

Date add_years(Date d, int years) {
    // Clamping to the month's end is exactly the 29 February rule.
    return add_months(d, 12 * years);
}

std::string_view region_name(Region r) { return kRegionNames[static_cast<std::size_t>(r)]; }

std::optional<Region> region_from_name(std::string_view name) {
    for (Region r : kAllRegions)
        if (region_name(r) == name) return r;
    return std::nullopt;
}

Region require_region(std::string_view name) {
    if (auto r = region_from_name(name)) return *r;
    throw Error("unknown region '" + std::string(name) + "'; expected england-and-wales, scotland or northern-ireland",
                {.field = "--region"});
}

}  // namespace cspr::calendar
