// UK working-day calendar: dates, bank holidays per region, and working-day arithmetic.
// No I/O here: holiday data comes in as values (the embedded table, or a feed parsed by `store`).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace cspr::calendar {

using Date = date::sys_days;

// ---- Dates -------------------------------------------------------------------------------------

// Strict ISO 8601 calendar date `YYYY-MM-DD`: exactly ten characters, a real day. Nothing else
// (`2023-2-3`, `2023-02-30`, `tomorrow`) parses.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date d);
// Like parse_iso_date, but throws cspr::Error naming `what` (an argument or field) on bad input.
Date require_iso_date(std::string_view text, std::string_view what);

// The date in London (GMT, or BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October) at instant `t`: "today" for a partnership in England, even just after
// midnight in summer when UTC is still on yesterday.
Date london_date(std::chrono::system_clock::time_point t);

// An instant to the minute. Files and output show it as London local time, "2025-03-03T10:30".
using DateTime = std::chrono::sys_time<std::chrono::minutes>;
// Strict "YYYY-MM-DDTHH:MM" in London local time. A time the clocks skip (01:30 on the last Sunday
// of March) does not parse; one they repeat (01:30 on the last Sunday of October) reads as BST.
std::optional<DateTime> parse_london_datetime(std::string_view text);
DateTime require_london_datetime(std::string_view text, std::string_view what);
std::string format_london_datetime(DateTime t);
// The London local date of an instant.
Date london_date_of(DateTime t);

// Three-letter English weekday name ("Mon"), for tables.
std::string_view weekday_abbrev(Date d);

// "Within N months of X": same day of month N months later, clamped to that month's last day
// (2025-08-31 + 6 months = 2026-02-28). Never moved off a weekend or holiday.
Date add_months(Date d, int months);
// "At least N years": the same date N years later; 29 Feb becomes 28 Feb.
Date add_years(Date d, int years);

// ---- Regions -----------------------------------------------------------------------------------

enum class Region : std::uint8_t { england_and_wales, scotland, northern_ireland };
inline constexpr std::array kAllRegions = {Region::england_and_wales, Region::scotland, Region::northern_ireland};
inline constexpr Region kDefaultRegion = Region::england_and_wales;

// The GOV.UK division name: "england-and-wales", "scotland", "northern-ireland".
std::string_view region_name(Region r);
std::optional<Region> region_from_name(std::string_view name);
// Like region_from_name, but throws cspr::Error listing the valid names.
Region require_region(std::string_view name);

// ---- Holiday data ------------------------------------------------------------------------------

struct Holiday {
    Date date;
    std::string title;
    std::string notes;       // "Substitute day", "" ...
    bool bunting = false;    // kept only so that data round-trips in GOV.UK's shape
    bool projected = false;  // from the standing rules, not an announcement

    friend bool operator==(const Holiday&, const Holiday&) = default;
};

// Holidays per region, each list sorted by date. This is the shape of GOV.UK's bank-holidays.json.
struct HolidayTable {
    std::array<std::vector<Holiday>, kAllRegions.size()> by_region;

    std::vector<Holiday>& of(Region r) { return by_region[static_cast<std::size_t>(r)]; }
    const std::vector<Holiday>& of(Region r) const { return by_region[static_cast<std::size_t>(r)]; }
};

// The announced holidays compiled into the binary from data/bank-holidays.json.
const HolidayTable& embedded_holidays();

// Overlays `newer` on `base`: for each region `newer` has events for, its events replace `base`'s
// in the years `newer` covers (first to last year); years outside keep `base`'s events. This is
// how an imported GOV.UK feed (a rolling window of years) takes precedence without losing history.
HolidayTable overlay(const HolidayTable& base, const HolidayTable& newer);

// The standing rules for one year (no one-off days): what a year looks like before it is announced.
// Every returned holiday is marked projected.
std::vector<Holiday> standing_holidays(Region r, int year);

// Gregorian Easter Sunday.
Date easter_sunday(int year);

// ---- Working-day arithmetic --------------------------------------------------------------------

// Last year the calendar projects to from the standing rules, past the announced data.
inline constexpr int kLastProjectedYear = 2050;

// One region's calendar over a fixed span of years, with tables built once so that every query
// below is O(1). A working day is Monday to Friday and not a bank holiday of the region.
struct Calendar {
    Region region = kDefaultRegion;
    Date first_day{};  // 1 January of the first announced year
    Date last_day{};   // 31 December of kLastProjectedYear
    int last_announced_year = 0;
    std::vector<Holiday> holidays;  // announced, then projected; sorted
    // working_days_before[i]: working days in [first_day, first_day + i); one entry past the end.
    std::vector<std::int32_t> working_days_before;
    // working_day_offsets[k]: offset from first_day of the k-th working day (0-based).
    std::vector<std::int32_t> working_day_offsets;
};

// Builds the calendar of `r` from announced data; years after the last announced one (to
// kLastProjectedYear) come from the standing rules and are marked projected.
Calendar make_calendar(Region r, const HolidayTable& announced);

// Every query throws cspr::Error for a date outside [first_day, last_day], or when the answer would
// fall outside it: the calendar never guesses.
bool covers(const Calendar& cal, Date d);
// Throws the calendar's out-of-range error unless covers(cal, d).
void require_covers(const Calendar& cal, Date d);
bool is_working_day(const Calendar& cal, Date d);
// The holiday on `d`, if any.
const Holiday* holiday_on(const Calendar& cal, Date d);
// True when `d` is in a year the calendar projects from the standing rules.
bool is_projected(const Calendar& cal, Date d);

// The n-th working day after `d` (n > 0) or before it (n < 0); `d` itself is day 0 and never
// counted, whatever day it is. n == 0 returns `d`.
// add_working_days(2024-12-20, 5) == 2024-12-31; add_working_days(2025-04-28, -7) == 2025-04-15
// (Easter 2025 falls between; the issue text said 04-16, a miscount: see docs/calendar.md).
Date add_working_days(const Calendar& cal, Date d, int n);
// The number of working days in (a, b]; negative (the count in (b, a]) when b < a.
int working_days_between(const Calendar& cal, Date a, Date b);
// The first working day strictly after `d`.
Date next_working_day(const Calendar& cal, Date d);
// `d` if it is a working day, else the next one.
Date working_day_on_or_after(const Calendar& cal, Date d);

// Holidays in [from, to], in date order; both ends must be covered.
std::span<const Holiday> holidays_between(const Calendar& cal, Date from, Date to);

}  // namespace cspr::calendar
