// Working-day arithmetic over prefix tables, so that every query is a few array reads.
#include <algorithm>

#include "cspr/calendar.hpp"
#include "cspr/error.hpp"

namespace cspr::calendar {

namespace {

int year_of(Date d) { return static_cast<int>(date::year_month_day{d}.year()); }

bool is_weekend(Date d) {
    const auto wd = date::weekday{d};
    return wd == date::Saturday || wd == date::Sunday;
}

std::int32_t offset(const Calendar& cal, Date d) { return static_cast<std::int32_t>((d - cal.first_day).count()); }

[[noreturn]] void throw_outside(const Calendar& cal, const std::string& what) {
    throw Error(what + " is outside the " + std::string(region_name(cal.region)) + " calendar, which covers " +
                format_iso_date(cal.first_day) + " to " + format_iso_date(cal.last_day));
}

std::int32_t checked_offset(const Calendar& cal, Date d) {
    if (!covers(cal, d)) throw_outside(cal, format_iso_date(d));
    return offset(cal, d);
}

std::vector<Holiday> with_projection(Region r, const std::vector<Holiday>& announced, int last_announced) {
    std::vector<Holiday> all = announced;
    for (int y = last_announced + 1; y <= kLastProjectedYear; ++y) {
        auto year = standing_holidays(r, y);
        all.insert(all.end(), year.begin(), year.end());
    }
    return all;
}

}  // namespace

Calendar make_calendar(Region r, const HolidayTable& announced) {
    const auto& data = announced.of(r);
    if (data.empty()) throw Error("no bank-holiday data for " + std::string(region_name(r)));
    Calendar cal;
    cal.region = r;
    cal.first_day = Date{date::year{year_of(data.front().date)} / 1 / 1};
    cal.last_announced_year = year_of(data.back().date);
    cal.last_day = Date{date::year{std::max(kLastProjectedYear, cal.last_announced_year)} / 12 / 31};
    cal.holidays = with_projection(r, data, cal.last_announced_year);

    const auto days = static_cast<std::size_t>((cal.last_day - cal.first_day).count() + 1);
    std::vector<bool> holiday(days, false);
    for (const auto& h : cal.holidays)
        if (covers(cal, h.date)) holiday[static_cast<std::size_t>(offset(cal, h.date))] = true;

    cal.working_days_before.assign(days + 1, 0);
    cal.working_day_offsets.reserve(days);
    for (std::size_t i = 0; i < days; ++i) {
        const bool working = !holiday[i] && !is_weekend(cal.first_day + date::days{i});
        if (working) cal.working_day_offsets.push_back(static_cast<std::int32_t>(i));
        cal.working_days_before[i + 1] = cal.working_days_before[i] + (working ? 1 : 0);
    }
    return cal;
}

bool covers(const Calendar& cal, Date d) { return d >= cal.first_day && d <= cal.last_day; }

void require_covers(const Calendar& cal, Date d) { checked_offset(cal, d); }

bool is_working_day(const Calendar& cal, Date d) {
    const auto i = static_cast<std::size_t>(checked_offset(cal, d));
    return cal.working_days_before[i + 1] != cal.working_days_before[i];
}

const Holiday* holiday_on(const Calendar& cal, Date d) {
    checked_offset(cal, d);
    auto it = std::lower_bound(cal.holidays.begin(), cal.holidays.end(), d,
                               [](const Holiday& h, Date x) { return h.date < x; });
    return it != cal.holidays.end() && it->date == d ? &*it : nullptr;
}

bool is_projected(const Calendar& cal, Date d) {
    checked_offset(cal, d);
    return year_of(d) > cal.last_announced_year;
}

Date add_working_days(const Calendar& cal, Date d, int n) {
    const auto i = static_cast<std::size_t>(checked_offset(cal, d));
    if (n == 0) return d;
    // Working days strictly after d start at index before[i + 1]; strictly before d end at before[i].
    const std::int64_t k =
        n > 0 ? std::int64_t{cal.working_days_before[i + 1]} + n - 1 : std::int64_t{cal.working_days_before[i]} + n;
    if (k < 0 || k >= static_cast<std::int64_t>(cal.working_day_offsets.size()))
        throw_outside(cal, std::to_string(n) + " working days from " + format_iso_date(d));
    return cal.first_day + date::days{cal.working_day_offsets[static_cast<std::size_t>(k)]};
}

int working_days_between(const Calendar& cal, Date a, Date b) {
    const auto ia = static_cast<std::size_t>(checked_offset(cal, a));
    const auto ib = static_cast<std::size_t>(checked_offset(cal, b));
    return cal.working_days_before[ib + 1] - cal.working_days_before[ia + 1];
}

Date next_working_day(const Calendar& cal, Date d) { return add_working_days(cal, d, 1); }

Date working_day_on_or_after(const Calendar& cal, Date d) {
    return is_working_day(cal, d) ? d : next_working_day(cal, d);
}

std::span<const Holiday> holidays_between(const Calendar& cal, Date from, Date to) {
    // An empty answer outside the calendar would read as "no holidays" when the truth is "unknown".
    checked_offset(cal, from);
    checked_offset(cal, to);
    const auto by_date = [](const Holiday& h, Date x) { return h.date < x; };
    auto first = std::lower_bound(cal.holidays.begin(), cal.holidays.end(), from, by_date);
    auto last = std::lower_bound(first, cal.holidays.end(), to + date::days{1}, by_date);
    return {first, last};
}

}  // namespace cspr::calendar
